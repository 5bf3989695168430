/**
 * What a JavaScript minifier leaves in Lit templates because to it they are strings: the CSS of
 * `css` templates (css-literals.mjs) and the indentation of `html` and `svg` templates
 * (html-literals.mjs). Applied when building the script-tag files and each package's `dist/`, and
 * when `pnpm size` bundles the sources, so what is measured is what ships. Line numbers are kept.
 */
import { readFile } from 'node:fs/promises';
import { minifyCssLiterals } from './css-literals.mjs';
import { minifyHtmlLiterals } from './html-literals.mjs';

/** `source` (TypeScript or JavaScript, by `fileName`) with its Lit templates minified. */
export function minifyTemplateLiterals(source, fileName) {
  return minifyHtmlLiterals(minifyCssLiterals(source), fileName);
}

/** esbuild plugin: minifies the templates in the workspace's element sources as they load. */
export const templateLiteralsPlugin = {
  name: 'pxm-template-literals',
  setup(build) {
    build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyTemplateLiterals(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
