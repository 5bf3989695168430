/**
 * Text every database stores the same way: no NUL (PostgreSQL refuses it in text, SQLite keeps
 * it) and no lone UTF-16 surrogate (each database replaces it differently). Such input is refused
 * at the edge, in paths, queries and JSON bodies alike, before any service sees it.
 */
import { HttpProblem } from './problem.js';

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !UNSAFE.test(text);
}

function refuse(path: string): never {
  throw new HttpProblem(400, 'validation', 'Text may not contain NUL characters or unpaired surrogates.', [{ path, message: 'Invalid characters.' }]);
}

/** Every key and string in a parsed JSON value; `path` names the first offender. */
export function assertStorableJson(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (!isStorableText(value)) refuse(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorableJson(item, `${path}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) refuse(path);
      assertStorableJson(item, at);
    }
  }
}

/** The decoded path and every query key and value. */
export function assertStorableUrl(url: string): void {
  const parsed = new URL(url);
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    throw new HttpProblem(400, 'validation', 'The path is not valid percent-encoded UTF-8.', [{ path: '', message: 'Malformed path.' }]);
  }
  if (!isStorableText(path)) refuse('path');
  for (const [key, value] of parsed.searchParams) {
    if (!isStorableText(key) || !isStorableText(value)) refuse(key);
  }
}
