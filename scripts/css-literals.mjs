/**
 * Minifies the CSS inside Lit `css\`...\`` templates (comments, indentation, line breaks), which
 * JavaScript minifiers leave alone because to them it is string content. Only templates with no
 * `${}` are touched, and quoted strings inside the CSS are kept as they are. Applied with the html
 * templates' by template-literals.mjs.
 */
// tsc writes `css \`...\`` (a space after the tag) in dist/; sources have none.
const CSS_TEMPLATE = /\bcss(\s*)`([^`$\\]*)`/g;
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
  return source.replace(CSS_TEMPLATE, (_, space, text) => `css${space}\`${minifyCss(text)}\`${'\n'.repeat(text.split('\n').length - 1)}`);
}
