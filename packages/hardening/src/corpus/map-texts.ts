/**
 * Rewrites every human-readable text in backend data (names, titles, labels, prompts,
 * instructions, bios...) and leaves ids, URLs, codes, zones and dates alone, so the data still
 * passes the contract's schemas and the element still renders it.
 */

/** Keys whose string values (or arrays of strings) are text shown to people. */
const TEXT_KEYS = new Set([
  'name',
  'title',
  'label',
  'labels',
  'prompt',
  'intro',
  'text',
  'description',
  'bio',
  'credentials',
  'instructions',
  'note',
  'help',
  'painGuidance',
  'practiceName',
  'whatToBring',
  'default',
  'detractor',
  'passive',
  'promoter',
  'lowLabel',
  'highLabel',
  'load',
  'equipment',
  'imageAlt',
  'disclosure',
  'addLabel',
  'minLabel',
  'maxLabel',
  'unit',
  'line1',
  'line2',
  'city',
  'region',
  'nextSteps',
  'shortLabel',
  'therapistName',
  'authorName',
  'referringPhysician',
]);

/** Objects under these keys are words by segment (`{ default, detractor, ... }`). */
const SEGMENTED = new Set(['prompt', 'thankYou', 'reviewPrompt']);

export type TextRewrite = (original: string, path: string) => string;

export function mapTexts<T>(value: T, rewrite: TextRewrite, path = ''): T {
  const visit = (node: unknown, at: string, key: string | undefined, inText: boolean): unknown => {
    if (typeof node === 'string') return inText ? rewrite(node, at) : node;
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${at}[${index}]`, key, inText));
    if (node && typeof node === 'object' && !(node instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        const text = TEXT_KEYS.has(k) || (key !== undefined && SEGMENTED.has(key) && ['default', 'detractor', 'passive', 'promoter'].includes(k));
        out[k] = visit(v, at ? `${at}.${k}` : k, k, text);
      }
      return out;
    }
    return node;
  };
  return visit(value, path, undefined, false) as T;
}

/** The paths `mapTexts` would rewrite, for counting fields. */
export function textPaths(value: unknown): string[] {
  const paths: string[] = [];
  mapTexts(value, (original, path) => {
    paths.push(path);
    return original;
  });
  return paths;
}
