/**
 * The FHIR REST client under every capability: read, search (all pages), create (optionally
 * conditional), update (optionally version-checked), operations and raw Binary upload. It owns
 * transport concerns: auth headers, deadlines, aborts, status and OperationOutcome mapping, and
 * the shape checks a reply must pass before any mapper looks at it.
 */
import { AdapterError, isAbortError, throwIfAborted } from '@pxm/core';
import type { Bundle, Resource } from '../fhir/types.js';
import { authHeaders, isRefreshable, type FhirAuth } from './auth.js';
import { deadline } from './deadline.js';
import { errorFromResponse, hasErrorCode, malformed } from './errors.js';
import { readSearchPage, type SearchPage } from './search-page.js';

export type SearchParams = Record<string, string | readonly string[] | undefined>;

export interface FhirClientOptions {
  baseUrl: string;
  auth?: FhirAuth | undefined;
  fetch?: typeof fetch | undefined;
  /** Per request. Default 20 s. */
  timeoutMs?: number | undefined;
  /** Entries asked for per search page. Default 200. */
  pageSize?: number | undefined;
  /** A search that needs more pages than this fails rather than run on. Default 50. */
  maxPages?: number | undefined;
}

export interface FhirReply<T> {
  status: number;
  body: T | undefined;
  /** The version the server gave (`meta.versionId`, else the `ETag`). */
  version: string | undefined;
  location: string | undefined;
}

export interface Written<T> {
  resource: T;
  version: string | undefined;
  /** For conditional creates: false when a matching resource already existed. */
  created: boolean;
}

export interface SearchResult<T> {
  matches: T[];
  included: Resource[];
}

interface RequestInit {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base (`Slot/1`, `Slot?...`) or an absolute URL on the same server. */
  url: string;
  body?: unknown;
  binary?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

const FHIR_JSON = 'application/fhir+json';

function normalizeBase(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AdapterError('validation', 'The FHIR base URL is not a valid URL.', { operation: 'configure', issues: [{ path: 'baseUrl', message: 'Invalid URL.' }] });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AdapterError('validation', 'The FHIR base URL must use http or https.', { operation: 'configure', issues: [{ path: 'baseUrl', message: 'Unsupported protocol.' }] });
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

export function encodeQuery(params: SearchParams | undefined): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    for (const item of typeof value === 'string' ? [value] : value) query.append(key, item);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function versionFrom(body: unknown, etag: string | null): string | undefined {
  const fromMeta = (body as Resource | undefined)?.meta?.versionId;
  if (typeof fromMeta === 'string' && fromMeta.length > 0) return fromMeta;
  const match = etag ? /^(?:W\/)?"([^"]+)"$/.exec(etag.trim()) : null;
  return match?.[1];
}

export interface FhirClient {
  readonly baseUrl: string;
  request<T>(operation: string, init: RequestInit): Promise<FhirReply<T>>;
  read<T extends Resource>(operation: string, type: T['resourceType'], id: string, signal?: AbortSignal): Promise<Written<T>>;
  search<T extends Resource>(operation: string, type: T['resourceType'], params: SearchParams, signal?: AbortSignal): Promise<SearchResult<T>>;
  /** Every stored version of a resource, newest first. */
  history<T extends Resource>(operation: string, type: T['resourceType'], id: string, signal?: AbortSignal): Promise<T[]>;
  create<T extends Resource>(operation: string, resource: T, options?: { ifNoneExist?: SearchParams; signal?: AbortSignal | undefined }): Promise<Written<T>>;
  update<T extends Resource>(operation: string, resource: T, options?: { ifMatch?: string | undefined; signal?: AbortSignal | undefined }): Promise<Written<T>>;
  invoke<T extends Resource>(operation: string, path: string, input: Resource | undefined, signal?: AbortSignal, query?: SearchParams): Promise<T>;
  uploadBinary(operation: string, file: Blob, contentType: string, signal?: AbortSignal): Promise<string>;
}

