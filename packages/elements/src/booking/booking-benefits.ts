/**
 * What the coverage check found, as much of it as the practice chooses to show (`benefits`):
 * active or not, the estimated cost of a visit, visits left this year, and whether prior
 * authorization is needed. Each part carries the time it is as of (read in the clinic's zone)
 * and what the payer did not say is shown as unknown, never guessed. The numbers come from
 * core's rules; this file only words them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Money } from '@pxm/core';
import type { BenefitsSummary, DisciplineBenefits, EligibilityResult, VisitEstimate } from '@pxm/core/booking';
import { coveredVisitsLeft, disciplineBenefits, disciplineCoverage, estimateVisitCost } from '@pxm/core/benefits';
import { summaryRow } from './booking-summary.js';
import type { BookingView } from './booking-view.js';

function money(view: BookingView, amount: Money): string {
  return view.messages.money(amount.amountMinor, amount.currency);
}

/** "as of March 1, 2027, 9:00 AM MST": always in the clinic's zone, never the device's. */
function asOf(view: BookingView, instant: string): TemplateResult {
  const when = view.messages.dateTime(instant, view.clinicZone, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  return html`<span class="hint as-of">${view.messages.text('benefitAsOf', when)}</span>`;
}

function statusText(view: BookingView, status: EligibilityResult['status']): string {
  return view.messages.text(status === 'active' ? 'benefitActive' : status === 'inactive' ? 'benefitInactive' : 'benefitUnknown');
}

/** The estimate in words: a copay; coinsurance with the deductible still to meet; a self-pay price; or unknown. */
function costText(view: BookingView, estimate: VisitEstimate, entry: DisciplineBenefits | undefined): TemplateResult | string {
  const { messages } = view;
  const amount = estimate.amount ? money(view, estimate.amount) : '';
  const deductibleLeft = entry?.deductible?.individual?.remaining;
  const deductible = deductibleLeft
    ? html`<br />${deductibleLeft.amountMinor ? messages.text('deductibleLeft', money(view, deductibleLeft)) : messages.text('deductibleMet')}`
    : nothing;
  switch (estimate.basis) {
    case 'copay':
      return amount ? messages.text('costCopay', amount) : messages.text('benefitUnknown');
    case 'coinsurance': {
      const percent = entry?.coinsurancePercent;
      const share = percent === undefined ? messages.text('costCoinsuranceShare') : messages.text('costCoinsurance', messages.number(percent));
      return html`${amount ? messages.text('costAbout', amount, share) : share}${deductible}`;
    }
    case 'deductible':
      return html`${amount ? messages.text('costDeductible', amount) : messages.text('costDeductibleUnknown')}${deductible}`;
    case 'self-pay':
      return amount ? messages.text('costSelfPay', amount) : messages.text('benefitUnknown');
    default:
      return messages.text('benefitUnknown');
  }
}

function visitsText(view: BookingView, left: number | undefined, entry: DisciplineBenefits | undefined): TemplateResult | string {
  const { messages } = view;
  if (left === undefined) return messages.text('benefitUnknown');
  const shared = (entry?.visits?.sharedWith ?? []).filter((discipline) => discipline !== entry?.discipline);
  const pool = shared.length ? html`<br /><span class="hint">${messages.text('visitsShared', messages.list(shared.map((discipline) => messages.text(`discipline_${discipline}`))))}</span>` : nothing;
  return html`${messages.text('seriesVisits', left)}${pool}`;
}

function priorAuthText(view: BookingView, needed: boolean | undefined): string {
  if (needed === undefined) return view.messages.text('benefitUnknown');
  return view.messages.text(needed ? 'priorAuthNeeded' : 'priorAuthNotNeeded');
}

/** One part of the summary: a term, its value, and the time the value is as of. */
function part(view: BookingView, term: string, value: TemplateResult | string, instant: string): TemplateResult {
  return summaryRow(term, html`${value}<br />${asOf(view, instant)}`);
}

/** The parts the practice shows, for a result with a benefits summary. */
function renderSummary(view: BookingView, result: EligibilityResult, summary: BenefitsSummary): TemplateResult {
  const { messages } = view;
  const { discipline, parts } = view.benefits;
  const entry = disciplineBenefits(summary, discipline);
  const shown = new Set(parts);
  const period = entry?.visits?.period === 'plan-year' ? 'benefitVisitsPlanYear' : 'benefitVisits';
  // The rule needs the practice's price; without one, the backend's own estimate (if any) is shown.
  const estimate: VisitEstimate = result.selfPayPrice ? estimateVisitCost(summary, discipline, result.selfPayPrice) : (result.estimate ?? { basis: 'unknown' });
  return html`<dl class="summary benefits">
    ${shown.has('status') ? part(view, messages.text('benefitStatus'), statusText(view, disciplineCoverage(summary, discipline)), summary.asOf) : nothing}
    ${shown.has('cost') ? part(view, messages.text('benefitCost'), costText(view, estimate, entry), summary.asOf) : nothing}
    ${shown.has('visits') ? part(view, messages.text(period), visitsText(view, coveredVisitsLeft(summary, discipline), entry), summary.asOf) : nothing}
    ${shown.has('prior-auth') ? part(view, messages.text('benefitPriorAuth'), priorAuthText(view, entry?.priorAuthorization), summary.asOf) : nothing}
  </dl>`;
}

/** A result without a summary (an older backend): the status and the copay it gave. */
function renderBasic(view: BookingView, result: EligibilityResult): TemplateResult {
  const { messages } = view;
  const shown = new Set(view.benefits.parts);
  return html`<dl class="summary benefits">
    ${shown.has('status') ? part(view, messages.text('benefitStatus'), statusText(view, result.status), result.checkedAt) : nothing}
    ${shown.has('cost') && result.copay ? part(view, messages.text('benefitCost'), messages.text('costCopay', money(view, result.copay)), result.checkedAt) : nothing}
  </dl>`;
}

/** The check's one-line outcome, announced: what a screen reader hears when the result arrives. */
function outcomeLine(view: BookingView, result: EligibilityResult): string {
  const { messages } = view;
  if (result.confirmLater) return messages.text('confirmLater');
  if (!view.benefits.parts.includes('status')) return messages.text('coverageChecked');
  return messages.text(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown');
}

/**
 * The coverage check's result under the insurance fields (and on the review): a provider that
 * was down or slow says the clinic will confirm later; otherwise the parts the practice shows,
 * and the estimate's caveat wherever an amount or a count is shown.
 */
export function renderBenefits(view: BookingView, result: EligibilityResult | 'failed' | undefined): TemplateResult | typeof nothing {
  const { messages } = view;
  if (!result) return nothing;
  if (result === 'failed') return html`<p class="notice warning" role="status" part="eligibility">${messages.text('eligibilityFailed')}</p>`;
  const tone = result.confirmLater ? 'info' : result.status === 'active' ? 'success' : 'warning';
  const line = html`<p class=${`notice ${tone}`} role="status">${outcomeLine(view, result)}</p>`;
  if (result.confirmLater) return html`<div class="benefits-result" part="eligibility">${line}</div>`;
  const figures = view.benefits.parts.some((name) => name !== 'status');
  return html`<div class="benefits-result" part="eligibility">
    ${line}
    ${result.benefits ? renderSummary(view, result, result.benefits) : renderBasic(view, result)}
    ${figures ? html`<p class="hint estimate-note">${messages.text('estimateNote')}</p>` : nothing}
  </div>`;
}

/** The practice's self-pay price, where a backend gave it. */
export function selfPayPriceText(view: BookingView): string {
  const price = view.state.selfPayPrice;
  return price ? view.messages.text('selfPayPrice', money(view, price)) : '';
}
