/**
 * `pnpm test:consumer`: proof that what would be published works, outside this workspace.
 *  1. Packs every @pxm/* package (`pnpm pack`, as `pnpm publish` would).
 *  2. Creates a scratch project in the system temp folder and installs the tarballs there with
 *     pnpm (strict: a dependency missing from a package.json fails the install or the build).
 *  3. Type-checks a small TypeScript app against the shipped .d.ts files, and builds it with Vite.
 *  4. In headless Chromium, books an appointment in that app (npm route), then in the script-tag
 *     example page served with a strict Content-Security-Policy from the tarball's cdn/ files,
 *     and checks the script-tag page put nothing on `window` but what Lit and zod always add.
 * Run `pnpm build` first.   node scripts/test-consumer.mjs [--keep]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookFirstVisit, launchChromium, recordCspViolations, watchPage } from './browser/book-appointment.mjs';
import { serveStatic } from './browser/static-server.mjs';
import { packAll, ROOT } from './packages/pack.mjs';
import { STRICT_CSP } from '../examples/cdn/csp.mjs';

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[pxm consumer ${elapsed()}] ${message}`);
const scratch = mkdtempSync(join(tmpdir(), 'pxm-consumer-'));
const app = join(scratch, 'app');
const failures = [];

/**
 * What the dependencies put on window, which no bundling avoids: Lit's version markers (to warn
 * about two copies) and its property-metadata map, and zod's shared configuration object.
 */
const DEPENDENCY_GLOBALS = new Set(['litElementVersions', 'litHtmlVersions', 'reactiveElementVersions', 'litPropertyMetadata', '__zod_globalConfig']);

function write(path, content) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

function writeApp(packed) {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const tarball = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  write(join(app, 'package.json'), JSON.stringify({
    name: 'pxm-consumer-check',
    private: true,
    type: 'module',
    dependencies: { '@pxm/elements': tarball['@pxm/elements'], '@pxm/adapter-memory': tarball['@pxm/adapter-memory'] },
    devDependencies: { vite: root.devDependencies.vite, typescript: root.devDependencies.typescript },
  }, null, 2));
  // The packed packages depend on each other by version; point those at the tarballs too.
  write(join(app, 'pnpm-workspace.yaml'), ['overrides:', ...packed.map((p) => `  '${p.name}': '${tarball[p.name]}'`), ''].join('\n'));
  write(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
    include: ['src'],
  }, null, 2));
  write(join(app, 'index.html'), `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Consumer check</title><link rel="icon" href="data:," /><script type="module" src="/src/main.ts"></script></head>
  <body>
    <pxm-provider time-zone="America/Denver"><pxm-booking></pxm-booking></pxm-provider>
  </body>
</html>
`);
  write(join(app, 'src/main.ts'), `import '@pxm/elements/define';
import { createMemoryAdapter } from '@pxm/adapter-memory';
import { PxmBooking, type BookingConfirmedDetail } from '@pxm/elements';

// Typed through HTMLElementTagNameMap and GlobalEventHandlersEventMap from the shipped types.
const provider = document.querySelector('pxm-provider')!;
provider.adapter = createMemoryAdapter({ latencyMs: 50 });
const booking: PxmBooking = document.querySelector('pxm-booking')!;
booking.addEventListener('pxm-booking-confirmed', (event) => {
  const detail: BookingConfirmedDetail = event.detail;
  document.body.dataset['booked'] = detail.appointmentId;
});
booking.addEventListener('pxm-error', (event) => console.error('pxm-error', event.detail.code, event.detail.operation));
`);
}

async function checkPage(browser, url, name, { csp = false, globals = false } = {}) {
  let baseline;
  if (globals) {
    // The same origin with no script: a secure context like the page, so its APIs match. A page
    // of its own, so the 404 it gets is never mistaken for a problem of the page under test.
    const blank = await browser.newPage();
    await blank.goto(new URL('/no-such-page', url).href);
    baseline = new Set(await blank.evaluate(() => Object.getOwnPropertyNames(window)));
    await blank.close();
  }
  const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  const problems = watchPage(page);
  const violations = csp ? await recordCspViolations(page) : undefined;
  await page.goto(url);
  const detail = await bookFirstVisit(page);
  if (!detail?.appointmentId) problems.push(`no appointment id in pxm-booking-confirmed: ${JSON.stringify(detail)}`);
  if (violations) problems.push(...(await violations()).map((v) => `CSP violation: ${v}`));
  if (globals) {
    const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((key) => !baseline.has(key) && !DEPENDENCY_GLOBALS.has(key) && !key.startsWith('__pxmCsp'));
    if (added.length) problems.push(`globals added to window: ${added.join(', ')}`);
  }
  await page.close();
  if (problems.length) failures.push(`${name}:\n    ${problems.join('\n    ')}`);
  else log(`${name}: booked appointment ${detail.appointmentId} at ${detail.start}`);
}

let browser;
const servers = [];
try {
  const packed = packAll(mkdirSync(join(scratch, 'tarballs'), { recursive: true }) ?? join(scratch, 'tarballs'));
  log(`packed ${packed.length} packages into ${join(scratch, 'tarballs')}`);
  writeApp(packed);
  run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=silent'], app);
  log('installed the tarballs into a scratch project outside the workspace');
  for (const file of ['custom-elements.json', 'cdn/pxm-elements.js', 'dist/frameworks/jsx.d.ts']) {
    if (!existsSync(join(app, 'node_modules/@pxm/elements', file))) failures.push(`the installed @pxm/elements has no ${file}`);
  }
  run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.json'], app);
  log('type-checked the app against the shipped types (skipLibCheck off)');
  run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], app);
  log('built the app with Vite');

  const npmSite = await serveStatic({ mounts: { '/': join(app, 'dist') } });
  const cdnSite = await serveStatic({
    mounts: { '/': join(ROOT, 'examples/cdn'), '/pxm/': join(app, 'node_modules/@pxm/elements/cdn') },
    headers: { 'content-security-policy': STRICT_CSP },
  });
  servers.push(npmSite, cdnSite);
  browser = await launchChromium();
  await checkPage(browser, `${npmSite.origin}/`, 'npm + Vite app');
  await checkPage(browser, `${cdnSite.origin}/`, 'script-tag example (examples/cdn, strict CSP)', { csp: true, globals: true });
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  await browser?.close();
  for (const server of servers) await server.close();
  if (process.argv.includes('--keep')) log(`scratch project kept in ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`\n[pxm] consumer test FAILED:\n  - ${failures.join('\n  - ')}`);
  process.exit(1);
}
log('passed: the packed packages install, type-check, build and book an appointment');
