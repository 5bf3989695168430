/**
 * An open-model load generator: requests start on a fixed schedule (request n at n / rate seconds
 * into the step), whatever the server answers, and each latency is measured from the moment the
 * request was scheduled, not from when it was sent. A server that falls behind therefore shows
 * its queue in the latency, as visitors arriving at a practice's site would see it; a closed loop
 * (a few connections each waiting for its answer, as autocannon runs) would instead slow its own
 * arrivals down and hide that queue.
 *
 * Written on node:http with a keep-alive Agent rather than autocannon: autocannon's `overallRate`
 * only caps the rate of a fixed set of connections that each wait for their answer, so it stays a
 * closed loop, and it measures latency from the send. Time is read from a monotonic clock
 * (`performance.now`), injected, never from `Date`.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Another server than the target's origin (requests spread over several processes). */
  origin?: URL;
}

export interface Answer {
  status: number;
  body: string;
}

export interface StepFigures {
  /** Arrivals per second asked for. */
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  /** Answers that were ok, per second of wall-clock time from the first arrival to the last answer. */
  okPerSecond: number;
  /** Milliseconds from the scheduled start to the end of the answer. */
  p50: number;
  p99: number;
  /** How late the generator itself started its most delayed request (its own share of the latency). */
  maxSendLagMs: number;
}

export interface LoadTarget {
  origin: URL;
  agent: Agent;
  /** Monotonic milliseconds. */
  now: () => number;
  /** An answer not finished by then counts as an error. */
  timeoutMs: number;
}

export function keepAliveAgent(): Agent {
  // Enough sockets that requests do not queue in this process at the rates tried; those that do
  // still count their wait, since latency runs from the schedule.
  return new Agent({ keepAlive: true, maxSockets: 512 });
}

export function send(target: LoadTarget, planned: PlannedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: (planned.origin ?? target.origin).hostname,
        port: (planned.origin ?? target.origin).port,
        method: planned.method,
        path: planned.path,
        agent: target.agent,
        headers: { ...planned.headers, ...(planned.body ? { 'content-length': String(Buffer.byteLength(planned.body)) } : {}) },
        timeout: target.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(planned.body);
  });
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * One step: `rate` arrivals per second for `seconds`. `plan(n)` makes the n-th request and
 * `accepted` says whether its answer counts as a success. Waits for every answer (or its timeout).
 */
export async function runStep(
  target: LoadTarget,
  rate: number,
  seconds: number,
  plan: (index: number) => PlannedRequest,
  accepted: (answer: Answer) => boolean,
): Promise<StepFigures> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  let ok = 0;
  let errors = 0;
  let maxSendLagMs = 0;
  let lastAnswerAt = 0;
  const start = target.now();
  let next = 0;
  while (next < total) {
    const now = target.now();
    while (next < total && start + next * interval <= now) {
      const scheduledAt = start + next * interval;
      maxSendLagMs = Math.max(maxSendLagMs, now - scheduledAt);
      const planned = plan(next);
      pending.push(
        send(target, planned).then(
          (answer) => {
            lastAnswerAt = target.now();
            latencies.push(lastAnswerAt - scheduledAt);
            if (accepted(answer)) ok++;
            else errors++;
          },
          () => {
            lastAnswerAt = target.now();
            latencies.push(lastAnswerAt - scheduledAt);
            errors++;
          },
        ),
      );
      next++;
    }
    // Sleep until the next arrival is due (timers are coarse: a late tick sends several at once).
    const wait = start + next * interval - target.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.floor(wait))));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  return {
    rate,
    sent: total,
    ok,
    errors,
    okPerSecond: ok / ((Math.max(lastAnswerAt, start + 1) - start) / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    maxSendLagMs,
  };
}

/** Untimed preparation (not measured): `count` requests, `concurrency` at a time, answers in order. */
export async function runClosed(target: LoadTarget, count: number, concurrency: number, plan: (index: number) => PlannedRequest): Promise<Answer[]> {
  const answers: Answer[] = new Array(count);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const index = next++;
      answers[index] = await send(target, plan(index));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

/** A step is under the line when no request failed and p99 stayed under the limit. */
export function passed(step: StepFigures, p99LimitMs: number): boolean {
  return step.errors === 0 && step.p99 < p99LimitMs;
}

/**
 * Steps the rate up until two steps in a row miss the line (p99 at or over the limit, or any
 * error): on a machine shared with other work one stall can sink a step that the next one passes.
 */
export async function stepUp(rates: readonly number[], p99LimitMs: number, run: (rate: number) => Promise<StepFigures>, label: string): Promise<StepFigures[]> {
  const steps: StepFigures[] = [];
  let missed = 0;
  for (const rate of rates) {
    const step = await run(rate);
    steps.push(step);
    console.log(`  ${label.padEnd(12)} ${String(rate).padStart(4)}/s  p50 ${step.p50.toFixed(1).padStart(7)} ms  p99 ${step.p99.toFixed(1).padStart(7)} ms  ${step.ok} ok  ${step.errors} errors  (${step.okPerSecond.toFixed(0)} ok/s, send lag ≤ ${step.maxSendLagMs.toFixed(1)} ms)`);
    missed = passed(step, p99LimitMs) ? 0 : missed + 1;
    if (missed === 2) break;
  }
  return steps;
}
