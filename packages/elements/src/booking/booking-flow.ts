/**
 * Everything after a time is held (details, review, confirmation), manage mode, the waitlist
 * and plan-of-care series. Loaded on demand, after the first times are painted, so the page
 * pays up front only for choosing a visit and a time. This module keeps the held time alive;
 * booking itself is `BookingConfirmation`, the waitlist and series `BookingPlans`.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { AdapterError, createId } from '@pxm/core';
import type { Hold } from '@pxm/core/booking';
import { countdownText, holdDeadline } from '@pxm/core/booking-display';
import { localDateIn } from '@pxm/core/time';
import { registerShippedTranslation } from '../l10n/translation-registry.js';
export { bookingFlowStyles as styles } from './booking-flow.styles.js';
import { bookingFlowEn } from './booking-flow.messages.en.js';
import { bookingFlowEs } from './booking-flow.messages.es.js';
import { bookingBenefitsEn } from './booking-benefits.messages.en.js';
import { bookingBenefitsEs } from './booking-benefits.messages.es.js';
import { BookingConfirmation } from './booking-confirmation.js';
import { renderDetails } from './booking-details.js';
import { renderDone } from './booking-done.js';
import { HoldTimer } from './booking-hold.js';
import { notifyFailure, showErrors } from './booking-feedback.js';
import { reported, type FlowHost } from './booking-flow-host.js';
import { renderCancel, renderManage } from './booking-manage.js';
import { BookingPlans } from './booking-plans.js';
import { renderReview } from './booking-review.js';
import { renderSeries } from './booking-series.js';
import { primaryZone, whenText } from './booking-summary.js';
import { coverageFrom, validateDraft } from './booking-validation.js';
import type { BookingActions, BookingView } from './booking-view.js';
import { renderWaitlist } from './booking-waitlist.js';
// The later steps come after the first steps' part (the element loads it first, and every step
// draws in its frame): saying so lets the bundler keep the code both use (fields, choices,
// times) in that part's chunk instead of splitting it into a third one.
import './booking-pick.js';

registerShippedTranslation('en', 'booking', bookingFlowEn);
registerShippedTranslation('es', 'booking', bookingFlowEs);
registerShippedTranslation('en', 'booking', bookingBenefitsEn);
registerShippedTranslation('es', 'booking', bookingBenefitsEs);

const WARN_BELOW_MS = 120_000;

const COVERAGE_FIELDS = ['payerName', 'memberId', 'subscriberName', 'subscriberDateOfBirth'] as const;

/** Renew a hold on its own when this little is left and the patient is active. */
const RENEW_BELOW_MS = 90_000;

export class BookingFlow {
  private warned = false;
  private renewing = false;
  private selfPayAsked = false;
  private readonly timer: HoldTimer;
  private readonly confirmation: BookingConfirmation;
  private readonly plans: BookingPlans;

  constructor(
    private readonly host: FlowHost,
    element: ReactiveControllerHost,
  ) {
    this.timer = new HoldTimer(element, (remaining) => this.onHoldTick(remaining));
    this.confirmation = new BookingConfirmation(host, () => this.timer.stop());
    this.plans = new BookingPlans(
      host,
      (outcome, appointments, failed) => this.confirmation.finish(outcome, appointments, failed),
      (holds) => this.startHolds(holds),
    );
  }

  /** The patient typed: renewing the hold is welcome. */
  touch(): void {
    this.timer.lastActivity = Date.now();
  }

  stopTimer(): void {
    this.timer.stop();
  }

  /** The actions of the steps this module draws. */
  readonly actions: Partial<BookingActions> = {
    toReview: () => this.toReview(),
    checkEligibility: () => void this.checkEligibility(),
    priceSelfPay: () => void this.priceSelfPay(),
    confirm: () => void this.confirmation.confirm(),
    cancelAppointment: () => void this.confirmation.cancelAppointment(),
    confirmAttendance: () => void this.confirmation.confirmAttendance(),
    joinWaitlist: () => void this.plans.joinWaitlist(),
    planSeries: () => void this.plans.planSeries(),
    holdSeries: () => void this.plans.holdSeries(),
    copyLink: (token) => void this.copyLink(token),
  };

