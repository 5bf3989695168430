/**
 * The one error type every adapter method rejects with. Elements branch on `code`
 * (never on message text), and offer "try again" only when `retryable` is true.
 */
export const ADAPTER_ERROR_CODES = [
  'slot_unavailable',
  'hold_expired',
  'not_found',
  'conflict',
  'already_submitted',
  'token_invalid',
  'token_expired',
  'unauthorized',
  'validation',
  'network',
  'timeout',
  'server',
  'unsupported',
] as const;

export type AdapterErrorCode = (typeof ADAPTER_ERROR_CODES)[number];

/** Codes where trying the same call again may succeed without the user changing anything. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<AdapterErrorCode> = new Set(['network', 'timeout', 'server']);

/** A problem with one field of a request; `path` is dotted (`patient.email`), never a value. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface AdapterErrorOptions {
  retryable?: boolean;
  /** The contract operation that failed, e.g. `booking.book`. */
  operation?: string;
  issues?: ValidationIssue[];
  cause?: unknown;
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly retryable: boolean;
  readonly operation: string | undefined;
  readonly issues: readonly ValidationIssue[];

  constructor(code: AdapterErrorCode, message: string, options: AdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.operation = options.operation;
    this.issues = options.issues ?? [];
  }

  /** Works across bundles that each carry their own copy of this class. */
  static is(value: unknown): value is AdapterError {
    return (
      value instanceof AdapterError ||
      (typeof value === 'object' &&
        value !== null &&
        (value as { name?: unknown }).name === 'AdapterError' &&
        isAdapterErrorCode((value as { code?: unknown }).code))
    );
  }
}

export function isAdapterErrorCode(value: unknown): value is AdapterErrorCode {
  return typeof value === 'string' && (ADAPTER_ERROR_CODES as readonly string[]).includes(value);
}

/** True for the rejection an aborted call produces; callers ignore it rather than report it. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/**
 * Turns anything thrown inside an adapter into an `AdapterError`, keeping abort errors as they
 * are so callers can tell "cancelled" from "failed".
 */
export function toAdapterError(error: unknown, operation?: string): AdapterError {
  if (AdapterError.is(error)) return error;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'TimeoutError') {
    return new AdapterError('timeout', 'The request timed out.', { operation, cause: error });
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network is unreachable.
    return new AdapterError('network', 'The network request failed.', { operation, cause: error });
  }
  return new AdapterError('server', 'Unexpected failure.', { operation, cause: error });
}
