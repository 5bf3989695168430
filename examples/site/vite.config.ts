import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  // Workspace packages resolve to their TypeScript sources: no build step before the demo.
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5173, strictPort: false, host: '127.0.0.1', open: false },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true },
});
