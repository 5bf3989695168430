/**
 * One HTTP call of the contract on ky: base URL, auth headers, a timeout per attempt, retries
 * with exponential backoff and jitter (honouring Retry-After), and the caller's abort signal.
 * A reply is parsed as JSON and, where the call names a schema, checked against it. Replies the
 * element boundary validates (`AdapterCalls` in @pxm/elements) are handed on as sent
 * (`REPLY_AS_SENT`): validated once, there, not twice.
 */
import { AdapterError, isAbortError, parseResponse, toAdapterError, throwIfAborted, type CallOptions } from '@pxm/core';
import ky, { HTTPError } from 'ky';
import type * as z from 'zod/mini';
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

/** The reply is JSON handed on unvalidated: the element boundary validates it with the contract's schema. */
export const REPLY_AS_SENT = null;

/**
 * Sends a call and returns its reply: checked with `schema`, handed on as sent (`REPLY_AS_SENT`),
 * or nothing (`undefined`: no reply body expected).
 */
export type Send = <T>(operation: RestOperation, schema: z.ZodMiniType<T> | typeof REPLY_AS_SENT | undefined, call: Call, options: CallOptions | undefined) => Promise<T>;

/** Statuses worth another try; a problem body saying `retryable: false` still stops it. */
const RETRY_STATUSES = [408, 409, 425, 429, 500, 502, 503, 504];
const COME_BACK_LATER = [429, 502, 503, 504];

export function createTransport(options: RestAdapterOptions): Send {
  const retry = options.retry === false ? { limit: 0, backoffLimitMs: 0 } : { limit: 2, backoffLimitMs: 4000, ...options.retry };
  const auth = options.auth;
  const client = ky.create({
    prefixUrl: String(options.baseUrl).replace(/\/+$/, ''),
    timeout: options.timeoutMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return async (operation, schema, call, callOptions) => {
    const signal = callOptions?.signal;
    const method = methodOf(operation);
    throwIfAborted(signal);
    let text: string;
    try {
      const response = await client(pathOf(operation, call.params).slice(1), {
        method,
        json: call.json,
        body: call.body,
        // ky leaves out parameters whose value is undefined.
        searchParams: call.query as Record<string, string> | undefined,
        signal,
        headers: { accept: 'application/json', ...call.headers },
        retry: {
          limit: retry.limit,
          methods: [method.toLowerCase() as 'get'],
          statusCodes: RETRY_STATUSES,
          maxRetryAfter: 10_000,
          backoffLimit: retry.backoffLimitMs,
          jitter: true,
          retryOnTimeout: true,
          shouldRetry: async ({ error }) => {
            if (signal?.aborted) return false;
            if (error instanceof HTTPError) {
              const status = error.response.status;
              const problem = await readProblem(error.response);
              if (status === 409 || (problem?.retryable === false && !COME_BACK_LATER.includes(status))) return problem?.retryable === true;
            }
            return undefined;
          },
        },
        hooks: {
          beforeRequest: [
            async (request) => {
              const headers = typeof auth === 'string' ? { authorization: `Bearer ${auth}` } : await auth?.({ operation });
              for (const [name, value] of Object.entries(headers ?? {})) request.headers.set(name, value);
            },
          ],
        },
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (isAbortError(error)) throw error;
      if (error instanceof HTTPError) throw await errorFromResponse(error.response, operation);
      if (error instanceof TypeError) throw errorFromFetchFailure(error, String(options.baseUrl), operation);
      throw toAdapterError(error, operation);
    }
    if (schema === undefined) return undefined as never;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new AdapterError('server', `Malformed reply to ${operation}.`, { operation, retryable: false, cause: error });
    }
    return schema ? parseResponse(schema, data, operation) : (data as never);
  };
}
