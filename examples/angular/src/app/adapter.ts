import { createMemoryAdapter } from '@pxm/adapter-memory';

/**
 * One backend for the whole app. The in-browser demo backend here; in production,
 * `createRestAdapter({ baseUrl })` from @pxm/adapter-rest, or your own.
 */
export const adapter = createMemoryAdapter({ latencyMs: { min: 150, max: 400 } });