export function createFhirClient(options: FhirClientOptions): FhirClient {
  const base = normalizeBase(options.baseUrl);
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit_) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 20_000;
  const pageSize = options.pageSize ?? 200;
  const maxPages = options.maxPages ?? 50;

  function resolveUrl(url: string, operation: string): URL {
    const resolved = new URL(url, base);
    // Never send the host's credentials anywhere but the configured server.
    if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
      throw malformed(operation, 'a link points outside the configured FHIR base URL');
    }
    return resolved;
  }

  async function send(operation: string, init: RequestInit, retryAuth: boolean): Promise<Response> {
    const url = resolveUrl(init.url, operation);
    const headers: Record<string, string> = { accept: FHIR_JSON, ...(await authHeaders(options.auth)), ...init.headers };
    let body: BodyInit | undefined;
    if (init.binary) {
      body = init.binary;
      headers['content-type'] ??= init.binary.type || 'application/octet-stream';
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = `${FHIR_JSON}; charset=utf-8`;
    }
    const limit = deadline(init.signal, timeoutMs);
    let response: Response;
    try {
      response = await fetchImpl(url, { method: init.method, headers, body, signal: limit.signal, credentials: 'same-origin' });
    } catch (error) {
      if (limit.timedOut()) throw new AdapterError('timeout', `The FHIR server did not answer ${operation} in time.`, { operation, cause: error });
      if (init.signal?.aborted || isAbortError(error)) throw init.signal?.reason ?? error;
      throw new AdapterError('network', `Could not reach the FHIR server for ${operation}.`, { operation, cause: error });
    } finally {
      limit.dispose();
    }
    if (response.status === 401 && retryAuth && isRefreshable(options.auth)) {
      // The host may have refreshed its token meanwhile; ask once more.
      await response.body?.cancel().catch(() => undefined);
      return send(operation, init, false);
    }
    return response;
  }

  async function readBody(operation: string, response: Response, signal: AbortSignal | undefined): Promise<unknown> {
    let text: string;
    const limit = deadline(signal, timeoutMs);
    try {
      text = await response.text();
    } catch (error) {
      if (limit.timedOut()) throw new AdapterError('timeout', `The FHIR server did not finish answering ${operation}.`, { operation, cause: error });
      if (signal?.aborted) throw signal.reason ?? error;
      throw new AdapterError('network', `The reply to ${operation} was cut off.`, { operation, cause: error });
    } finally {
      limit.dispose();
    }
    if (text.trim() === '') return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (!/json/i.test(type)) {
      if (!response.ok) return undefined;
      throw malformed(operation, `expected FHIR JSON, got ${type || 'no content type'}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw malformed(operation, 'the body is not valid JSON');
    }
  }

  async function request<T>(operation: string, init: RequestInit): Promise<FhirReply<T>> {
    throwIfAborted(init.signal);
    const response = await send(operation, init, true);
    const body = await readBody(operation, response, init.signal);
    if (!response.ok) throw errorFromResponse(response.status, body, operation);
    return {
      status: response.status,
      body: body as T | undefined,
      version: versionFrom(body, response.headers.get('etag')),
      location: response.headers.get('content-location') ?? response.headers.get('location') ?? undefined,
    };
  }

  function expectResource<T extends Resource>(operation: string, body: unknown, type: string): T {
    if (typeof body !== 'object' || body === null || (body as Resource).resourceType !== type) {
      throw malformed(operation, `expected a ${type}`);
    }
    return body as T;
  }

  async function read<T extends Resource>(operation: string, type: T['resourceType'], id: string, signal?: AbortSignal): Promise<Written<T>> {
    const reply = await request<T>(operation, { method: 'GET', url: `${type}/${encodeURIComponent(id)}`, signal });
    return { resource: expectResource<T>(operation, reply.body, type), version: reply.version, created: false };
  }

  async function collect<T extends Resource>(operation: string, firstUrl: string, type: string, bundleType: 'searchset' | 'history', signal?: AbortSignal): Promise<SearchResult<T>> {
    const matches: T[] = [];
    const included: Resource[] = [];
    const seen = new Set<string>();
    let url: string | undefined = firstUrl;
    let expectedTotal: number | undefined;
    for (let page = 0; url !== undefined; page++) {
      if (page >= maxPages) throw malformed(operation, `the search needs more than ${maxPages} pages`);
      const reply: FhirReply<Bundle> = await request<Bundle>(operation, { method: 'GET', url, signal });
      const got: SearchPage<T> = readSearchPage<T>(operation, reply.body, type, bundleType);
      if (page === 0) expectedTotal = got.total;
      matches.push(...got.matches);
      included.push(...got.included);
      const next = got.next;
      if (next !== undefined) {
        const key = resolveUrl(next, operation).href;
        if (seen.has(key)) throw malformed(operation, 'the next link repeats a page');
        seen.add(key);
      }
      url = next;
    }
    if (expectedTotal !== undefined && matches.length < expectedTotal) {
      // The server says there is more but gave no way to get it: a partial list would hide
      // booked times or logged exercises, so it is refused rather than shown.
      throw malformed(operation, `the search reported ${expectedTotal} matches but gave ${matches.length} and no next link`);
    }
    return { matches, included };
  }

  function search<T extends Resource>(operation: string, type: T['resourceType'], params: SearchParams, signal?: AbortSignal): Promise<SearchResult<T>> {
    return collect<T>(operation, `${type}${encodeQuery({ _count: String(pageSize), ...params })}`, type, 'searchset', signal);
  }

  async function history<T extends Resource>(operation: string, type: T['resourceType'], id: string, signal?: AbortSignal): Promise<T[]> {
    return (await collect<T>(operation, `${type}/${encodeURIComponent(id)}/_history`, type, 'history', signal)).matches;
  }

  async function create<T extends Resource>(operation: string, resource: T, opts: { ifNoneExist?: SearchParams; signal?: AbortSignal | undefined } = {}): Promise<Written<T>> {
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (opts.ifNoneExist) headers['if-none-exist'] = encodeQuery(opts.ifNoneExist).slice(1);
    const reply = await request<T>(operation, { method: 'POST', url: resource.resourceType, body: resource, headers, signal: opts.signal });
    let body = reply.body;
    let version = reply.version;
    if (body === undefined && reply.location) {
      // The server ignored `Prefer: return=representation`: read what it stored.
      const stored = await request<T>(operation, { method: 'GET', url: reply.location, signal: opts.signal });
      body = stored.body;
      version = stored.version;
    }
    return { resource: expectResource<T>(operation, body, resource.resourceType), version, created: reply.status === 201 };
  }

  async function update<T extends Resource>(operation: string, resource: T, opts: { ifMatch?: string | undefined; signal?: AbortSignal | undefined } = {}): Promise<Written<T>> {
    if (!resource.id) throw new AdapterError('server', `Cannot update a ${resource.resourceType} without an id.`, { operation, retryable: false });
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (opts.ifMatch !== undefined) headers['if-match'] = `W/"${opts.ifMatch}"`;
    const reply = await request<T>(operation, { method: 'PUT', url: `${resource.resourceType}/${encodeURIComponent(resource.id)}`, body: resource, headers, signal: opts.signal });
    let body = reply.body;
    let version = reply.version;
    if (body === undefined) {
      const stored = await read<T>(operation, resource.resourceType, resource.id, opts.signal);
      body = stored.resource;
      version = stored.version;
    }
    return { resource: expectResource<T>(operation, body, resource.resourceType), version, created: reply.status === 201 };
  }

  async function invoke<T extends Resource>(operation: string, path: string, input: Resource | undefined, signal?: AbortSignal, query?: SearchParams): Promise<T> {
    const reply = await request<T>(operation, { method: input ? 'POST' : 'GET', url: `${path}${encodeQuery(query)}`, body: input, signal });
    if (typeof reply.body !== 'object' || reply.body === null || typeof (reply.body as Resource).resourceType !== 'string') {
      throw malformed(operation, 'the operation returned no resource');
    }
    return reply.body;
  }

  async function uploadBinary(operation: string, file: Blob, contentType: string, signal?: AbortSignal): Promise<string> {
    // Raw bytes with their own content type: no base64 inflation on the wire.
    const reply = await request<Resource>(operation, {
      method: 'POST',
      url: 'Binary',
      binary: file,
      headers: { 'content-type': contentType, prefer: 'return=minimal' },
      signal,
    });
    const id = (reply.body as Resource | undefined)?.id ?? (reply.location ? /Binary\/([A-Za-z0-9\-.]{1,64})/.exec(reply.location)?.[1] : undefined);
    if (!id) throw malformed(operation, 'the stored Binary has no id');
    return id;
  }

  return { baseUrl: base.href, request, read, search, history, create, update, invoke, uploadBinary };
}

type RequestInit_ = Parameters<typeof fetch>[1];

/** `read`, with a resource that is not there (missing or deleted) as undefined instead of `not_found`. */
export async function readIfExists<T extends Resource>(client: FhirClient, operation: string, type: T['resourceType'], id: string, signal?: AbortSignal): Promise<Written<T> | undefined> {
  try {
    return await client.read<T>(operation, type, id, signal);
  } catch (error) {
    if (hasErrorCode(error, 'not_found')) return undefined;
    throw error;
  }
}
