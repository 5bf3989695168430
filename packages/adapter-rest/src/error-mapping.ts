/**
 * HTTP and network failures as `AdapterError`s. A reply carrying the contract's problem body is
 * trusted for its `code`, `retryable` and `issues`; anything else (a proxy's HTML error page, an
 * empty 502) is mapped from its status alone.
 */
import { AdapterError, isAdapterErrorCode, type AdapterErrorCode, type ValidationIssue } from '@pxm/core';

interface ProblemFields {
  code?: unknown;
  detail?: unknown;
  title?: unknown;
  retryable?: unknown;
  issues?: unknown;
}

function codeOfStatus(status: number): AdapterErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 410) return 'token_expired';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 501) return 'unsupported';
  if (status >= 400 && status < 500 && status !== 429) return 'validation';
  return 'server';
}

function issuesOf(value: unknown): ValidationIssue[] {
  return Array.isArray(value) ? value.slice(0, 20).map((issue: Partial<ValidationIssue>) => ({ path: String(issue?.path ?? ''), message: String(issue?.message ?? '') })) : [];
}

/** Reads a problem body, if the reply has one; never throws. */
export async function readProblem(response: Response): Promise<ProblemFields | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null ? (body as ProblemFields) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * fetch() rejected without a reply. The browser hides why: offline, the server down, or the
 * server not allowing this page's origin (CORS). The message names all three for the developer;
 * the elements tell the patient "offline" only when the browser says it is.
 */
export function errorFromFetchFailure(error: unknown, baseUrl: string, operation: string): AdapterError {
  return new AdapterError('network', `No reply from ${baseUrl} (offline, down, or CORS)`, { operation, cause: error });
}

export async function errorFromResponse(response: Response, operation: string): Promise<AdapterError> {
  const status = response.status;
  const problem = await readProblem(response);
  const unavailable = status === 429 || status === 502 || status === 503 || status === 504;
  if (problem && isAdapterErrorCode(problem.code)) {
    const message = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${status}`;
    return new AdapterError(problem.code, message, {
      operation,
      // "Come back later" statuses are retryable whatever the body says.
      retryable: unavailable || problem.retryable === true,
      issues: issuesOf(problem.issues),
    });
  }
  const code = codeOfStatus(status);
  return new AdapterError(code, `HTTP ${status}`, {
    operation,
    ...(unavailable ? { retryable: true } : {}),
  });
}
