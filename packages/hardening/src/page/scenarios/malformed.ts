/**
 * 4. Malformed data into the elements: each reply an element reads while loading is replaced by a
 * generated malformed or boundary payload, handed over unvalidated (as a careless third-party
 * adapter would). Every case must end with no uncaught exception; a payload the element's boundary
 * refuses must end in a clear error state (an alert, and `pxm-error` with code `server`); one it
 * accepts (the contract's schema, after bad links and over-long texts are left out or shortened:
 * profiles/accepted.ts) must render without a refusal.
 */
import fc from 'fast-check';
import { profile } from '../profiles/index.js';
import { settleQuick, squash, untilQuick } from '../dom.js';
import { count, newResult, type ScenarioResult } from '../result.js';
import { DEFAULT_SEED, malformedReplies } from '../../payloads/malformed.js';

/** Loads that only happen on a later screen start there (booking's times need a visit chosen). */
const ATTRIBUTES_FOR: Record<string, Record<string, string>> = {
  'booking.findSlots': { location: 'denver-highlands', 'appointment-type': 'follow-up' },
};

const BUSY = '[part~="loading"], .state.loading, [aria-busy="true"]';
/** A message about the failure: an alert, an error state, or a notice (a degraded view says what is missing). */
const FAILURE = '[role="alert"], [part="error"], [part~="notice"], .notice';

export async function malformedIntoElement(name: string, options: { runs?: number; seed?: number } = {}): Promise<ScenarioResult> {
  const result = newResult();
  const p = profile(name);
  const stage = document.getElementById('stage')!;
  const probe = await p.mount(stage);
  const replies = await p.loadReplies(probe.store, probe.token);
  probe.element.remove();
  const runs = options.runs ?? 100;
  const seed = options.seed ?? DEFAULT_SEED;

  for (const reply of replies) {
    const check = await fc.check(
      fc.asyncProperty(malformedReplies(reply.valid), async (payload) => {
        const errorsBefore = window.pxmSentinel.errors.length;
        const reported: Array<{ code: string; operation: string; field?: string }> = [];
        const m = await p.mount(stage, {
          wait: false,
          attributes: ATTRIBUTES_FOR[reply.operation] ?? {},
          prepare: (faults) => faults.plan(reply.operation, { reply: payload }),
        });
        m.element.addEventListener('pxm-error', (event) => reported.push((event as CustomEvent<{ code: string; operation: string; field?: string }>).detail));
        try {
          await untilQuick(() => m.faults.injected > 0, `the ${reply.operation} payload to be delivered`, 4_000);
          await settleQuick(m.element);
          await untilQuick(() => m.element.shadowRoot && !m.element.shadowRoot.querySelector(BUSY) && squash(m.element.shadowRoot.textContent) !== '', 'the element to settle', 4_000);
          await settleQuick(m.element);
          const root = m.element.shadowRoot!;
          const uncaught = window.pxmSentinel.errors.slice(errorsBefore);
          if (uncaught.length > 0) throw new Error(`uncaught: ${uncaught.join(' | ')}`);
          const failure = [...root.querySelectorAll(FAILURE)].filter((n) => n.getClientRects().length > 0 && squash(n.textContent) !== '');
          const refusals = reply.refusedAs ?? [{ code: 'server', operation: reply.operation }];
          // A report naming a `field` is a repaired bad link or text (the element works on), not a refusal.
          const serverError = reported.some((r) => !r.field && refusals.some((refusal) => r.code === refusal.code && r.operation === refusal.operation));
          if (reply.accepts(payload)) {
            count(result, 'valid boundary payloads rendered');
            if (serverError) throw new Error(`a payload the contract accepts was refused: ${JSON.stringify(reported)}`);
          } else {
            count(result, 'malformed payloads refused with an error state');
            if (!serverError) throw new Error(`no pxm-error ${JSON.stringify(refusals)} (got ${JSON.stringify(reported)})`);
            if (failure.length === 0) throw new Error(`no error shown (showing: ${squash(root.textContent).slice(0, 200)})`);
          }
        } finally {
          m.element.remove();
        }
      }),
      { numRuns: runs, seed, endOnFailure: false, maxSkipsPerRun: 0 },
    );
    count(result, 'payloads tried', check.numRuns + check.numShrinks);
    count(result, `${reply.operation} payloads`, check.numRuns);
    if (check.failed) {
      const example = check.counterexample?.[0];
      let shown: string;
      try {
        shown = JSON.stringify(example)?.slice(0, 300) ?? String(example);
      } catch {
        shown = String(example);
      }
      result.failures.push(`${reply.operation}: ${check.errorInstance instanceof Error ? check.errorInstance.message : String(check.errorInstance)} — payload ${shown} (seed ${seed}, path ${check.counterexamplePath})`);
    }
  }
  for (const reply of (await p.laterReplies?.(stage)) ?? []) {
    const check = await fc.check(
      fc.asyncProperty(malformedReplies(reply.valid), async (payload) => {
        const errorsBefore = window.pxmSentinel.errors.length;
        const reported: Array<{ code: string; operation: string; field?: string }> = [];
        const m = await reply.mount(stage, (faults) => faults.plan(reply.operation, { reply: payload }));
        m.element.addEventListener('pxm-error', (event) => reported.push((event as CustomEvent<{ code: string; operation: string; field?: string }>).detail));
        try {
          await reply.trigger(m);
          await untilQuick(() => m.faults.injected > 0, `the ${reply.operation} payload to be delivered`, 4_000);
          await untilQuick(() => reply.outcome(m) !== 'pending', `the element to show how ${reply.operation} ended`, 4_000);
          await settleQuick(m.element);
          const uncaught = window.pxmSentinel.errors.slice(errorsBefore);
          if (uncaught.length > 0) throw new Error(`uncaught: ${uncaught.join(' | ')}`);
          const outcome = reply.outcome(m);
          const serverError = reported.some((r) => !r.field && r.code === 'server' && r.operation === reply.operation);
          if (reply.accepts(payload)) {
            count(result, 'valid boundary payloads rendered');
            if (serverError || outcome !== 'succeeded') throw new Error(`a reply the contract accepts was refused (${outcome}): ${JSON.stringify(reported)}`);
          } else {
            count(result, 'malformed payloads refused with an error state');
            if (!serverError) throw new Error(`no pxm-error "server" for ${reply.operation} (got ${JSON.stringify(reported)})`);
            if (outcome !== 'failed') throw new Error(`the failure is not shown (${outcome})`);
          }
          const lost = reply.lost(m);
          if (lost.length > 0) throw new Error(`typed input lost: ${lost.join('; ')}`);
        } finally {
          m.element.remove();
        }
      }),
      { numRuns: Math.ceil(runs / 3), seed, endOnFailure: false, maxSkipsPerRun: 0 },
    );
    count(result, 'payloads tried', check.numRuns + check.numShrinks);
    count(result, `${reply.operation} payloads`, check.numRuns);
    if (check.failed) result.failures.push(`${reply.operation}: ${check.errorInstance instanceof Error ? check.errorInstance.message : String(check.errorInstance)} — payload ${describePayload(check.counterexample?.[0])} (seed ${seed}, path ${check.counterexamplePath})`);
  }
  result.notes.push(`seed ${seed}`);
  return result;
}

function describePayload(payload: unknown): string {
  try {
    return JSON.stringify(payload)?.slice(0, 300) ?? String(payload);
  } catch {
    return String(payload);
  }
}
