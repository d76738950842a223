import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [react()],
  // The manifest lets scripts/bundle-size.ts follow each route's chunks.
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': api, '/healthz': api, '/socket.io': { target: api, ws: true } },
  },
});
