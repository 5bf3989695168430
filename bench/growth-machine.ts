/**
 * What the growth benchmark watches while it runs: the server and worker processes it starts,
 * where the machine's CPU went (read from /proc: PostgreSQL, the Node processes, the load
 * generator, everything else), and PostgreSQL's connections (pg_stat_activity). Linux only; on
 * another system the CPU columns stay empty.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Database } from '@pxm/server';

const SERVER_ENTRY = 'packages/server/src/cli.ts';
/** Linux's clock ticks per second for /proc times (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** Every process started here, ended with this one whatever happens (a failed run leaves none behind). */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

export interface Started {
  child: ChildProcess;
  /** The server's address; empty for a worker. */
  url: string;
}

/** Starts `pnpm server` (or `pnpm worker` with `worker: true`) as a child process; resolves once it serves. */
export function startProcess(env: Record<string, string>, worker = false): Promise<Started> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', SERVER_ENTRY, ...(worker ? ['worker'] : [])], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const served = /server on (http:\/\/\S+)/.exec(output);
      if (served) resolve({ child, url: served[1]! });
      if (worker && /\[pxm\] worker on/.test(output)) resolve({ child, url: '' });
      if (output.length > 100_000) output = output.slice(-10_000);
    });
    child.once('exit', (code) => reject(new Error(`${worker ? 'worker' : 'server'} exited with ${code}: ${errors}`)));
  });
}

export async function stopProcess(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return;
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

function procTimes(pid: number | 'self'): { own: number; children: number; comm: string; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // Fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
    return { own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]), comm, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/**
 * CPU ticks of every PostgreSQL process, including backends that exited: the postmaster reaps
 * them, and their time moves into its children's count.
 */
function postgresTicks(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const times = procTimes(Number(name));
    if (!times || times.comm !== 'postgres') continue;
    total += times.own;
    const parent = procTimes(times.ppid);
    if (!parent || parent.comm !== 'postgres') total += times.children;
  }
  return total;
}

function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Cores' worth of CPU each part used over a window (2.0 = both cores of a 2-core machine). */
export interface CpuShare {
  postgres: number;
  servers: number;
  worker: number;
  generator: number;
  /** Busy time of the whole machine not in the parts above: other work on a shared machine. */
  other: number;
  /** Load average (1 minute) when the window ended. */
  load: number;
}

interface CpuMark {
  at: number;
  postgres: number;
  servers: number;
  worker: number;
  generator: number;
  machine: { busy: number; total: number };
}

export function cpuMark(servers: readonly Started[], worker: Started | undefined, nowMs: number): CpuMark | undefined {
  try {
    const own = (started: Started) => procTimes(started.child.pid!)?.own ?? 0;
    return {
      at: nowMs,
      postgres: postgresTicks(),
      servers: servers.reduce((sum, started) => sum + own(started), 0),
      worker: worker ? own(worker) : 0,
      generator: procTimes('self')?.own ?? 0,
      machine: machineTicks(),
    };
  } catch {
    return undefined;
  }
}

export function cpuShare(from: CpuMark | undefined, to: CpuMark | undefined): CpuShare | undefined {
  if (!from || !to || to.at <= from.at) return undefined;
  const seconds = (to.at - from.at) / 1000;
  const cores = (ticks: number) => Math.max(0, ticks) / TICKS_PER_SECOND / seconds;
  const parts = {
    postgres: cores(to.postgres - from.postgres),
    servers: cores(to.servers - from.servers),
    worker: cores(to.worker - from.worker),
    generator: cores(to.generator - from.generator),
  };
  const busy = cores(to.machine.busy - from.machine.busy);
  return { ...parts, other: Math.max(0, busy - parts.postgres - parts.servers - parts.worker - parts.generator), load: loadavg()[0]! };
}

export interface ConnectionFigures {
  /** Most connections of this benchmark's processes seen at once. */
  peakOurs: number;
  /** Most connections of anyone at once (other work on the same PostgreSQL included). */
  peakAll: number;
  /** Mean of this benchmark's connections that were running a statement. */
  meanActive: number;
  maxConnections: number;
  /** New connections a second to this database (pg_stat_database.sessions; anyone's: on a shared PostgreSQL, mostly other work's). */
  connectsPerSecond: number;
}

/** Samples pg_stat_activity every `everyMs` until stopped. */
export function watchConnections(probe: Database, applicationName: string, everyMs = 250): { stop(): Promise<ConnectionFigures> } {
  let peakOurs = 0;
  let peakAll = 0;
  let activeSum = 0;
  let samples = 0;
  let running = true;
  const sessions = () =>
    probe
      .get<{ sessions: number }>('SELECT sessions::int AS sessions FROM pg_stat_database WHERE datname = current_database()')
      .then((row) => ({ count: Number(row?.sessions ?? 0), at: performance.now() }))
      .catch(() => undefined);
  const first = sessions();
  const loop = (async () => {
    while (running) {
      const row = await probe
        .get<{ ours: number; everyone: number; active: number }>(
          `SELECT count(*) FILTER (WHERE application_name = $1)::int AS ours, count(*)::int AS everyone,
                  count(*) FILTER (WHERE application_name = $1 AND state = 'active')::int AS active
             FROM pg_stat_activity WHERE backend_type = 'client backend'`,
          [applicationName],
        )
        .catch(() => undefined);
      if (row) {
        peakOurs = Math.max(peakOurs, row.ours);
        peakAll = Math.max(peakAll, row.everyone);
        activeSum += row.active;
        samples++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const max = await probe.get<{ max_connections: string }>('SHOW max_connections').catch(() => undefined);
      const [from, to] = [await first, await sessions()];
      const connectsPerSecond = from && to && to.at > from.at ? (to.count - from.count) / ((to.at - from.at) / 1000) : 0;
      return { peakOurs, peakAll, meanActive: samples ? activeSum / samples : 0, maxConnections: Number(max?.max_connections ?? 0), connectsPerSecond };
    },
  };
}

/** The machine in words, without a date: cores, model, memory. */
export function machineDescription(): string {
  const list = cpus();
  return `${list.length} cores (${list[0]?.model.trim() ?? 'unknown CPU'})`;
}
