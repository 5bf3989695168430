/**
 * `pnpm test:examples`: builds the framework examples (React, Vue, Angular: type-checked and
 * bundled against the packages' built dist/, as an app from npm would be) and proves each works
 * in headless Chromium: a patient books a visit, and the app hears the typed event (the page's
 * own status line shows the appointment id), with no page or console errors.
 * Run `pnpm build` first.   node scripts/test-examples.mjs [react vue angular] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bookFirstVisit, launchChromium, watchPage } from './browser/book-appointment.mjs';
import { serveStatic } from './browser/static-server.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const EXAMPLES = {
  react: { filter: '@pxm/example-react', dist: 'examples/react/dist', extra: 'Survey not sent yet.' },
  vue: { filter: '@pxm/example-vue', dist: 'examples/vue/dist', extra: 'Survey not sent yet.' },
  angular: { filter: '@pxm/example-angular', dist: 'examples/angular/dist', extra: 'Survey not sent yet.' },
};
const chosen = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = chosen.length ? chosen : Object.keys(EXAMPLES);
const started = Date.now();
const failures = [];

for (const name of names) {
  if (process.argv.includes('--no-build')) break;
  const t = Date.now();
  const result = spawnSync('pnpm', ['--filter', EXAMPLES[name].filter, 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' },
  });
  if (result.status !== 0) failures.push(`${name}: build failed\n${result.stdout}${result.stderr}`);
  else console.log(`[pxm examples] ${name}: built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

if (!failures.length) {
  const browser = await launchChromium();
  try {
    for (const name of names) {
      const example = EXAMPLES[name];
      const site = await serveStatic({ mounts: { '/': join(ROOT, example.dist) }, spaIndex: join(ROOT, example.dist, 'index.html') });
      const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
      const problems = watchPage(page);
      try {
        await page.goto(`${site.origin}/`);
        await page.getByText(example.extra).waitFor({ timeout: 20_000 });
        const detail = await bookFirstVisit(page);
        await page.getByText(`Booked appointment ${detail.appointmentId}`).waitFor({ timeout: 5_000 });
        if (!problems.length) console.log(`[pxm examples] ${name}: booked ${detail.appointmentId}; the app got the event`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message.split('\n')[0] : String(error));
      } finally {
        await page.close();
        await site.close();
      }
      if (problems.length) failures.push(`${name}:\n    ${problems.join('\n    ')}`);
    }
  } finally {
    await browser.close();
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\n[pxm examples] FAILED (${seconds} s):\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
console.log(`[pxm examples] ${names.join(', ')}: built and booked a visit (${seconds} s)`);
