/**
 * Collapses the indentation inside Lit `html\`...\`` and `svg\`...\`` templates, which JavaScript
 * minifiers leave alone because to them it is string content. A run of whitespace that holds a
 * line break becomes one space: where `white-space` is `normal` (every element resets it on its
 * root) the browser renders both the same, so the markup and the page do not change. Templates
 * that hold `<pre>`, `<textarea>`, `<script>` or `<style>` are left as written.
 *
 * Templates are found with the TypeScript parser (the `${}` expressions inside them may hold
 * strings, other templates and braces), and every line break taken out is put back right after
 * the next `${` or after the closing backtick, with the code after it at its old column, so
 * existing source maps stay right.
 */
import ts from 'typescript';

const TAGS = new Set(['html', 'svg']);
// A backslash before a line break is a line continuation (it yields nothing): collapsing it would add a space.
const WHITESPACE_SENSITIVE = /<(pre|textarea|script|style)\b|\\\r?\n/i;
const LINE_BREAK_RUN = /[ \t]*(?:\r?\n[ \t]*)+/g;

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
      if (!ranges.some(({ text }) => WHITESPACE_SENSITIVE.test(text))) {
        for (const range of ranges) {
          const breaks = (range.text.match(/\n/g) ?? []).length;
          if (breaks === 0) continue;
          const collapsed = range.text.replace(LINE_BREAK_RUN, ' ');
          // The line breaks go back outside the string, after `${` (inside the expression) or after
          // the backtick, then spaces up to the column the code after them had: every later line
          // keeps its number and that code its column (and no code starts a line at column 0).
          const closing = range.closesWithBacktick ? '`' : '${';
          const column = range.text.length - range.text.lastIndexOf('\n') - 1 + closing.length;
          edits.push({ start: range.start, end: range.end + closing.length, text: `${collapsed}${closing}${'\n'.repeat(breaks)}${' '.repeat(column)}` });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
