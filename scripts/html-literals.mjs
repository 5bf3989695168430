/**
 * Collapses the indentation inside Lit `html\`...\`` and `svg\`...\`` templates, which JavaScript
 * minifiers leave alone because to them it is string content. A run of whitespace that holds a
 * line break becomes one space: where `white-space` is `normal` (every element resets it on its
 * root) the browser renders both the same, so the markup and the page do not change. The content
 * of `<pre>`, `<textarea>`, `<script>` and `<style>` (between the opening tag's `>` and the
 * closing tag) is left as written; the rest of their template is collapsed.
 *
 * Templates are found with the TypeScript parser (the `${}` expressions inside them may hold
 * strings, other templates and braces), and every line break taken out is put back right after
 * the next `${` or after the closing backtick, with the code after it at its old column, so
 * existing source maps stay right.
 */
import ts from 'typescript';

const TAGS = new Set(['html', 'svg']);
// A backslash before a line break is a line continuation (it yields nothing): collapsing it would add a space.
const LINE_CONTINUATION = /\\\r?\n/;
const LINE_BREAK_RUN = /[ \t]*(?:\r?\n[ \t]*)+/g;
const SENSITIVE_OPENING = /<(pre|textarea|script|style)\b/i;

/**
 * For each static part of a template, the ranges of it that are whitespace-sensitive content (to
 * keep as written), in order. The state carries over from one part to the next: an opening tag
 * or a content may span `${}` expressions.
 */
function sensitiveRuns(ranges) {
  let state = { in: 'markup' };
  return ranges.map(({ text }) => {
    const lowerText = text.toLowerCase();
    const runs = [];
    let position = 0;
    while (position < text.length) {
      if (state.in === 'markup') {
        const opening = SENSITIVE_OPENING.exec(text.slice(position));
        if (!opening) break;
        position += opening.index + opening[0].length;
        state = { in: 'opening-tag', tag: opening[1].toLowerCase() };
      } else if (state.in === 'opening-tag') {
        const end = text.indexOf('>', position);
        if (end < 0) break;
        position = end + 1;
        state = { in: 'content', tag: state.tag, from: position };
      } else {
        const closing = lowerText.indexOf(`</${state.tag}`, position);
        runs.push({ from: state.from, to: closing < 0 ? text.length : closing });
        if (closing < 0) break;
        position = closing;
        state = { in: 'markup' };
      }
    }
    // A content still open goes on from the start of the next part.
    if (state.in === 'content') state = { ...state, from: 0 };
    return runs;
  });
}

/** `text` with each line-breaking whitespace run outside `kept` (ranges of it) made one space. */
function collapse(text, kept) {
  let result = '';
  let position = 0;
  for (const { from, to } of kept) {
    result += text.slice(position, from).replace(LINE_BREAK_RUN, ' ') + text.slice(from, to);
    position = to;
  }
  return result + text.slice(position).replace(LINE_BREAK_RUN, ' ');
}

/** The static parts of one tagged template, each as the character range of its text. */
function literalRanges(template, source) {
  const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
  return parts.map((part) => {
    const start = part.getStart() + 1; // after ` or }
    const closesWithBacktick = ts.isNoSubstitutionTemplateLiteral(part) || part.kind === ts.SyntaxKind.TemplateTail;
    const end = part.end - (closesWithBacktick ? 1 : 2); // before ` or ${
    return { start, end, closesWithBacktick, text: source.slice(start, end) };
  });
}

/** `source` with the html and svg templates' indentation collapsed; `fileName` picks TS or JS parsing. */
export function minifyHtmlLiterals(source, fileName = 'module.ts') {
  if (!/\b(html|svg)\s*`/.test(source)) return source;
  const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const ranges = literalRanges(node.template, source);
      if (!ranges.some(({ text }) => LINE_CONTINUATION.test(text))) {
        const kept = sensitiveRuns(ranges);
        ranges.forEach((range, index) => {
          const collapsed = collapse(range.text, kept[index]);
          const breaks = (range.text.match(/\n/g) ?? []).length - (collapsed.match(/\n/g) ?? []).length;
          if (breaks === 0) return;
          // The line breaks go back outside the string, after `${` (inside the expression) or after
          // the backtick, then spaces up to the column the code after them had: every later line
          // keeps its number and that code its column (and no code starts a line at column 0).
          const closing = range.closesWithBacktick ? '`' : '${';
          const column = range.text.length - range.text.lastIndexOf('\n') - 1 + closing.length;
          edits.push({ start: range.start, end: range.end + closing.length, text: `${collapsed}${closing}${'\n'.repeat(breaks)}${' '.repeat(column)}` });
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