  async copyLink(token: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.host.manageLink(token));
      this.host.set({ copiedLink: token });
      this.host.announce(this.host.messages.text('linkCopied'));
    } catch {
      // No clipboard permission: the link stays on screen to copy by hand.
      this.host.announce(this.host.messages.text('copyFailed'));
    }
  }

  /** The step's view, under the held time's countdown and the last notice. */
  render(view: BookingView, notice: TemplateResult | typeof nothing, icsUrl: string): TemplateResult {
    const step = (() => {
      switch (view.state.step) {
        case 'series':
          return renderSeries(view);
        case 'details':
          return renderDetails(view);
        case 'review':
          return renderReview(view);
        case 'done':
          return renderDone(view, icsUrl);
        case 'manage':
          return renderManage(view);
        case 'cancel':
          return renderCancel(view);
        default:
          return renderWaitlist(view);
      }
    })();
    return html`${this.renderHold(view)}${notice}${step}`;
  }

  toReview(): void {
    const host = this.host;
    const errors = validateDraft(host.state.draft, localDateIn(Date.now(), host.zones.patientZone));
    if (Object.keys(errors).length) return showErrors(host, errors);
    host.go('review');
    const coverage = coverageFrom(host.state.draft);
    if (coverage?.kind === 'insurance' && typeof host.adapter?.booking?.verifyEligibility === 'function' && host.state.eligibilityKey !== JSON.stringify(coverage)) {
      void this.checkEligibility();
    }
  }

  async checkEligibility(): Promise<void> {
    const host = this.host;
    const coverage = coverageFrom(host.state.draft);
    const errors = validateDraft(host.state.draft, localDateIn(Date.now(), host.zones.patientZone));
    // Every coverage field the check needs, the policy holder's too when it is not the patient.
    const missing = Object.fromEntries(COVERAGE_FIELDS.filter((field) => errors[field]).map((field) => [field, errors[field]]));
    if (coverage?.kind !== 'insurance' || Object.keys(missing).length) return showErrors(host, missing);
    host.set({ busy: 'eligibility', eligibility: undefined });
    try {
      const result = await host.calls.run('verifyEligibility', (api, signal) => (api.verifyEligibility ? api.verifyEligibility(coverage, { signal }) : Promise.reject(new AdapterError('unsupported', 'No eligibility checks.'))));
      host.set({ busy: '', eligibility: result, eligibilityKey: JSON.stringify(coverage), selfPayRest: false, ...(result.selfPayPrice ? { selfPayPrice: result.selfPayPrice } : {}) });
    } catch {
      // Reported as `pxm-error` by the call; the patient may book without the check.
      host.set({ busy: '', eligibility: 'failed', eligibilityKey: '' });
    }
  }

  /** The practice's self-pay price: a backend that checks coverage answers self-pay with it. Asked once. */
  async priceSelfPay(): Promise<void> {
    if (this.selfPayAsked || this.host.state.selfPayPrice || typeof this.host.adapter?.booking?.verifyEligibility !== 'function') return;
    this.selfPayAsked = true;
    try {
      const result = await this.host.calls.run('verifyEligibility', (api, signal) => api.verifyEligibility!({ kind: 'self-pay' }, { signal }));
      if (result.selfPayPrice) this.host.set({ selfPayPrice: result.selfPayPrice });
    } catch {
      // Reported as `pxm-error` by the call; the option still reads "pay at each visit".
    }
  }

  private renderHold(view: BookingView): TemplateResult | typeof nothing {
    const { state, messages, actions } = this.host;
    if (!state.holds.length || !['details', 'review'].includes(state.step)) return nothing;
    const what = state.holds.length > 1 ? messages.text('seriesVisits', state.holds.length) : whenText(view, state.holds[0]!.slot, primaryZone(view));
    if (state.holdExpired) {
      return html`<div class="notice error hold" part="hold-timer" role="alert">
        <p>${messages.text('holdExpired', what)}</p>
        <div class="actions start">
          <button type="button" class="button primary" @click=${actions.renewHold}>${messages.text('holdAgain')}</button>
          <button type="button" class="button" @click=${actions.changeTime}>${messages.text('changeTime')}</button>
        </div>
      </div>`;
    }
    const remaining = this.timer.remaining;
    return html`<div class="notice hold" part="hold-timer">
      <p>${messages.text('heldFor', what)} <strong role="timer" aria-live="off">${messages.text('timeLeft', countdownText(remaining))}</strong></p>
      ${remaining < WARN_BELOW_MS ? html`<button type="button" class="button" @click=${actions.renewHold}>${messages.text('keepHolding')}</button>` : nothing}
    </div>`;
  }

  startHolds(holds: Hold[]): void {
    const receivedAt = Date.now();
    const deadline = Math.min(...holds.map((hold) => holdDeadline(hold.expiresAt, receivedAt)));
    this.warned = false;
    this.host.set({ holds, holdDeadline: deadline, holdExpired: false, keys: holds.map(() => createId()) });
    this.timer.lastActivity = receivedAt;
    this.timer.start(deadline);
  }

  private onHoldTick(remaining: number): void {
    const host = this.host;
    if (!host.state.holds.length || host.state.holdExpired) return;
    if (remaining <= 0) {
      this.timer.stop();
      host.set({ holdExpired: true });
      host.announce(host.messages.text('holdEnded'));
      return;
    }
    const active = Date.now() - this.timer.lastActivity < 60_000;
    if (remaining < RENEW_BELOW_MS && active && !this.renewing) void this.renewHolds(true);
    else if (remaining < WARN_BELOW_MS && !this.warned) {
      this.warned = true;
      host.announce(host.messages.text('holdWarning', Math.ceil(remaining / 60_000)));
    }
  }

  /** Extends every live hold; a lapsed one is taken again if still free. */
  async renewHolds(quiet = false): Promise<void> {
    const host = this.host;
    const holds = host.state.holds;
    if (this.renewing || !holds.length) return;
    this.renewing = true;
    try {
      const renewed: Hold[] = [];
      for (const hold of holds) {
        try {
          renewed.push(await host.calls.run('renewHold', (api, signal) => api.renewHold(hold.id, { signal }), { report: false }));
        } catch (error) {
          // A lapsed hold is taken again below; any other failure is reported once.
          if (!AdapterError.is(error) || error.code !== 'hold_expired') throw host.report(error, 'booking.renewHold') ?? error;
          renewed.push(await host.calls.run('holdSlot', (api, signal) => api.holdSlot(hold.slot.id, { signal })));
        }
      }
      const keys = host.state.keys;
      this.startHolds(renewed);
      // Same holds renewed: keep the keys so a retried confirm is still the same booking. A hold
      // taken again has a new id, so its booking is a new request with a new key.
      if (renewed.every((hold, index) => hold.id === holds[index]?.id)) host.set({ keys });
      if (!quiet) host.announce(host.messages.text('holdRenewed'));
    } catch (error) {
      const err = reported(error);
      if (err?.code === 'slot_unavailable') host.backToTimes(host.state.holds[0]?.slot);
      else if (err && !quiet) notifyFailure(host, err, () => void this.renewHolds());
    } finally {
      this.renewing = false;
    }
  }
}
