/**
 * Step 3: who is coming and how they pay. Demographic fields carry autofill tokens; member,
 * group and subscriber fields do not (a browser must never fill someone else's insurance).
 * The waitlist reuses the patient part without insurance.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { radioGroup, textField } from './booking-fields.js';
import type { BookingView } from './booking-view.js';

const REFERRALS = ['doctor', 'search', 'friend', 'insurance', 'social', 'other'] as const;

export function renderPatientFields(v: BookingView, askKind: boolean): TemplateResult {
  const { messages } = v;
  const d = v.state.draft;
  const returning = d.kind === 'returning';
  return html`${askKind
      ? radioGroup(v, 'kind', messages.t('kindQuestion'), [
          { value: 'new', label: messages.t('kindNew') },
          { value: 'returning', label: messages.t('kindReturning') },
        ])
      : nothing}
    ${d.kind
      ? html`<fieldset class="group">
          <legend>${messages.t(returning ? 'returningLegend' : 'aboutYou')}</legend>
          ${returning ? html`<p class="hint">${messages.t('returningHint')}</p>` : nothing}
          ${returning ? nothing : textField(v, 'firstName', messages.t('firstName'), { autocomplete: 'given-name' })}
          ${textField(v, 'lastName', messages.t('lastName'), { autocomplete: 'family-name' })}
          ${textField(v, 'dateOfBirth', messages.t('dateOfBirth'), { type: 'date', autocomplete: 'bday', max: v.today, birthDate: true })}
          ${textField(v, 'phone', messages.t('phone'), { type: 'tel', autocomplete: 'tel', optional: returning, hint: returning ? messages.t('phoneOrEmail') : undefined })}
          ${textField(v, 'email', messages.t('email'), { type: 'email', autocomplete: 'email', optional: returning })}
        </fieldset>`
      : nothing}`;
}

/** The contact consent: appointment reminders when booking; on the waitlist, word that a time opened. */
export function renderReminders(v: BookingView, purpose: 'reminders' | 'waitlist' = 'reminders'): TemplateResult {
  const { messages } = v;
  const d = v.state.draft;
  const toggle = (channel: 'Sms' | 'Email') => (event: Event) =>
    v.actions.draft({ [`remind${channel}`]: (event.target as HTMLInputElement).checked, [`remind${channel}At`]: new Date().toISOString() });
  const waitlist = purpose === 'waitlist';
  const consent = waitlist
    ? messages.t('waitlistConsent', v.catalog.practice.name, v.type?.name ?? '', v.type?.modality === 'telehealth' ? messages.t('videoVisit') : (v.location?.name ?? ''))
    : messages.t('consentText', v.catalog.practice.name);
  return html`<fieldset class="group">
    <legend>${messages.t(waitlist ? 'waitlistContact' : 'reminders')}</legend>
    <p class="hint" id="consent-text">${consent}</p>
    <label class="choice"><input type="checkbox" name="remind-sms" aria-describedby="consent-text" .checked=${live(d.remindSms)} @change=${toggle('Sms')} /><span>${messages.t(waitlist ? 'waitlistSms' : 'remindSms')}</span></label>
    <label class="choice"><input type="checkbox" name="remind-email" aria-describedby="consent-text" .checked=${live(d.remindEmail)} @change=${toggle('Email')} /><span>${messages.t(waitlist ? 'waitlistEmail' : 'remindEmail')}</span></label>
  </fieldset>`;
}

function renderEligibility(v: BookingView): TemplateResult | typeof nothing {
  const { messages } = v;
  const result = v.state.eligibility;
  if (!result) return nothing;
  if (result === 'failed') return html`<p class="notice warning" role="status">${messages.t('eligibilityFailed')}</p>`;
  const copay = result.copay ? messages.t('copay', messages.money(result.copay.amountMinor, result.copay.currency)) : '';
  const tone = result.status === 'active' ? 'success' : 'warning';
  return html`<p class=${`notice ${tone}`} role="status" part="eligibility">
    ${messages.t(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown')}
    ${copay}
  </p>`;
}

