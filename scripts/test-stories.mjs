/**
 * `pnpm test:stories`: renders every story of the built Storybook in headless Chromium and fails
 * on any render error, uncaught exception, console error, failed play function, or axe violation.
 * Builds Storybook first unless `--no-build` (CI builds it in its own step).
 *   node scripts/test-stories.mjs [--no-build] [--filter=<text in the story id>]
 *
 * Each story loads on its own in iframe.html; the script waits until Storybook reports the render
 * (play function included) complete, lets the element settle (its adapter answers, lazy parts
 * load), then runs axe-core over the story root, shadow roots included.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser/book-appointment.mjs';
import { serveStatic } from './browser/static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const STATIC = join(ROOT, 'storybook-static');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const filter = process.argv.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
/** Time for the adapter's answers (stories simulate up to ~0.5 s of latency) and lazy chunks. */
const SETTLE_MS = 1_200;
/** Page-level rules: a story is a fragment of a page, not a page. */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];

const started = Date.now();
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('pnpm', ['build-storybook'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(join(STATIC, 'index.json'))) {
  console.error('[pxm stories] storybook-static/index.json is missing: run `pnpm build-storybook`.');
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(STATIC, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!filter || e.id.includes(filter)));
if (!stories.length) {
  console.error('[pxm stories] no stories found.');
  process.exit(1);
}

const server = await serveStatic({ mounts: { '/': STATIC } });
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
const failures = [];
let axeChecks = 0;

async function renderStory(story) {
  const page = await context.newPage();
  const problems = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The browser's own favicon request is no fault of a story.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) consoleErrors.push(message.text());
  });
  try {
    await page.goto(`${server.origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
    // Storybook's own record of this render: 'finished' once the play function has run.
    const phase = await page
      .waitForFunction(
        () => {
          const render = window.__STORYBOOK_PREVIEW__?.currentRender;
          return render && ['finished', 'completed', 'errored', 'aborted'].includes(render.phase) ? render.phase : false;
        },
        undefined,
        { timeout: 30_000, polling: 100 },
      )
      .then((handle) => handle.jsonValue());
    if (phase !== 'finished' && phase !== 'completed') problems.push(`render ${phase}`);
    const shown = await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay') && document.querySelector('#error-message')?.textContent);
    if (shown) problems.push(`Storybook error display: ${shown}`);
    await page.waitForTimeout(SETTLE_MS);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (disabled) => {
      const axe = window.axe;
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await axe.run(document.querySelector('#storybook-root') ?? document.body, { resultTypes: ['violations'], rules });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
    }, PAGE_RULES);
    axeChecks++;
    problems.push(...violations.map((v) => `axe ${v}`));
    // A story that shows a failure on purpose (a missing video, an invalid definition the element
    // reports to the developer) names the console errors it expects:
    //   parameters: { pxmChecks: { expectedConsoleErrors: ['404'] } }
    const expected = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.story?.parameters?.pxmChecks?.expectedConsoleErrors ?? []);
    const unexpected = consoleErrors.filter((text) => !expected.some((fragment) => text.includes(fragment)));
    problems.push(...unexpected.map((text) => `console error: ${text.split('\n')[0]}`));
    for (const fragment of expected) if (!consoleErrors.some((text) => text.includes(fragment))) problems.push(`expected a console error containing "${fragment}", saw none`);
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    await page.close();
  }
  return problems;
}

/** Two stories at a time: one per core. */
const WORKERS = 2;
const queue = [...stories];
async function worker() {
  for (let story = queue.shift(); story; story = queue.shift()) {
    const t = Date.now();
    const problems = await renderStory(story);
    const ms = Date.now() - t;
    if (problems.length) {
      failures.push(`${story.id}:\n      ${problems.join('\n      ')}`);
      console.log(`  FAIL ${story.id} (${ms} ms)`);
    } else console.log(`  ok   ${story.id} (${ms} ms)`);
  }
}
try {
  await Promise.all(Array.from({ length: WORKERS }, worker));
} finally {
  await browser.close();
  await server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\n[pxm stories] ${failures.length} of ${stories.length} stories failed (${seconds} s):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log(`[pxm stories] ${stories.length} stories rendered with no errors and no axe violations (${axeChecks} axe runs, ${seconds} s)`);
