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
  const { l } = v;
  const d = v.s.draft;
  const returning = d.kind === 'returning';
  return html`${askKind
      ? radioGroup(v, 'kind', l.t('kindQuestion'), [
          { value: 'new', label: l.t('kindNew') },
          { value: 'returning', label: l.t('kindReturning') },
        ])
      : nothing}
    ${d.kind
      ? html`<fieldset class="group">
          <legend>${l.t(returning ? 'returningLegend' : 'aboutYou')}</legend>
          ${returning ? html`<p class="hint">${l.t('returningHint')}</p>` : nothing}
          ${returning ? nothing : textField(v, 'firstName', l.t('firstName'), { autocomplete: 'given-name' })}
          ${textField(v, 'lastName', l.t('lastName'), { autocomplete: 'family-name' })}
          ${textField(v, 'dateOfBirth', l.t('dateOfBirth'), { type: 'date', autocomplete: 'bday', max: v.today, birthDate: true })}
          ${textField(v, 'phone', l.t('phone'), { type: 'tel', autocomplete: 'tel', optional: returning, hint: returning ? l.t('phoneOrEmail') : undefined })}
          ${textField(v, 'email', l.t('email'), { type: 'email', autocomplete: 'email', optional: returning })}
        </fieldset>`
      : nothing}`;
}

/** The contact consent: appointment reminders when booking; on the waitlist, word that a time opened. */
export function renderReminders(v: BookingView, purpose: 'reminders' | 'waitlist' = 'reminders'): TemplateResult {
  const { l } = v;
  const d = v.s.draft;
  const toggle = (channel: 'Sms' | 'Email') => (event: Event) =>
    v.a.draft({ [`remind${channel}`]: (event.target as HTMLInputElement).checked, [`remind${channel}At`]: new Date().toISOString() });
  const waitlist = purpose === 'waitlist';
  const consent = waitlist
    ? l.t('waitlistConsent', v.catalog.practice.name, v.type?.name ?? '', v.type?.modality === 'telehealth' ? l.t('videoVisit') : (v.location?.name ?? ''))
    : l.t('consentText', v.catalog.practice.name);
  return html`<fieldset class="group">
    <legend>${l.t(waitlist ? 'waitlistContact' : 'reminders')}</legend>
    <p class="hint" id="consent-text">${consent}</p>
    <label class="choice"><input type="checkbox" name="remind-sms" aria-describedby="consent-text" .checked=${live(d.remindSms)} @change=${toggle('Sms')} /><span>${l.t(waitlist ? 'waitlistSms' : 'remindSms')}</span></label>
    <label class="choice"><input type="checkbox" name="remind-email" aria-describedby="consent-text" .checked=${live(d.remindEmail)} @change=${toggle('Email')} /><span>${l.t(waitlist ? 'waitlistEmail' : 'remindEmail')}</span></label>
  </fieldset>`;
}

function renderEligibility(v: BookingView): TemplateResult | typeof nothing {
  const { l } = v;
  const result = v.s.eligibility;
  if (!result) return nothing;
  if (result === 'failed') return html`<p class="notice warning" role="status">${l.t('eligibilityFailed')}</p>`;
  const copay = result.copay ? l.t('copay', l.money(result.copay.amountMinor, result.copay.currency)) : '';
  const tone = result.status === 'active' ? 'success' : 'warning';
  return html`<p class=${`notice ${tone}`} role="status" part="eligibility">
    ${l.t(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown')}
    ${copay}
  </p>`;
}

