/**
 * `pnpm api:check`: the public API of every published package, one report per entry point
 * (`api/<package>[-<entry>].api.md`), made by API Extractor from the built declarations. A change
 * to what a package exports shows up in review as a change to its report; CI fails when a report
 * is not current. Run `pnpm build` first.
 *   pnpm api:check           fail when a report differs from the build
 *   pnpm api:check --write   write the reports
 * It also prints each entry point's count of runtime exports (what a bundle can reach).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import apiExtractor from '@microsoft/api-extractor';

const { Extractor, ExtractorConfig } = apiExtractor;

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'api');
const write = process.argv.includes('--write');

/** Entry points with declarations: `types` of each export, wildcards and side-effect-only entries left out. */
function entryPoints() {
  const entries = [];
  for (const dir of readdirSync(join(ROOT, 'packages')).sort()) {
    const pkgDir = join(ROOT, 'packages', dir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (typeof target !== 'object' || !target.types || subpath.includes('*')) continue;
      const suffix = subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`;
      entries.push({ pkg: pkg.name, pkgDir, subpath, name: `${dir}${suffix}`, types: join(pkgDir, target.types), runtime: target.default && join(pkgDir, target.default) });
    }
  }
  return entries;
}

mkdirSync(REPORTS, { recursive: true });
const temp = mkdtempSync(join(tmpdir(), 'pxm-api-'));
let failed = false;
const counts = [];
try {
  for (const entry of entryPoints()) {
    if (!existsSync(entry.types)) {
      console.error(`[pxm] ${entry.pkg}${entry.subpath.slice(1)}: ${entry.types} is missing; run pnpm build first.`);
      failed = true;
      continue;
    }
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: entry.pkgDir,
        mainEntryPointFilePath: entry.types,
        compiler: {
          overrideTsconfig: {
            compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], skipLibCheck: true, types: ['node'] },
            files: [entry.types],
          },
        },
        apiReport: { enabled: true, reportFolder: REPORTS, reportTempFolder: temp, reportFileName: entry.name },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          // Release tags (@public, @beta) are not used: everything exported is public.
          extractorMessageReporting: {
            default: { logLevel: 'none', addToApiReportFile: true },
            'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
            // It names source lines, so every edit above a declaration would change the report.
            'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(entry.pkgDir, 'package.json'),
    });
    const result = Extractor.invoke(config, {
      localBuild: write,
      messageCallback(message) {
        message.handled = true;
        if (message.logLevel === 'error' || message.logLevel === 'warning') console.warn(`  ${entry.name}: ${message.text}`);
      },
    });
    if (!write && result.apiReportChanged) {
      console.error(`[pxm] api/${entry.name}.api.md is not current: the public API of ${entry.pkg}${entry.subpath.slice(1)} changed (run pnpm api:check --write and review the diff).`);
      failed = true;
    }
    if (entry.runtime && existsSync(entry.runtime)) {
      try {
        const module = await import(pathToFileURL(entry.runtime).href);
        counts.push([`${entry.pkg}${entry.subpath.slice(1)}`, Object.keys(module).length]);
      } catch {
        counts.push([`${entry.pkg}${entry.subpath.slice(1)}`, 'browser-only']);
      }
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log('runtime exports per entry point:');
for (const [name, count] of counts) console.log(`  ${name.padEnd(34)} ${count}`);
if (failed) process.exit(1);
console.log(write ? '[pxm] API reports written to api/' : '[pxm] API reports are current');
