import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The @pxm/* packages resolve to their built `dist/` exactly as they would from npm (run
// `pnpm build` at the repository root first).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: { port: 5174, host: '127.0.0.1' },
  preview: { port: 4174, host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true },
});
