/**
 * Runs the server CLI as a separate Node process (bundled once with esbuild, so each start
 * takes a fraction of a second), for tests where several processes share one database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = join(packageDir, 'node_modules', '.cache', 'pxm-test-server.mjs');
let bundled: Promise<string> | undefined;

export function bundleServer(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(dirname(bundlePath), { recursive: true });
    await build({
      entryPoints: [join(packageDir, 'src', 'cli.ts')],
      outfile: bundlePath,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['source'],
      // Only the workspace's own TypeScript is bundled; dependencies load from node_modules.
      external: ['better-sqlite3', 'pg', 'pg-boss', 'hono', 'hono/*', '@hono/node-server', 'zod', 'zod/*', 'twilio', 'nodemailer'],
      logLevel: 'silent',
    });
    return bundlePath;
  })();
  return bundled;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const entry = await bundleServer();
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PXM_ACCESS_LOG: 'off', PXM_REMINDER_POLL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on two cores shared with a browser suite a cold start can take many seconds, and
    // a slow start is not what these tests are about. A start that fails is killed, never left over.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server process did not start within 90 s: ${output}`));
    }, 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /server on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with ${code}: ${output}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fetch that sends each request to the next server in turn (same path, other host). */
export function roundRobinFetch(urls: readonly string[], served: number[]): typeof fetch {
  let next = 0;
  return (input, init) => {
    const index = next++ % urls.length;
    served[index] = (served[index] ?? 0) + 1;
    const request = new Request(input, init);
    const target = new URL(request.url);
    const base = new URL(urls[index]!);
    target.host = base.host;
    return fetch(new Request(target, request));
  };
}

/** `pxm-server worker` as a separate process; resolves once it is working jobs. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const entry = await bundleServer();
  const child = spawn(process.execPath, [entry, 'worker'], { env: { ...process.env, PXM_ACCESS_LOG: 'off', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  if (process.env.PXM_TEST_DEBUG) {
    child.stdout!.on('data', (chunk: Buffer) => process.stderr.write(`[worker] ${chunk.toString()}`));
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[worker] ${chunk.toString()}`));
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker did not start within 90 s: ${output}`));
    }, 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[pxm] worker on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${output}`));
    });
  });
  return child;
}
