/**
 * The X12 path: a 270 posted to a clearinghouse's raw-X12 eligibility endpoint, wrapped in JSON
 * (`POST {endpoint}/change/medicalnetwork/eligibility/v3/raw-x12` with `{ "x12": "<270>" }`,
 * answered with `{ "x12": "<271>", ... }`, an API key in the `Authorization` header; the style of
 * Stedi's documented Raw X12 eligibility API). The member id travels only in the body.
 */
import { randomInt } from 'node:crypto';
import { AdapterError, type Money } from '@pxm/core';
import type { Coverage, EligibilityResult } from '@pxm/core/booking';
import { newId } from '../tokens.js';
import type { EligibilityAnswer, EligibilityProvider } from './eligibility-provider.js';
import { build270 } from './x12/build-270.js';
import { read271, X12ReadError } from './x12/read-271.js';
import { resultOf271 } from './x12/result-of-271.js';

export const RAW_X12_ELIGIBILITY_PATH = '/change/medicalnetwork/eligibility/v3/raw-x12';

export interface ClearinghouseOptions {
  /** The API's base URL, e.g. `https://clearinghouse.example/2024-04-01`. */
  endpoint: string;
  apiKey: string;
  /** The practice as the information receiver: its name and NPI. */
  practice: { name: string; npi: string };
  /** Interchange ids (ISA06/ISA08). Default `PXM` and the clearinghouse's `CLEARINGHOUSE`. */
  senderId?: string;
  receiverId?: string;
  /** Payer ids by payer name (compared without case), for coverage that carries no `payerId`. */
  payerIds?: Readonly<Record<string, string>>;
  /** The practice's price for a visit (estimates) and its self-pay price (shown beside them). */
  visitPrice?: Money;
  selfPayPrice?: Money;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** `Jane Q Doe` to first and last name: the last word is the last name. */
function nameParts(fullName: string | undefined): { firstName?: string; lastName?: string } {
  const words = fullName?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return {};
  if (words.length === 1) return { lastName: words[0]! };
  return { firstName: words[0]!, lastName: words[words.length - 1]! };
}

export function createClearinghouseEligibility(options: ClearinghouseOptions): EligibilityProvider & Required<Pick<EligibilityProvider, 'inquire'>> {
  const doFetch = options.fetch ?? fetch;
  const url = new URL(options.endpoint.replace(/\/$/, '') + RAW_X12_ELIGIBILITY_PATH).toString();
  // Control numbers only need to differ between interchanges of one sender.
  let controlNumber = randomInt(1, 900_000_000);
  const selfPay = options.selfPayPrice ? { selfPayPrice: { ...options.selfPayPrice } } : {};

  async function inquire(coverage: Coverage, { now, signal }: { now: Date; signal?: AbortSignal }): Promise<EligibilityAnswer> {
    const checkedAt = now.toISOString();
    if (coverage.kind === 'self-pay') return { result: { status: 'unknown', checkedAt, ...selfPay } };
    const payerId = coverage.payerId ?? options.payerIds?.[coverage.payerName.trim().toLowerCase()];
    if (!payerId) {
      const result: EligibilityResult = { status: 'unknown', checkedAt, message: 'This payer cannot be checked online. The clinic will confirm your coverage.', ...selfPay };
      return { result };
    }
    controlNumber = (controlNumber % 999_999_999) + 1;
    const request = build270({
      senderId: options.senderId ?? 'PXM',
      receiverId: options.receiverId ?? 'CLEARINGHOUSE',
      payer: { name: coverage.payerName, id: payerId },
      provider: options.practice,
      subscriber: {
        memberId: coverage.memberId,
        ...nameParts(coverage.subscriberName),
        ...(coverage.subscriberDateOfBirth ? { dateOfBirth: coverage.subscriberDateOfBirth } : {}),
      },
      controlNumber,
      traceId: newId('elig').slice(0, 30),
      at: now,
    });
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { authorization: options.apiKey, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ x12: request }),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      // The cause may quote the request; say only what failed.
      throw new AdapterError('network', 'The clearinghouse could not be reached.', { retryable: true });
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new AdapterError(response.status >= 500 || response.status === 429 ? 'server' : 'validation', `The clearinghouse answered ${response.status}.`, {
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    const body = (await response.json().catch(() => undefined)) as { x12?: unknown } | undefined;
    if (typeof body?.x12 !== 'string') throw new AdapterError('server', 'The clearinghouse answered without a 271.', { retryable: true });
    let read;
    try {
      read = read271(body.x12);
    } catch (error) {
      if (error instanceof X12ReadError) throw new AdapterError('server', 'The clearinghouse answered with an unreadable 271.', { retryable: true });
      throw error;
    }
    const result = resultOf271(read, checkedAt, { ...(options.visitPrice ? { visitPrice: options.visitPrice } : {}), ...(options.selfPayPrice ? { selfPayPrice: options.selfPayPrice } : {}) });
    return {
      result,
      exchange: {
        request,
        response: body.x12,
        unknownSegments: read.unknownSegments.map(({ tag, position }) => ({ tag, position })),
        rejections: read.rejections.map(({ loop, reason, followUp }) => ({ loop, reason, ...(followUp ? { followUp } : {}) })),
      },
    };
  }

  return {
    inquire,
    async check(coverage, context) {
      return (await inquire(coverage, context)).result;
    },
  };
}
