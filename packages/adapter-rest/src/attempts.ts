/**
 * One call, tried as often as its policy allows: a deadline per attempt, exponential backoff with
 * full jitter between attempts (a `Retry-After` the server sends is honoured, up to 10 s), and
 * the caller's abort signal, which ends everything at once. Written on `fetch` alone: a widget on
 * a patient's phone should not carry a general-purpose HTTP client for these few rules.
 */
import { AdapterError } from '@pxm/core';

export interface AttemptPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Longest pause between attempts, ms. */
  backoffLimitMs: number;
  /** Per attempt, ms. */
  timeoutMs: number;
}

export interface Attempt {
  operation: string;
  url: string;
  init: Omit<RequestInit, 'signal' | 'headers'> & { headers: Record<string, string> };
  signal: AbortSignal | undefined;
  /** Headers added before each attempt (a session may refresh its token between attempts). */
  prepare?: (headers: Headers) => Promise<void>;
  /** Whether a failed reply is worth another attempt; asked only while attempts remain. */
  retryable: (response: Response) => Promise<boolean>;
}

/** A reply that was not 2xx and will not be tried again; the caller maps it to an error. */
export class FinalReply extends Error {
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
    this.name = 'FinalReply';
  }
}

/** The longest `Retry-After` waited for; longer asks are shortened to this. */
const MAX_RETRY_AFTER_MS = 10_000;
/** The first backoff step; each retry doubles it, up to the policy's limit. */
const FIRST_BACKOFF_MS = 300;

/** Milliseconds a `Retry-After` header asks for (seconds, or an HTTP date), if it asks. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** One attempt under its own deadline, cancelled too when the caller aborts. */
async function attemptOnce(fetchImpl: typeof fetch, attempt: Attempt, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forward = () => controller.abort(attempt.signal?.reason);
  attempt.signal?.addEventListener('abort', forward, { once: true });
  try {
    const headers = new Headers(attempt.init.headers);
    await attempt.prepare?.(headers);
    return await fetchImpl(attempt.url, { ...attempt.init, headers, signal: controller.signal });
  } catch (error) {
    if (attempt.signal?.aborted) throw attempt.signal.reason ?? error;
    if (timedOut) throw new AdapterError('timeout', `No reply to ${attempt.operation} within ${timeoutMs} ms.`, { operation: attempt.operation, cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
    attempt.signal?.removeEventListener('abort', forward);
  }
}

/**
 * The first 2xx reply, or throws: `FinalReply` for a reply not worth retrying (or the last one),
 * the abort reason when the caller aborts, or the last attempt's failure (a timeout
 * `AdapterError`, or fetch's own `TypeError` when nothing answered).
 */
export async function fetchWithRetries(fetchImpl: typeof fetch, attempt: Attempt, policy: AttemptPolicy): Promise<Response> {
  for (let tried = 0; ; tried += 1) {
    if (attempt.signal?.aborted) throw attempt.signal.reason;
    const lastChance = tried >= policy.limit;
    let waitMs: number | undefined;
    try {
      const response = await attemptOnce(fetchImpl, attempt, policy.timeoutMs);
      if (response.ok) return response;
      if (lastChance || !(await attempt.retryable(response))) throw new FinalReply(response);
      waitMs = retryAfterMs(response.headers.get('retry-after'));
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      const transient = error instanceof TypeError || (AdapterError.is(error) && error.code === 'timeout');
      if (lastChance || !transient || attempt.signal?.aborted) throw error;
    }
    const backoffMs = Math.random() * Math.min(policy.backoffLimitMs, FIRST_BACKOFF_MS * 2 ** tried);
    await pause(Math.min(waitMs ?? backoffMs, MAX_RETRY_AFTER_MS), attempt.signal);
  }
}
