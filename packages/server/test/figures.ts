/**
 * Figures the server proofs count (requests sent, faults injected, how long an answer took), for
 * docs/security.md. They are written into the doc by the existing figures mechanism
 * (scripts/doc-figures.mjs, `<!-- figure:server:... -->`) only when asked:
 *
 *   PXM_WRITE_FIGURES=1 DATABASE_URL=... pnpm test:node server
 *
 * so an ordinary test run never edits the docs.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface DocFigures {
  updateDocFigures(values: Record<string, string>, options?: { write?: boolean }): { stale: Array<{ key: string; measured: string }>; seen: Set<string> };
}

const ROOT = join(import.meta.dirname, '..', '..', '..');

export async function recordFigures(values: Record<string, number | string>): Promise<void> {
  if (process.env.PXM_WRITE_FIGURES !== '1') return;
  const text = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'number' ? value.toLocaleString('en-US') : value]));
  const script = (await import(pathToFileURL(join(ROOT, 'scripts', 'doc-figures.mjs')).href)) as DocFigures;
  // doc-figures finds the docs from the working directory: the repository root.
  const previous = process.cwd();
  process.chdir(ROOT);
  try {
    const { seen } = script.updateDocFigures(text, { write: true });
    const missing = Object.keys(text).filter((key) => !seen.has(key));
    if (missing.length > 0) throw new Error(`no place in the docs for figures ${missing.join(', ')}`);
  } finally {
    process.chdir(previous);
  }
}
