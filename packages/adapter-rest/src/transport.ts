/**
 * One HTTP call of the contract: base URL, auth headers, a timeout per attempt, retries with
 * exponential backoff and jitter (honouring Retry-After), and the caller's abort signal.
 * A reply is checked against core's schemas when the caller names one; booking replies are
 * passed on as read (`'as-read'`) and validated once, at the element boundary.
 */
import { AdapterError, isAbortError, parseResponse, toAdapterError, throwIfAborted, type CallOptions } from '@pxm/core';
import type * as z from 'zod/mini';
import { fetchWithRetries, FinalReply } from './attempts.js';
import { errorFromFetchFailure, errorFromResponse, readProblem } from './error-mapping.js';
import type { RestAdapterOptions } from './options.js';
import { methodOf, pathOf, type RestOperation } from './routes.js';

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  json?: unknown;
  body?: Blob;
  headers?: Record<string, string>;
}

/**
 * What to do with a reply body: parse it with a schema, pass the JSON on as read (the caller's
 * boundary validates it), or expect none (`undefined`).
 */
export type ReplyCheck<T> = z.ZodMiniType<T> | 'as-read' | undefined;

/** Sends a call and returns its reply, handled as `reply` says. */
export type Send = <T>(operation: RestOperation, reply: ReplyCheck<T>, call: Call, options: CallOptions | undefined) => Promise<T>;

/** Statuses worth another try; a problem body saying `retryable: false` still stops it. */
const RETRY_STATUSES = [408, 409, 425, 429, 500, 502, 503, 504];
const COME_BACK_LATER = [429, 502, 503, 504];
/** A server with a read replica answers its WAL position after a write; later reads send it back. */
const READ_FENCE = 'x-pxm-read-fence';

export function createTransport(options: RestAdapterOptions): Send {
  const policy = {
    ...(options.retry === false ? { limit: 0, backoffLimitMs: 0 } : { limit: 2, backoffLimitMs: 4000, ...options.retry }),
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const auth = options.auth;
  const base = String(options.baseUrl).replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  /** The newest fence this client was given: its own writes are visible to its reads. */
  let readFence: string | undefined;

  /** Whether a failed reply deserves another attempt: its status says so, and its body does not say otherwise. */
  async function retryable(response: Response): Promise<boolean> {
    const status = response.status;
    if (!RETRY_STATUSES.includes(status)) return false;
    const problem = await readProblem(response);
    if (status === 409 || (problem?.retryable === false && !COME_BACK_LATER.includes(status))) return problem?.retryable === true;
    return true;
  }

  return async (operation, reply, call, callOptions) => {
    const signal = callOptions?.signal;
    throwIfAborted(signal);
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) query.append(name, value);
    const search = query.toString() ? `?${query.toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    let text: string;
    try {
      const response = await fetchWithRetries(
        fetchImpl,
        {
          operation,
          url: `${base}${pathOf(operation, call.params)}${search}`,
          init: { method: methodOf(operation), headers, body: call.json !== undefined ? JSON.stringify(call.json) : call.body },
          signal,
          prepare: async (request) => {
            const extra = typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : await auth?.({ operation });
            for (const [name, value] of Object.entries(extra ?? {})) request.set(name, value);
            if (readFence) request.set(READ_FENCE, readFence);
          },
          retryable,
        },
        policy,
      );
      readFence = response.headers.get(READ_FENCE) ?? readFence;
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (isAbortError(error)) throw error;
      if (error instanceof FinalReply) throw await errorFromResponse(error.response, operation);
      if (error instanceof TypeError) throw errorFromFetchFailure(error, String(options.baseUrl), operation);
      throw toAdapterError(error, operation);
    }
    if (!reply) return undefined as never;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new AdapterError('server', `Malformed reply to ${operation}.`, { operation, retryable: false, cause: error });
    }
    return reply === 'as-read' ? (data as never) : parseResponse(reply, data, operation);
  };
}