export function renderCoverage(v: BookingView): TemplateResult {
  const { messages } = v;
  const d = v.state.draft;
  const insured = d.coverage === 'insurance';
  return html`${radioGroup(v, 'coverage', messages.t('payment'), [
      { value: 'insurance', label: messages.t('insurance') },
      { value: 'self-pay', label: messages.t('selfPay'), hint: messages.t('selfPayHint') },
    ])}
    ${insured
      ? html`<fieldset class="group">
          <legend>${messages.t('insuranceLegend')}</legend>
          ${textField(v, 'payerName', messages.t('payer'), { autocomplete: 'off', hint: messages.t('payerHint') })}
          ${textField(v, 'memberId', messages.t('memberId'), { autocomplete: 'off', code: true })}
          ${textField(v, 'groupNumber', messages.t('groupNumber'), { autocomplete: 'off', code: true, optional: true })}
          <div class="field">
            <label for="relationship">${messages.t('relationship')}</label>
            <select id="relationship" name="relationship" autocomplete="off" @change=${(e: Event) => v.actions.draft({ relationship: (e.target as HTMLSelectElement).value as 'self' })}>
              ${(['self', 'spouse', 'child', 'other'] as const).map(
                (r) => html`<option value=${r} ?selected=${d.relationship === r}>${messages.t(`rel_${r}`)}</option>`,
              )}
            </select>
          </div>
          ${d.relationship === 'self'
            ? nothing
            : html`${textField(v, 'subscriberName', messages.t('subscriberName'), { autocomplete: 'off' })}
              ${textField(v, 'subscriberDateOfBirth', messages.t('subscriberDob'), { type: 'date', autocomplete: 'off', max: v.today, birthDate: true })}`}
          ${v.canCheckEligibility
            ? html`<div class="actions start">
                <button type="button" class="button" ?disabled=${v.state.busy === 'eligibility'} @click=${v.actions.checkEligibility}>
                  ${v.state.busy === 'eligibility' ? messages.t('checking') : messages.t('checkCoverage')}
                </button>
              </div>`
            : nothing}
          ${renderEligibility(v)}
        </fieldset>`
      : nothing}`;
}

/**
 * No record matched: say so, and offer to book as a new patient with everything typed kept (the
 * same draft fields). A visit type open to anyone switches in place and focuses the one field
 * left (first name); a returning-only type goes back to choose a visit for new patients.
 */
function renderNotFound(v: BookingView): TemplateResult | typeof nothing {
  const { messages, state } = v;
  if (!state.errors.match || state.draft.kind !== 'returning') return nothing;
  const inPlace = v.type?.patientEligibility === 'any' && state.holds.length < 2;
  const asNew = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    if (inPlace) {
      v.actions.set({ errors: {} });
      v.actions.draft({ kind: 'new' });
      void (root.host as ReactiveElement).updateComplete.then(() => root.getElementById('firstName')?.focus());
    } else {
      v.actions.go('choose');
      v.actions.draft({ kind: 'new' });
      v.actions.set({ notice: { tone: 'info', text: messages.t('newPatientType') } });
    }
  };
  return html`<div class="notice error" part="notice" id="not-found" tabindex="-1" role="alert">
    <p>${messages.t('patientNotFound')}</p>
    ${inPlace || !v.fixed.type ? html`<button type="button" class="button" @click=${asNew}>${messages.t('bookAsNew')}</button>` : nothing}
  </div>`;
}

export function renderDetails(v: BookingView): TemplateResult {
  const { messages } = v;
  const d = v.state.draft;
  const fixedKind = v.type?.patientEligibility !== 'any' || v.state.holds.length > 1;
  return html`<form class="step-body" novalidate @submit=${(e: Event) => (e.preventDefault(), v.actions.toReview())}>
    ${renderNotFound(v)}
    ${renderPatientFields(v, !fixedKind)}
    ${d.kind === 'new'
      ? html`<fieldset class="group">
          <legend>${messages.t('yourVisit')}</legend>
          ${textField(v, 'reason', messages.t('reason'), { autocomplete: 'off', optional: true, multiline: true, hint: messages.t('reasonHint') })}
          <div class="field">
            <label for="referral">${messages.t('referral')} <span class="hint">(${v.common.t('optional')})</span></label>
            <select id="referral" name="referral" autocomplete="off" @change=${(e: Event) => v.actions.draft({ referral: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!d.referral}>${messages.t('referralNone')}</option>
              ${REFERRALS.map((r) => html`<option value=${r} ?selected=${d.referral === r}>${messages.t(`ref_${r}`)}</option>`)}
            </select>
          </div>
        </fieldset>`
      : nothing}
    ${d.kind ? html`${renderCoverage(v)} ${renderReminders(v)}` : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${v.actions.changeTime}>${messages.t('changeTime')}</button>
      <button type="submit" class="button primary" part="next-button">${messages.t('reviewButton')}</button>
    </div>
  </form>`;
}
