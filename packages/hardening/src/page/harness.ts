/**
 * The test page's module: registers every element as a page bundling the npm package would
 * (esbuild, production), then exposes the in-page scenarios.
 */
import '@pxm/elements/define';
import './harness-api.js';

export type { Harness } from './harness-api.js';
