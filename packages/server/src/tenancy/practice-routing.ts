/**
 * `/practices/{practice}/...`: the practice's own API, the same routes as the un-prefixed ones
 * (which serve the default practice). The request goes to that practice's app with the prefix
 * taken off, so its CORS origins, admin key, limits and data are the practice's. An unknown
 * practice falls through to the ordinary 404, the same as any path that names nothing.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

const PRACTICE_PATH = /^\/practices\/([^/]+)(\/.*)?$/;

export function practiceRouting(appFor: (practiceId: string) => Promise<Hono<AppEnv> | undefined>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The path as sent (still percent-encoded): an encoded slash never splits a practice id.
    const url = new URL(c.req.url);
    const match = PRACTICE_PATH.exec(url.pathname);
    const target = match ? await appFor(match[1]!) : undefined;
    if (!match || !target) return next();
    url.pathname = match[2] ?? '/';
    const raw = c.req.raw;
    const forwarded = new Request(url, {
      method: raw.method,
      headers: raw.headers,
      body: raw.method === 'GET' || raw.method === 'HEAD' ? null : raw.body,
      signal: raw.signal,
      // A streamed body (an upload) is passed on as it arrives.
      duplex: 'half',
    } as RequestInit);
    // The connection (the client's address for the abuse limits) goes along.
    return target.fetch(forwarded, c.env);
  };
}
