/**
 * Step 4: everything on one screen before it is sent. Confirm books with an idempotency key;
 * a reschedule shows the old and new time and, inside the notice window, asks to acknowledge
 * the fee.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEFAULT_CHANGE_GRACE_MINUTES, startsInsideNoticeWindow } from '@pxm/core/booking-display';
import { renderBenefits, selfPayPriceText } from './booking-benefits.js';
import { coveredConfirmLabel, renderSeriesCoverage } from './booking-series-coverage.js';
import { primaryZone, renderVisits, summaryRow, whenText } from './booking-summary.js';
import { buttonRow } from './booking-buttons.js';
import type { BookingView } from './booking-view.js';

export function renderPolicy(view: BookingView, withAck: boolean): TemplateResult {
  const { messages } = view;
  const policy = view.state.managed?.cancellationPolicy ?? view.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const error = view.state.errors.ack;
  return html`<section class="policy" part="policy" aria-labelledby="policy-heading">
    <h3 id="policy-heading">${messages.text('policy')}</h3>
    <p>${policy.text ?? messages.text('policyDefault', policy.minimumNoticeHours)}</p>
    ${withAck && fee
      ? html`<p class="notice warning">${messages.text('withinNotice', policy.minimumNoticeHours, messages.money(fee.amountMinor, fee.currency))}</p>
          <label class="choice">
            <input type="checkbox" name="ack" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'ack-error' : nothing} .checked=${live(view.state.ackFee)} @change=${(event: Event) => view.actions.set({ ackFee: (event.target as HTMLInputElement).checked, errors: {} })} />
            <span>${messages.text('ackFee', messages.money(fee.amountMinor, fee.currency))}</span>
          </label>
          ${error ? html`<span class="error-text" id="ack-error">${messages.text('errAck')}</span>` : nothing}`
      : nothing}
  </section>`;
}

function renderPatientSummary(view: BookingView): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const name = draft.kind === 'new' ? `${draft.firstName} ${draft.lastName}` : draft.lastName;
  const coverage =
    draft.coverage === 'self-pay'
      ? messages.text('selfPay')
      : `${draft.payerName} · ${messages.text('memberId')} ${draft.memberId}${draft.groupNumber ? ` · ${messages.text('groupNumber')} ${draft.groupNumber}` : ''}`;
  const reminders = [draft.remindSms ? messages.text('sms') : '', draft.remindEmail ? messages.text('emailShort') : ''].filter(Boolean);
  return html`<dl class="summary">
    ${summaryRow(messages.text('patient'), html`${name}<br />${messages.date(draft.dateOfBirth, { year: 'numeric', month: 'long', day: 'numeric' })}<br />${[draft.phone, draft.email].filter(Boolean).join(' · ')}`)}
    ${summaryRow(messages.text('payment'), html`${coverage}${draft.coverage === 'self-pay' && view.state.selfPayPrice ? html`<br /><span class="hint">${selfPayPriceText(view)}</span>` : nothing}`)}
    ${summaryRow(messages.text('reminders'), reminders.length ? messages.list(reminders) : messages.text('noReminders'))}
  </dl>
  ${draft.coverage === 'insurance' ? renderBenefits(view, view.state.eligibility) : nothing}
  ${buttonRow(messages.text('editDetails'), () => view.actions.go('details'), 'link')}`;
}

/** Booking a visit already inside the notice window: say so before the patient confirms. */
function renderLateBookingNotice(view: BookingView): TemplateResult | typeof nothing {
  const policy = view.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const now = Date.now();
  if (!fee || !view.state.holds.some((hold) => startsInsideNoticeWindow(Date.parse(hold.slot.start), policy, now))) return nothing;
  const grace = policy.changeGraceMinutes ?? DEFAULT_CHANGE_GRACE_MINUTES;
  return html`<p class="notice warning">${view.messages.text('bookingInsideWindow', policy.minimumNoticeHours, grace, view.messages.money(fee.amountMinor, fee.currency))}</p>`;
}

export function renderReview(view: BookingView): TemplateResult {
  const { messages, state } = view;
  const busy = state.busy === 'confirm';
  const old = state.managed?.appointment;
  const visits = state.holds.map((hold) => hold.slot);
  return html`<div class="step-body">
    ${state.rescheduling && old
      ? html`<p>${messages.text('movingFrom')}</p>
          <p class="old-time"><del>${whenText(view, old, primaryZone(view))}</del></p>
          <p>${messages.text('movingTo')}</p>`
      : nothing}
    ${renderVisits(view, visits, messages.text('seriesVisits', visits.length))}
    ${buttonRow(messages.text('changeTime'), view.actions.changeTime, 'link')}
    ${state.rescheduling ? nothing : renderPatientSummary(view)}
    ${renderPolicy(view, state.rescheduling && Boolean(state.managed?.withinNoticeWindow))}
    ${state.rescheduling ? nothing : renderLateBookingNotice(view)}
    ${renderSeriesCoverage(view)}
    <div class="actions">
      ${state.rescheduling ? html`<button type="button" class="button" @click=${view.actions.keepCurrent}>${messages.text('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="confirm-button" aria-disabled=${busy ? 'true' : 'false'} @click=${view.actions.confirm}>
        ${busy ? html`<span class="spinner small" aria-hidden="true"></span>${messages.text('booking')}` : (coveredConfirmLabel(view) ?? messages.text(state.rescheduling ? 'confirmReschedule' : visits.length > 1 ? 'confirmSeries' : 'confirm'))}
      </button>
    </div>
  </div>`;
}
