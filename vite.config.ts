import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = `http://localhost:${process.env.PORT ?? 3000}`;

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // Brotli and gzip beside every text file at build time: the server sends
    // them as they are (server/http/client-files.ts), compressing nothing per request.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 512,
      skipIfLargerOrEqual: true,
    }),
  ],
  // The manifest lets scripts/bundle-size.ts follow each route's chunks.
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': api, '/healthz': api, '/socket.io': { target: api, ws: true } },
  },
});
