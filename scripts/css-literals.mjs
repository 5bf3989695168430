/**
 * Minifies the CSS inside Lit `css\`...\`` templates (comments, indentation, line breaks), which
 * JavaScript minifiers leave alone because to them it is string content. Only templates with no
 * `${}` are touched, and quoted strings inside the CSS are kept as they are. Used when measuring
 * bundle sizes, building the CDN files and post-processing each package's `dist/`, so what is
 * measured is what ships.
 */
import { readFile } from 'node:fs/promises';

const CSS_TEMPLATE = /\bcss`([^`$\\]*)`/g;
const QUOTED = /('[^'\n]*'|"[^"\n]*")/;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(QUOTED)
    .map((part, index) => {
      if (index % 2 === 1) return part; // a quoted string
      return part
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};>])\s*/g, '$1')
        .replace(/(,|:)\s+/g, '$1')
        .replace(/\s+!important/g, '!important');
    })
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * The line breaks taken out of a template are put back after it, outside the string, so every
 * later line keeps its number and existing source maps stay right.
 */
export function minifyCssLiterals(source) {
  return source.replace(CSS_TEMPLATE, (_, text) => `css\`${minifyCss(text)}\`${'\n'.repeat(text.split('\n').length - 1)}`);
}

/** esbuild plugin: minifies css literals in the workspace's element sources as they load. */
export const cssLiteralsPlugin = {
  name: 'pxm-css-literals',
  setup(build) {
    build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyCssLiterals(await readFile(args.path, 'utf8')),
      loader: 'ts',
    }));
  },
};
