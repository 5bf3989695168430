/**
 * Custom Elements Manifest analyzer config (`cem analyze` in this folder, or `pnpm manifest` at
 * the root, which also writes the framework types and API reference derived from it).
 */
import { fileURLToPath } from 'node:url';
import {
  defineElementPlugin,
  eventTypesPlugin,
  globalTokensPlugin,
  internalStatePlugin,
} from '../../scripts/manifest/cem-plugins.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-helpers/**', 'src/frameworks/**', 'src/cdn/adapters/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    internalStatePlugin(),
    eventTypesPlugin(),
    globalTokensPlugin({ hostStylesPath: fileURLToPath(new URL('./src/styles/host.styles.ts', import.meta.url)) }),
    defineElementPlugin(),
  ],
};
