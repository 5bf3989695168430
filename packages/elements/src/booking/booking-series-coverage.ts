/**
 * A plan-of-care series and the visits the patient's plan still covers: the review says how
 * many are covered, and the series books no more than that unless the patient agrees to pay
 * the practice's self-pay price for the rest. The split itself is core's `seriesCoverage`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Discipline } from '@pxm/core/booking';
import { seriesCoverage, type SeriesCoverage } from '@pxm/core/benefits';
import { showErrors } from './booking-feedback.js';
import type { FlowHost } from './booking-flow-host.js';
import type { BookingState } from './booking-state.js';
import type { BookingView } from './booking-view.js';

/** The split of the held series when it asks for more visits than the plan covers; otherwise undefined. */
export function uncoveredSeries(state: BookingState, discipline: Discipline): SeriesCoverage | undefined {
  const result = state.eligibility;
  if (state.rescheduling || state.holds.length < 2 || state.draft.coverage !== 'insurance') return undefined;
  // No summary (a failed check, a provider down): the clinic confirms coverage; no limit is invented.
  if (!result || result === 'failed' || result.confirmLater || !result.benefits) return undefined;
  const split = seriesCoverage(result.benefits, discipline, state.holds.length);
  return split.selfPay > 0 ? split : undefined;
}

/** On the review: how many of the visits the plan covers, and the self-pay agreement for the rest. */
export function renderSeriesCoverage(view: BookingView): TemplateResult | typeof nothing {
  const { messages, state } = view;
  const split = uncoveredSeries(state, view.benefits.discipline);
  if (!split) return nothing;
  const price = state.selfPayPrice;
  const error = state.errors.selfPayRest;
  const agree = price ? messages.text('seriesSelfPayAgree', split.selfPay, messages.money(price.amountMinor, price.currency)) : messages.text('seriesSelfPayAgreeUnpriced', split.selfPay);
  return html`<section class="notice warning series-coverage" part="series-coverage" aria-labelledby="series-coverage-heading">
    <h3 id="series-coverage-heading">${messages.text('seriesCovered', split.covered, split.covered + split.selfPay)}</h3>
    <p id="series-coverage-text">${messages.text('seriesCoveredText', split.covered, split.selfPay)}</p>
    <label class="choice">
      <input
        type="checkbox"
        name="self-pay-rest"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'series-coverage-text self-pay-rest-error' : 'series-coverage-text'}
        .checked=${live(state.selfPayRest)}
        @change=${(event: Event) => view.actions.set({ selfPayRest: (event.target as HTMLInputElement).checked, errors: {} })}
      />
      <span>${agree}</span>
    </label>
    ${error ? html`<span class="error-text" id="self-pay-rest-error">${messages.text('errSelfPayAgree')}</span>` : nothing}
  </section>`;
}

/** The confirm button's words: only the covered visits are booked until the patient agrees to self-pay. */
export function coveredConfirmLabel(view: BookingView): string | undefined {
  const split = uncoveredSeries(view.state, view.benefits.discipline);
  return split && split.covered && !view.state.selfPayRest ? view.messages.text('confirmCovered', split.covered) : undefined;
}

/**
 * Just before booking: without the agreement a series keeps only its covered visits (the first
 * ones) and lets the other holds go. False when no visit is covered and nothing may be booked.
 */
export function keepCoveredVisits(host: FlowHost): boolean {
  const split = uncoveredSeries(host.state, host.benefits.discipline);
  if (!split || host.state.selfPayRest) {
    host.set({ leftOut: 0 });
    return true;
  }
  if (!split.covered) {
    showErrors(host, { selfPayRest: 'errSelfPayAgree' });
    return false;
  }
  const extra = host.state.holds.slice(split.covered);
  host.set({ holds: host.state.holds.slice(0, split.covered), keys: host.state.keys.slice(0, split.covered), leftOut: extra.length });
  for (const hold of extra) host.releaseHold(hold);
  return true;
}
