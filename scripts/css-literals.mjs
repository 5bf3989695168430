/**
 * Minifies the CSS inside Lit `css\`...\`` templates (comments, indentation, line breaks), which
 * JavaScript minifiers leave alone because to them it is string content. Only templates with no
 * `${}` are touched, and quoted strings inside the CSS are kept as they are. A backslash (a CSS
 * escape such as `'\\2060'`) is fine inside a quoted string; a template with one anywhere else is
 * left as written. Applied with the html templates' by template-literals.mjs.
 */
// tsc writes `css \`...\`` (a space after the tag) in dist/; sources have none. An escaped
// character counts as one (a line continuation does not match: collapsing it would add a space).
const CSS_TEMPLATE = /\bcss(\s*)`((?:[^`$\\]|\\[^\r\n])*)`/g;
const QUOTED = /('[^'\n]*'|"[^"\n]*")/;
const COMMENT = /\/\*[\s\S]*?\*\//g;

/** Every backslash sits inside a quoted string and does not escape its closing quote. */
function backslashesQuoted(text) {
  return text
    .replace(COMMENT, '')
    .split(QUOTED)
    .every((part, index) => !part.includes('\\') || (index % 2 === 1 && part.at(-2) !== '\\'));
}

export function minifyCss(text) {
  return text
    .replace(COMMENT, '')
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
  return source.replace(CSS_TEMPLATE, (template, space, text) =>
    backslashesQuoted(text) ? `css${space}\`${minifyCss(text)}\`${'\n'.repeat(text.split('\n').length - 1)}` : template,
  );
}
