/**
 * `pnpm check:packages`: packs every public @pxm/* package as it would be published and checks
 * the tarballs: publint (exports, files, types, sideEffects; warnings fail), Are The Types Wrong
 * (types resolve for Node's ESM resolution and for bundlers; the packages are ESM-only, so the
 * CommonJS and node10 columns are not checked), and what goes in (no tests, stories or test
 * helpers; a README; the elements' manifest and script-tag files). Run `pnpm build` first.
 *   node scripts/check-packages.mjs [--keep]   (--keep leaves the tarballs and prints where)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { globToRegExp } from './packages/glob.mjs';
import { packAll, ROOT } from './packages/pack.mjs';

const run = promisify(execFile);
const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'pxm-pack-'));
const problems = [];

/** Subpaths behind `*` exports are not discovered by attw: name the real ones. */
const EXTRA_ENTRYPOINTS = {
  '@pxm/elements': ['./define/pxm-provider', './define/pxm-booking', './define/pxm-intake-form', './define/pxm-hep-viewer', './define/pxm-survey', './define/pxm-progress', './define/pxm-referral'],
};
/** Files each tarball must carry besides what its exports point at. */
const REQUIRED_FILES = {
  '@pxm/elements': ['custom-elements.json', 'cdn/pxm-elements.js', 'cdn/pxm-adapter-memory.js', 'cdn/pxm-adapter-rest.js'],
};
const FORBIDDEN = [/\.test\.[jt]s$/, /\.stories\.[jt]s$/, /\/test-helpers\//, /(^|\/)\.tsbuild\//, /\.tsbuildinfo$/];

try {
  const packed = packAll(dir);
  for (const pkg of packed) {
    const label = `${pkg.name}@${pkg.version}`;
    const tarball = readFileSync(pkg.tarball);

    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    for (const message of messages) {
      const line = `${label} publint ${message.type}: ${formatMessage(message, manifest, { color: false })}`;
      if (message.type === 'suggestion') console.log(`  note: ${line}`);
      else problems.push(line);
    }

    const { stdout: listing } = await run('tar', ['-tzf', pkg.tarball]);
    const files = listing.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const path of files) if (FORBIDDEN.some((re) => re.test(path))) problems.push(`${label} ships ${path}`);
    for (const required of ['README.md', 'package.json', ...(REQUIRED_FILES[pkg.name] ?? [])]) {
      if (!files.includes(required)) problems.push(`${label} does not ship ${required}`);
    }

    // A module that does something when imported (registers an element or a translation) must be
    // listed in `sideEffects`, or bundlers may drop it: a top-level call in an unlisted file fails.
    const declared = Array.isArray(manifest.sideEffects) ? manifest.sideEffects.map(globToRegExp) : [];
    const bins = new Set(Object.values(typeof manifest.bin === 'string' ? { bin: manifest.bin } : (manifest.bin ?? {})).map((b) => b.replace(/^\.\//, '')));
    for (const path of files.filter((f) => /^dist\/.*\.js$/.test(f) && !bins.has(f))) {
      const calls = readFileSync(join(pkg.path, path), 'utf8').split('\n').filter((line) => /^(await\s+)?[A-Za-z_$][\w$.]*\(/.test(line));
      if (calls.length && !declared.some((re) => re.test(path))) problems.push(`${label}: ${path} runs code when imported (${calls[0].slice(0, 60)}) but is not in "sideEffects"`);
    }

    const extra = EXTRA_ENTRYPOINTS[pkg.name] ?? [];
    const attwArgs = [pkg.tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji', ...(extra.length ? ['--include-entrypoints', ...extra] : [])];
    try {
      await run(join(ROOT, 'node_modules/.bin/attw'), attwArgs, { maxBuffer: 8 * 1024 * 1024 });
    } catch (error) {
      problems.push(`${label} attw:\n${error.stdout || error.message}`);
    }
    console.log(`[pxm] ${label}: ${files.length} files, ${(tarball.length / 1024).toFixed(0)} KB packed`);
  }
} finally {
  if (process.argv.includes('--keep')) console.log(`[pxm] tarballs kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`\n[pxm] ${problems.length} packaging problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`[pxm] every package passes publint and attw (${seconds} s).`);