export function renderCoverage(v: BookingView): TemplateResult {
  const { l } = v;
  const d = v.s.draft;
  const insured = d.coverage === 'insurance';
  return html`${radioGroup(v, 'coverage', l.t('payment'), [
      { value: 'insurance', label: l.t('insurance') },
      { value: 'self-pay', label: l.t('selfPay'), hint: l.t('selfPayHint') },
    ])}
    ${insured
      ? html`<fieldset class="group">
          <legend>${l.t('insuranceLegend')}</legend>
          ${textField(v, 'payerName', l.t('payer'), { autocomplete: 'off', hint: l.t('payerHint') })}
          ${textField(v, 'memberId', l.t('memberId'), { autocomplete: 'off', code: true })}
          ${textField(v, 'groupNumber', l.t('groupNumber'), { autocomplete: 'off', code: true, optional: true })}
          <div class="field">
            <label for="relationship">${l.t('relationship')}</label>
            <select id="relationship" name="relationship" autocomplete="off" @change=${(e: Event) => v.a.draft({ relationship: (e.target as HTMLSelectElement).value as 'self' })}>
              ${(['self', 'spouse', 'child', 'other'] as const).map(
                (r) => html`<option value=${r} ?selected=${d.relationship === r}>${l.t(`rel_${r}`)}</option>`,
              )}
            </select>
          </div>
          ${d.relationship === 'self'
            ? nothing
            : html`${textField(v, 'subscriberName', l.t('subscriberName'), { autocomplete: 'off' })}
              ${textField(v, 'subscriberDateOfBirth', l.t('subscriberDob'), { type: 'date', autocomplete: 'off', max: v.today, birthDate: true })}`}
          ${v.canCheckEligibility
            ? html`<div class="actions start">
                <button type="button" class="button" ?disabled=${v.s.busy === 'eligibility'} @click=${v.a.checkEligibility}>
                  ${v.s.busy === 'eligibility' ? l.t('checking') : l.t('checkCoverage')}
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
  const { l, s } = v;
  if (!s.errors.match || s.draft.kind !== 'returning') return nothing;
  const inPlace = v.type?.patientEligibility === 'any' && s.holds.length < 2;
  const asNew = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    if (inPlace) {
      v.a.set({ errors: {} });
      v.a.draft({ kind: 'new' });
      void (root.host as ReactiveElement).updateComplete.then(() => root.getElementById('firstName')?.focus());
    } else {
      v.a.go('choose');
      v.a.draft({ kind: 'new' });
      v.a.set({ notice: { tone: 'info', text: l.t('newPatientType') } });
    }
  };
  return html`<div class="notice error" part="notice" id="not-found" tabindex="-1" role="alert">
    <p>${l.t('patientNotFound')}</p>
    ${inPlace || !v.fixed.type ? html`<button type="button" class="button" @click=${asNew}>${l.t('bookAsNew')}</button>` : nothing}
  </div>`;
}

export function renderDetails(v: BookingView): TemplateResult {
  const { l } = v;
  const d = v.s.draft;
  const fixedKind = v.type?.patientEligibility !== 'any' || v.s.holds.length > 1;
  return html`<form class="step-body" novalidate @submit=${(e: Event) => (e.preventDefault(), v.a.toReview())}>
    ${renderNotFound(v)}
    ${renderPatientFields(v, !fixedKind)}
    ${d.kind === 'new'
      ? html`<fieldset class="group">
          <legend>${l.t('yourVisit')}</legend>
          ${textField(v, 'reason', l.t('reason'), { autocomplete: 'off', optional: true, multiline: true, hint: l.t('reasonHint') })}
          <div class="field">
            <label for="referral">${l.t('referral')} <span class="hint">(${v.common.t('optional')})</span></label>
            <select id="referral" name="referral" autocomplete="off" @change=${(e: Event) => v.a.draft({ referral: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!d.referral}>${l.t('referralNone')}</option>
              ${REFERRALS.map((r) => html`<option value=${r} ?selected=${d.referral === r}>${l.t(`ref_${r}`)}</option>`)}
            </select>
          </div>
        </fieldset>`
      : nothing}
    ${d.kind ? html`${renderCoverage(v)} ${renderReminders(v)}` : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${v.a.changeTime}>${l.t('changeTime')}</button>
      <button type="submit" class="button primary" part="next-button">${l.t('reviewButton')}</button>
    </div>
  </form>`;
}
