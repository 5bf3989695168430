/**
 * Wraps any adapter so a test can script failures per operation: an AdapterError, extra latency,
 * a call that never answers (until aborted), a malformed reply, or going offline. Every call is
 * recorded (operation names only). Browser-safe: usable from element tests and Node tests alike.
 *
 *   const faults = createFaultyAdapter(createMemoryAdapter());
 *   faults.plan('booking.book', { error: 'timeout' }, { error: 'timeout' }); // next two calls fail
 *   faults.setOffline(true);                                                // every call: network
 */
import { AdapterError, CAPABILITIES, delay, type AdapterErrorCode, type PxmAdapter } from '@pxm/core';

export type Fault =
  /** Reject with this code (retryable per the code's default). */
  | { error: AdapterErrorCode; message?: string }
  /** Wait this long, then run the real call. */
  | { delayMs: number }
  /** Never answer; rejects only when the caller aborts. */
  | { hang: true }
  /** Answer with this value instead of calling the backend (a malformed reply, typically). */
  | { reply: unknown }
  /** Run the real call, then reject as if the reply was lost (the backend did the work). */
  | { dropAfter: true };

export interface FaultyAdapter {
  adapter: PxmAdapter;
  /** Queues faults for the next calls of `operation` (`capability.method`), in order. */
  plan(operation: string, ...faults: Fault[]): void;
  /** Applies `fault` to every call of `operation` until cleared. */
  always(operation: string, fault: Fault | undefined): void;
  /** While offline every call rejects with `network` without reaching the backend. */
  setOffline(offline: boolean): void;
  /** Operations called so far, in order. */
  readonly calls: readonly string[];
  /** How many faults were applied. */
  readonly injected: number;
  clear(): void;
}

function hang(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () => {
      const error = new Error('The operation was aborted.');
      error.name = 'AbortError';
      reject(signal?.reason ?? error);
    };
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** The AbortSignal a contract method received: it is in the last argument's `signal`. */
function signalOf(args: unknown[]): AbortSignal | undefined {
  const last = args[args.length - 1];
  return typeof last === 'object' && last !== null && 'signal' in last ? ((last as { signal?: AbortSignal }).signal ?? undefined) : undefined;
}

export function createFaultyAdapter(base: PxmAdapter): FaultyAdapter {
  const queues = new Map<string, Fault[]>();
  const standing = new Map<string, Fault>();
  const calls: string[] = [];
  let offline = false;
  let injected = 0;

  async function run(operation: string, call: () => Promise<unknown>, args: unknown[]): Promise<unknown> {
    calls.push(operation);
    if (offline) {
      injected += 1;
      throw new AdapterError('network', 'Offline (injected).', { operation });
    }
    const fault = queues.get(operation)?.shift() ?? standing.get(operation);
    if (!fault) return call();
    injected += 1;
    if ('error' in fault) throw new AdapterError(fault.error, fault.message ?? `Injected ${fault.error}.`, { operation });
    if ('delayMs' in fault) {
      await delay(fault.delayMs, signalOf(args));
      return call();
    }
    if ('hang' in fault) return hang(signalOf(args));
    if ('reply' in fault) return structuredClone(fault.reply);
    await call();
    throw new AdapterError('network', 'The reply was lost (injected).', { operation });
  }

  const adapter: Record<string, unknown> = { name: `faulty(${base.name})` };
  for (const capability of CAPABILITIES) {
    const api = base[capability] as Record<string, unknown> | undefined;
    if (!api) continue;
    adapter[capability] = new Proxy(api, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        const operation = `${capability}.${property}`;
        return (...args: unknown[]) => run(operation, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args), args);
      },
    });
  }

  return {
    adapter: adapter as unknown as PxmAdapter,
    plan(operation, ...faults) {
      queues.set(operation, [...(queues.get(operation) ?? []), ...faults]);
    },
    always(operation, fault) {
      if (fault) standing.set(operation, fault);
      else standing.delete(operation);
    },
    setOffline(value) {
      offline = value;
    },
    get calls() {
      return calls;
    },
    get injected() {
      return injected;
    },
    clear() {
      queues.clear();
      standing.clear();
      offline = false;
    },
  };
}
