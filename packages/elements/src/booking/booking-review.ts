/**
 * Step 4: everything on one screen before it is sent. Confirm books with an idempotency key;
 * a reschedule shows the old and new time and, inside the notice window, asks to acknowledge
 * the fee.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DEFAULT_CHANGE_GRACE_MINUTES, startsInsideNoticeWindow } from '@pxm/core';
import { primaryZone, renderVisit, renderVisitList, whenText } from './booking-summary.js';
import type { BookingView } from './booking-view.js';

export function renderPolicy(v: BookingView, withAck: boolean): TemplateResult {
  const { messages } = v;
  const policy = v.state.managed?.cancellationPolicy ?? v.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const error = v.state.errors.ack;
  return html`<section class="policy" part="policy" aria-labelledby="policy-heading">
    <h3 id="policy-heading">${messages.t('policy')}</h3>
    <p>${policy.text ?? messages.t('policyDefault', policy.minimumNoticeHours)}</p>
    ${withAck && fee
      ? html`<p class="notice warning">${messages.t('withinNotice', policy.minimumNoticeHours, messages.money(fee.amountMinor, fee.currency))}</p>
          <label class="choice">
            <input type="checkbox" name="ack" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'ack-error' : nothing} .checked=${live(v.state.ackFee)} @change=${(e: Event) => v.actions.set({ ackFee: (e.target as HTMLInputElement).checked, errors: {} })} />
            <span>${messages.t('ackFee', messages.money(fee.amountMinor, fee.currency))}</span>
          </label>
          ${error ? html`<span class="error-text" id="ack-error">${messages.t('errAck')}</span>` : nothing}`
      : nothing}
  </section>`;
}

function renderPatientSummary(v: BookingView): TemplateResult {
  const { messages } = v;
  const d = v.state.draft;
  const name = d.kind === 'new' ? `${d.firstName} ${d.lastName}` : d.lastName;
  const coverage =
    d.coverage === 'self-pay'
      ? messages.t('selfPay')
      : `${d.payerName} · ${messages.t('memberId')} ${d.memberId}${d.groupNumber ? ` · ${messages.t('groupNumber')} ${d.groupNumber}` : ''}`;
  const result = v.state.eligibility;
  const reminders = [d.remindSms ? messages.t('sms') : '', d.remindEmail ? messages.t('emailShort') : ''].filter(Boolean);
  return html`<dl class="summary">
    <div><dt>${messages.t('patient')}</dt><dd>${name}<br />${v.messages.date(d.dateOfBirth, { year: 'numeric', month: 'long', day: 'numeric' })}<br />${[d.phone, d.email].filter(Boolean).join(' · ')}</dd></div>
    <div><dt>${messages.t('payment')}</dt><dd>${coverage}${
      result && result !== 'failed' && d.coverage === 'insurance'
        ? html`<br /><span class="hint">${messages.t(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown')}${
            result.copay ? ` ${messages.t('copay', messages.money(result.copay.amountMinor, result.copay.currency))}` : ''
          }</span>`
        : nothing
    }</dd></div>
    <div><dt>${messages.t('reminders')}</dt><dd>${reminders.length ? messages.list(reminders) : messages.t('noReminders')}</dd></div>
  </dl>
  <div class="actions start"><button type="button" class="button link" @click=${() => v.actions.go('details')}>${messages.t('editDetails')}</button></div>`;
}

/** Booking a visit already inside the notice window: say so before the patient confirms. */
function renderLateBookingNotice(v: BookingView): TemplateResult | typeof nothing {
  const policy = v.catalog.practice.cancellationPolicy;
  const fee = policy.lateCancelFee;
  const now = Date.now();
  if (!fee || !v.state.holds.some((h) => startsInsideNoticeWindow(Date.parse(h.slot.start), policy, now))) return nothing;
  const grace = policy.changeGraceMinutes ?? DEFAULT_CHANGE_GRACE_MINUTES;
  return html`<p class="notice warning">${v.messages.t('bookingInsideWindow', policy.minimumNoticeHours, grace, v.messages.money(fee.amountMinor, fee.currency))}</p>`;
}

export function renderReview(v: BookingView): TemplateResult {
  const { messages, state } = v;
  const busy = state.busy === 'confirm';
  const old = state.managed?.appointment;
  const visits = state.holds.map((h) => h.slot);
  return html`<div class="step-body">
    ${state.rescheduling && old
      ? html`<p>${messages.t('movingFrom')}</p>
          <p class="old-time"><del>${whenText(v, old, primaryZone(v))}</del></p>
          <p>${messages.t('movingTo')}</p>`
      : nothing}
    ${visits.length === 1 ? renderVisit(v, visits[0]!) : html`<h3>${messages.t('seriesVisits', visits.length)}</h3>${renderVisitList(v, visits)}`}
    <div class="actions start"><button type="button" class="button link" @click=${v.actions.changeTime}>${messages.t('changeTime')}</button></div>
    ${state.rescheduling ? nothing : renderPatientSummary(v)}
    ${renderPolicy(v, state.rescheduling && Boolean(state.managed?.withinNoticeWindow))}
    ${state.rescheduling ? nothing : renderLateBookingNotice(v)}
    <div class="actions">
      ${state.rescheduling ? html`<button type="button" class="button" @click=${v.actions.keepCurrent}>${messages.t('keepCurrent')}</button>` : nothing}
      <button type="button" class="button primary" part="confirm-button" aria-disabled=${busy ? 'true' : 'false'} @click=${v.actions.confirm}>
        ${busy ? html`<span class="spinner small" aria-hidden="true"></span>${messages.t('booking')}` : messages.t(state.rescheduling ? 'confirmReschedule' : visits.length > 1 ? 'confirmSeries' : 'confirm')}
      </button>
    </div>
  </div>`;
}
