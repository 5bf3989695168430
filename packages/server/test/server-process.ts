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

/** Asks the child to finish (SIGTERM), kills it if it has not within 20 s, resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** How a start is watched: `signal` abandons it (a sibling failed), `onSpawn` sees each child. */
export interface StartControl {
  signal?: AbortSignal;
  onSpawn?(child: ChildProcess): void;
}

/**
 * Spawns the bundled CLI and resolves with the first match of `ready` in its output. A start
 * that fails, times out or is abandoned kills the child, never leaves it.
 */
async function spawnUntilReady(
  what: string,
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  { signal, onSpawn }: StartControl = {},
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  signal?.throwIfAborted();
  const entry = await bundleServer();
  signal?.throwIfAborted();
  const child = spawn(process.execPath, [entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn?.(child);
  if (process.env.PXM_TEST_DEBUG) {
    child.stdout!.on('data', (chunk: Buffer) => process.stderr.write(`[${what}] ${chunk.toString()}`));
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${what}] ${chunk.toString()}`));
  }
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    // Answers only once the child is gone: a failed start leaves nothing running behind it.
    const fail = (message: string) => {
      if (settled) return;
      settle();
      const error = new Error(`${message}: ${output}`);
      if (child.exitCode !== null || child.signalCode !== null) return reject(error);
      child.once('exit', () => reject(error));
      child.kill('SIGKILL');
    };
    const onAbort = () => fail(`${what} start abandoned (another process failed to start)`);
    // Generous: on two cores shared with a browser suite a cold start can take many seconds, and
    // a slow start is not what these tests are about.
    const timer = setTimeout(() => fail(`${what} did not start within 90 s`), 90_000);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found && !settled) {
        settle();
        resolve(found);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(`${what} exited with ${code}`));
  });
  return { child, match };
}

export async function startServerProcess(env: Record<string, string>, control?: StartControl): Promise<ServerProcess> {
  const { child, match } = await spawnUntilReady(
    'server process',
    [],
    { PORT: '0', HOST: '127.0.0.1', PXM_ACCESS_LOG: 'off', PXM_REMINDER_POLL_MS: '0', ...env },
    /server on (http:\/\/[^\s]+)/,
    control,
  );
  return { url: match[1]!, child, stop: () => stopChild(child) };
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
export async function startWorkerProcess(env: Record<string, string>, control?: StartControl): Promise<ChildProcess> {
  const { child } = await spawnUntilReady('worker', ['worker'], { PXM_ACCESS_LOG: 'off', ...env }, /\[pxm\] worker on/, control);
  return child;
}

/** Server processes and, when asked, a worker, all on one database. */
export interface ProcessGroup {
  servers: ServerProcess[];
  urls: string[];
  worker: ChildProcess | undefined;
  /** Stops every process (servers and worker at once) and resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Starts `count` server processes with `env` (and a worker with `env` plus `workerEnv`) at once.
 * The first that fails to start fails the group at once: the others are killed, started or not,
 * so a test fails fast instead of waiting on half a group, and nothing is left running.
 */
export async function startProcessGroup(
  count: number,
  env: Record<string, string>,
  options: { workerEnv?: Record<string, string>; onSpawn?(child: ChildProcess): void } = {},
): Promise<ProcessGroup> {
  const abandon = new AbortController();
  // The failure that abandoned the others is the one worth reporting.
  let firstFailure: { reason: unknown } | undefined;
  const control: StartControl = { signal: abandon.signal, ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}) };
  const failFast = <T>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      firstFailure ??= { reason: error };
      abandon.abort();
      throw error;
    });
  const servers = Array.from({ length: count }, () => failFast(startServerProcess(env, control)));
  const worker = options.workerEnv ? failFast(startWorkerProcess({ ...env, ...options.workerEnv }, control)) : Promise.resolve(undefined);
  const [serverResults, workerResult] = await Promise.all([Promise.allSettled(servers), Promise.allSettled([worker])]);
  const started = serverResults.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const startedWorker = workerResult[0].status === 'fulfilled' ? workerResult[0].value : undefined;
  const stop = async () => {
    await Promise.all([...started.map((server) => server.stop()), startedWorker ? stopChild(startedWorker) : undefined]);
  };
  if (firstFailure) {
    await stop();
    throw firstFailure.reason;
  }
  return { servers: started, urls: started.map((server) => server.url), worker: startedWorker, stop };
}
