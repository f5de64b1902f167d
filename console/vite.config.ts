import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Run from the repository root: `vite build --config console/vite.config.ts`.
const consoleDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: consoleDir,
  base: '/console/',
  plugins: [react()],
  // The console has no public/ folder and reads no .env of the repo root by accident.
  publicDir: false,
  envDir: consoleDir,
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: true,
    // No manualChunks on purpose: pages are React.lazy, so Rollup keeps each page's TDesign parts
    // (the Table is most of the users page) out of the first download of the login screen.
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true },
    },
  },
});
