/**
 * Packs every public @pxm/* package the way `pnpm publish` would (`pnpm pack`: workspace:
 * ranges become real versions, `files` decides what goes in) into one folder. The packages must
 * be built first (`pnpm build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** The publishable packages: packages/* that are not private. */
export function publicPackages() {
  const dir = join(ROOT, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => existsSync(join(path, 'package.json')))
    .map((path) => ({ path, manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Checks each package's exported files exist, so a missing build fails with a clear message. */
function assertBuilt({ path, manifest }) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const [condition, inner] of Object.entries(value)) if (condition !== 'source') collect(inner);
  };
  collect(manifest.exports);
  const missing = targets.filter((target) => !target.includes('*') && !existsSync(join(path, target)));
  if (missing.length) throw new Error(`${manifest.name} is not built (missing ${missing.join(', ')}): run \`pnpm build\` first.`);
}

/** @returns {Array<{ name: string, version: string, tarball: string, path: string }>} */
export function packAll(destination) {
  return publicPackages().map((pkg) => {
    assertBuilt(pkg);
    const out = execFileSync('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.path, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = out.trim().split('\n').reverse().find((line) => line.trim().endsWith('.tgz'))?.trim();
    if (!tarball) throw new Error(`pnpm pack printed no tarball for ${pkg.manifest.name}:\n${out}`);
    return { name: pkg.manifest.name, version: pkg.manifest.version, tarball: tarball.startsWith('/') ? tarball : join(destination, tarball), path: pkg.path };
  });
}
