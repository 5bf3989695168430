/**
 * `cdn/pxm-adapter-rest.js`: talks to a backend that implements the REST contract
 * (docs/api/openapi.yaml), such as `@pxm/server`.
 *
 * ```html
 * <pxm-provider adapter="rest" adapter-base-url="https://api.clinic.example/pxm/v1">
 * ```
 * - `adapter-base-url` (required): where the API lives; relative URLs resolve against the page.
 * - `adapter-timeout`: per attempt, ms. Default 10000.
 * - `adapter-retries`: retries of a failed call. Default 2; `0` turns them off.
 * - `adapter-capabilities`: what the backend offers, e.g. `booking survey`. Default all four.
 * - `adapter-eligibility`: `off` when the backend does not check insurance.
 *
 * Patient links carry their own tokens (`token` on the element). A page that must send its own
 * credentials sets `.adapter` from a script with `createRestAdapter({ auth })` instead: secrets
 * do not belong in HTML attributes.
 */
import type { Capability } from '@pxm/core';
import { createRestAdapter } from '@pxm/adapter-rest';
import { registerAdapter } from '../../cdn.js';

const CAPABILITIES: readonly Capability[] = ['booking', 'intake', 'hep', 'survey', 'referral'];

registerAdapter('rest', {
  options: ['base-url', 'timeout', 'retries', 'capabilities', 'eligibility'],
  create(options) {
    const baseUrl = options.string('base-url');
    if (!baseUrl) throw new Error('adapter-base-url is required, e.g. adapter-base-url="https://api.clinic.example/pxm/v1".');
    const capabilities = options.list('capabilities');
    const unknown = capabilities?.filter((c) => !CAPABILITIES.includes(c as Capability)) ?? [];
    if (unknown.length) throw new Error(`adapter-capabilities: unknown ${unknown.join(', ')} (use ${CAPABILITIES.join(', ')}).`);
    const timeoutMs = options.number('timeout');
    const retries = options.number('retries');
    const eligibility = options.flag('eligibility');
    return createRestAdapter({
      baseUrl,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(retries === undefined ? {} : { retry: retries > 0 ? { limit: retries } : false }),
      ...(capabilities ? { capabilities: capabilities as Capability[] } : {}),
      ...(eligibility === undefined ? {} : { eligibility }),
    });
  },
});
