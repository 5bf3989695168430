import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The @pxm/* packages resolve to their built `dist/` exactly as they would from npm (run
// `pnpm build` at the repository root first).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    vue({
      // <pxm-*> tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pxm-') } },
    }),
  ],
  server: { port: 5175, host: '127.0.0.1' },
  preview: { port: 4175, host: '127.0.0.1' },
  build: { outDir: 'dist', emptyOutDir: true },
});
