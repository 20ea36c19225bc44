// Plain JavaScript: the repository type-checks with Node10 resolution, which cannot see Vite's types.
// Built with `npm run web:build` (the root is this folder, so `dist` is apps/web/dist) for the
// base path /console/, where the API serves it (it also serves index.html for /publik/*). The dev
// server forwards API paths to a running `npm start`, so the console stays same-origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';
const apiPaths = ['/dev-auth', '/inbox', '/rounds', '/rotations', '/rules', '/public', '/admin', '/health'];

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, api])) },
});
