/**
 * examples/docker: no container runtime runs here, so the files are checked for what can be
 * checked without one: the compose file parses, has the three services, runs the CLI's real
 * commands (the package's `bin` and its `worker` subcommand), and every setting it or the
 * Dockerfile passes is one the server documents.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dockerDir = join(packageDir, '..', '..', 'examples', 'docker');
// Compose applies YAML merge keys (`<<: *anchor`), so the test does too.
const compose = parse(readFileSync(join(dockerDir, 'compose.yaml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; image?: string; build?: { dockerfile: string } }>;
};
const dockerfile = readFileSync(join(dockerDir, 'Dockerfile'), 'utf8');
const serverPackage = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const cli = readFileSync(join(packageDir, 'src', 'cli.ts'), 'utf8');

describe('examples/docker (files only: no container runtime here)', () => {
  it('the compose file parses and runs postgres, the server and a worker', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), ['postgres', 'server', 'worker']);
    assert.equal(compose.services.server!.build?.dockerfile, 'examples/docker/Dockerfile');
    assert.equal(compose.services.worker!.image, compose.services.server!.image, 'one image for both');
  });

  it('their commands are the CLI the package ships, and the Dockerfile starts the same one', () => {
    const entry = serverPackage.bin['pxm-server']!.replace(/^\.\//, '');
    assert.deepEqual(compose.services.server!.command, ['node', entry]);
    assert.deepEqual(compose.services.worker!.command, ['node', entry, 'worker']);
    assert.match(dockerfile, new RegExp(`^CMD \\["node", "${entry.replace('.', '\\.')}"\\]$`, 'm'));
    assert.match(cli, /process\.argv\[2\] === 'worker'/, 'the CLI has the worker subcommand');
    assert.match(serverPackage.scripts.worker!, /src\/cli\.ts worker$/, '`pnpm worker` runs the same subcommand');
  });

  it('every setting they pass is documented in the server README', () => {
    const named = new Set<string>();
    for (const service of [compose.services.server!, compose.services.worker!]) for (const name of Object.keys(service.environment ?? {})) named.add(name);
    for (const match of dockerfile.matchAll(/\b(PXM_[A-Z_]+|DATABASE_[A-Z_]+|HOST|PORT)=/g)) named.add(match[1]!);
    assert.ok(named.has('DATABASE_URL') && named.has('PXM_WORKER'));
    for (const name of named) {
      if (name === 'NODE_ENV') continue;
      assert.match(readme, new RegExp(`\`${name}\``), `${name} is in the settings table`);
    }
  });
});
