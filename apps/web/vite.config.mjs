// Plain JavaScript: the repository type-checks with Node10 resolution, which cannot see Vite's types.
// Built with `npm run web:build` (the root is this folder, so `dist` is apps/web/dist). The dev
// server forwards API paths to a running `npm start`, so the console stays same-origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: Object.fromEntries(['/dev-auth', '/inbox', '/rounds', '/rotations'].map((path) => [path, api])) },
});
