/**
 * `pnpm test:consumer`: proof that what would be published works, outside this workspace.
 *  1. Packs every @pxm/* package (`pnpm pack`, as `pnpm publish` would).
 *  2. Creates a scratch project in the system temp folder and installs the tarballs there with
 *     pnpm (strict: a dependency missing from a package.json fails the install or the build).
 *  3. Follows docs/getting-started.md with the page's own code blocks, verbatim: §1's script-tag
 *     page (CDN URLs pointed at the tarball's cdn/ files), §2's index.html and src/main.ts in a
 *     Vite vanilla-ts app, §3's App.tsx in a Vite React 19 app; type-checks both apps with tsc
 *     against the shipped .d.ts files and builds them with Vite.
 *  4. In headless Chromium, books an appointment in each of those, then in the script-tag
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
const reactApp = join(scratch, 'react-app');
const scriptTagPage = join(scratch, 'script-tag');
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

/**
 * The code blocks of one numbered section of docs/getting-started.md, in order: the apps below
 * are built from the page's own code, so the page cannot drift from what works.
 */
function gettingStartedBlocks(section) {
  const md = readFileSync(join(ROOT, 'docs/getting-started.md'), 'utf8');
  const start = md.indexOf(`\n## ${section}. `);
  if (start < 0) throw new Error(`docs/getting-started.md has no section "## ${section}."`);
  const end = md.indexOf('\n## ', start + 1);
  const text = md.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

function block(section, lang, index = 0) {
  const found = gettingStartedBlocks(section).filter((b) => b.lang === lang)[index];
  if (!found) throw new Error(`docs/getting-started.md §${section} has no ${lang} code block #${index + 1}`);
  return found.code;
}

const page = (title, body, head = '') => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title}</title><link rel="icon" href="data:," />${head}</head>
  <body>
${body}  </body>
</html>
`;

/** A scratch app that installs the tarballs (every @pxm/* name pointed at its tarball). */
function writeProject(dir, packed, { dependencies = {}, devDependencies = {}, tsconfig }) {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const tarball = Object.fromEntries(packed.map((p) => [p.name, `file:${p.tarball}`]));
  write(join(dir, 'package.json'), JSON.stringify({
    name: 'pxm-consumer-check',
    private: true,
    type: 'module',
    dependencies: { '@pxm/elements': tarball['@pxm/elements'], '@pxm/adapter-memory': tarball['@pxm/adapter-memory'], ...dependencies },
    devDependencies: { vite: root.devDependencies.vite, typescript: root.devDependencies.typescript, ...devDependencies },
  }, null, 2));
  // The packed packages depend on each other by version; point those at the tarballs too.
  write(join(dir, 'pnpm-workspace.yaml'), ['overrides:', ...packed.map((p) => `  '${p.name}': '${tarball[p.name]}'`), ''].join('\n'));
  // As Vite's templates set it up, with the shipped .d.ts files checked too (skipLibCheck off).
  write(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['vite/client'],
      strict: true, noUnusedLocals: true, noUnusedParameters: true, noFallthroughCasesInSwitch: true, verbatimModuleSyntax: true,
      moduleDetection: 'force', noEmit: true, allowImportingTsExtensions: true, skipLibCheck: false, ...tsconfig,
    },
    include: ['src'],
  }, null, 2));
}

/** §2: a Vite vanilla-ts app whose index.html and src/main.ts are the doc's blocks, verbatim. */
function writeVanillaApp(packed) {
  writeProject(app, packed, {});
  write(join(app, 'index.html'), page('Getting started §2', block(2, 'html')));
  write(join(app, 'src/main.ts'), block(2, 'ts'));
}

/** §3: a Vite React 19 app whose src/App.tsx is the doc's block, verbatim. */
function writeReactApp(packed) {
  const example = JSON.parse(readFileSync(join(ROOT, 'examples/react/package.json'), 'utf8'));
  const pick = (from, names) => Object.fromEntries(names.map((n) => [n, from[n]]));
  writeProject(reactApp, packed, {
    dependencies: pick(example.dependencies, ['react', 'react-dom']),
    devDependencies: pick(example.devDependencies, ['@types/react', '@types/react-dom', '@vitejs/plugin-react']),
    tsconfig: { jsx: 'react-jsx' },
  });
  write(join(reactApp, 'vite.config.ts'), "import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\n\nexport default defineConfig({ plugins: [react()] });\n");
  write(join(reactApp, 'index.html'), page('Getting started §3', '    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n'));
  // What Vite's React template has; the doc's part is App.tsx.
  write(join(reactApp, 'src/main.tsx'), "import { StrictMode } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport { App } from './App.tsx';\n\ncreateRoot(document.getElementById('root')!).render(\n  <StrictMode>\n    <App />\n  </StrictMode>,\n);\n");
  write(join(reactApp, 'src/App.tsx'), block(3, 'tsx'));
}

/** §1: the doc's first script-tag page, its CDN URLs pointed at the tarball's cdn/ files. */
function writeScriptTagPage() {
  const html = block(1, 'html').replaceAll('https://cdn.jsdelivr.net/npm/@pxm/elements@0/cdn/', '/pxm/');
  if (html.includes('jsdelivr')) throw new Error('§1 uses a CDN URL the consumer test does not map to the tarball');
  write(join(scriptTagPage, 'index.html'), page('Getting started §1', html));
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
  writeVanillaApp(packed);
  writeReactApp(packed);
  writeScriptTagPage();
  for (const dir of [app, reactApp]) run('pnpm', ['install', '--no-frozen-lockfile', '--prefer-offline', '--reporter=silent'], dir);
  log('installed the tarballs into two scratch projects outside the workspace');
  for (const file of ['custom-elements.json', 'cdn/pxm-elements.js', 'dist/frameworks/jsx.d.ts']) {
    if (!existsSync(join(app, 'node_modules/@pxm/elements', file))) failures.push(`the installed @pxm/elements has no ${file}`);
  }
  for (const [dir, name] of [[app, '§2 (vanilla-ts)'], [reactApp, '§3 (React 19)']]) {
    run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.json'], dir);
    log(`${name}: the doc's code type-checks against the shipped types (skipLibCheck off)`);
    run('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], dir);
    log(`${name}: built with Vite`);
  }

  const npmSite = await serveStatic({ mounts: { '/': join(app, 'dist') } });
  const reactSite = await serveStatic({ mounts: { '/': join(reactApp, 'dist') } });
  const cdnSite = await serveStatic({
    mounts: { '/': join(ROOT, 'examples/cdn'), '/pxm/': join(app, 'node_modules/@pxm/elements/cdn'), '/getting-started/': scriptTagPage },
    headers: { 'content-security-policy': STRICT_CSP },
  });
  servers.push(npmSite, reactSite, cdnSite);
  browser = await launchChromium();
  await checkPage(browser, `${cdnSite.origin}/getting-started/`, 'getting-started §1: script tags (tarball cdn/, strict CSP)', { csp: true });
  await checkPage(browser, `${npmSite.origin}/`, 'getting-started §2: npm + Vite vanilla-ts app');
  await checkPage(browser, `${reactSite.origin}/`, 'getting-started §3: Vite React 19 app');
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
