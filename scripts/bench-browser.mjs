/**
 * Runs a browser benchmark: bundles `entry` (production build, like a real page), serves it on
 * loopback, opens it in headless Chromium, and returns what the page puts in
 * `window.__pxmBench` (a promise or value). Used by the files in bench/.
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from './browser/book-appointment.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** `splitting: true` keeps `import()` chunks as separate files, loaded on demand as on a real page. */
export async function runBrowserBench({ name, entry, timeoutMs = 120_000, viewport = { width: 1280, height: 900 }, splitting = false }) {
  const dir = join('.bench', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    ...(splitting ? { splitting: true, outdir: dir, entryNames: 'bench' } : { outfile: join(dir, 'bench.js') }),
    conditions: ['source', 'browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><script type="module" src="./bench.js"></script></body></html>');

  const server = createServer((request, response) => {
    const path = join(dir, request.url === '/' ? 'index.html' : request.url.split('?')[0]);
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Its pages stand on the test clock and zone (scripts/test-clock.mjs), like the tests.
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => console.error(`[bench ${name}] page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => '__pxmBench' in window, undefined, { timeout: timeoutMs });
    return await page.evaluate(() => window.__pxmBench);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Median and 95th percentile of a list of numbers. */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}
