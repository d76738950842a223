import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = `http://localhost:${process.env.PORT ?? 3000}`;

/** React, i18next, Socket.IO and zustand, with what they import. */
const BASE_LIBRARIES =
  /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|html-parse-stringify|void-elements|socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io[\\/]component-emitter|zustand|use-sync-external-store)[\\/]/;

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
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The libraries every screen loads first, in one chunk: one file
          // compresses better than the three the bundler would cut (0.9 KB
          // less for the trainee route), and it keeps its name across
          // releases that change only our code, so a phone keeps it cached.
          groups: [{ name: 'base', test: BASE_LIBRARIES }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': api, '/healthz': api, '/socket.io': { target: api, ws: true } },
  },
});
