import { AdapterError } from '@pxm/core';

/**
 * The database could not be reached or gave up (connection refused, shut down, timed out):
 * the request may succeed later, so clients get 503 with `retryable: true`.
 */
export function databaseUnavailable(cause: unknown, timedOut = false): AdapterError {
  return new AdapterError(timedOut ? 'timeout' : 'server', 'The database is unavailable. Try again shortly.', {
    retryable: true,
    cause,
  });
}

/** Marks errors that mean "the database is down", as opposed to a bug in a query. */
export function isUnavailable(error: unknown): boolean {
  return AdapterError.is(error) && error.retryable && (error.code === 'server' || error.code === 'timeout');
}
