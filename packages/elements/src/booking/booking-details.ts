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

export function renderPatientFields(view: BookingView, askKind: boolean): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const returning = draft.kind === 'returning';
  return html`${askKind
      ? radioGroup(view, 'kind', messages.t('kindQuestion'), [
          { value: 'new', label: messages.t('kindNew') },
          { value: 'returning', label: messages.t('kindReturning') },
        ])
      : nothing}
    ${draft.kind
      ? html`<fieldset class="group">
          <legend>${messages.t(returning ? 'returningLegend' : 'aboutYou')}</legend>
          ${returning ? html`<p class="hint">${messages.t('returningHint')}</p>` : nothing}
          ${returning ? nothing : textField(view, 'firstName', messages.t('firstName'), { autocomplete: 'given-name' })}
          ${textField(view, 'lastName', messages.t('lastName'), { autocomplete: 'family-name' })}
          ${textField(view, 'dateOfBirth', messages.t('dateOfBirth'), { type: 'date', autocomplete: 'bday', max: view.today, birthDate: true })}
          ${textField(view, 'phone', messages.t('phone'), { type: 'tel', autocomplete: 'tel', optional: returning, hint: returning ? messages.t('phoneOrEmail') : undefined })}
          ${textField(view, 'email', messages.t('email'), { type: 'email', autocomplete: 'email', optional: returning })}
        </fieldset>`
      : nothing}`;
}

/** The contact consent: appointment reminders when booking; on the waitlist, word that a time opened. */
export function renderReminders(view: BookingView, purpose: 'reminders' | 'waitlist' = 'reminders'): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const toggle = (channel: 'Sms' | 'Email') => (event: Event) =>
    view.actions.draft({ [`remind${channel}`]: (event.target as HTMLInputElement).checked, [`remind${channel}At`]: new Date().toISOString() });
  const waitlist = purpose === 'waitlist';
  const consent = waitlist
    ? messages.t('waitlistConsent', view.catalog.practice.name, view.type?.name ?? '', view.type?.modality === 'telehealth' ? messages.t('videoVisit') : (view.location?.name ?? ''))
    : messages.t('consentText', view.catalog.practice.name);
  return html`<fieldset class="group">
    <legend>${messages.t(waitlist ? 'waitlistContact' : 'reminders')}</legend>
    <p class="hint" id="consent-text">${consent}</p>
    <label class="choice"><input type="checkbox" name="remind-sms" aria-describedby="consent-text" .checked=${live(draft.remindSms)} @change=${toggle('Sms')} /><span>${messages.t(waitlist ? 'waitlistSms' : 'remindSms')}</span></label>
    <label class="choice"><input type="checkbox" name="remind-email" aria-describedby="consent-text" .checked=${live(draft.remindEmail)} @change=${toggle('Email')} /><span>${messages.t(waitlist ? 'waitlistEmail' : 'remindEmail')}</span></label>
  </fieldset>`;
}

function renderEligibility(view: BookingView): TemplateResult | typeof nothing {
  const { messages } = view;
  const result = view.state.eligibility;
  if (!result) return nothing;
  if (result === 'failed') return html`<p class="notice warning" role="status">${messages.t('eligibilityFailed')}</p>`;
  const copay = result.copay ? messages.t('copay', messages.money(result.copay.amountMinor, result.copay.currency)) : '';
  const tone = result.status === 'active' ? 'success' : 'warning';
  return html`<p class=${`notice ${tone}`} role="status" part="eligibility">
    ${messages.t(result.status === 'active' ? 'eligibilityActive' : result.status === 'inactive' ? 'eligibilityInactive' : 'eligibilityUnknown')}
    ${copay}
  </p>`;
}

export function renderCoverage(view: BookingView): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const insured = draft.coverage === 'insurance';
  return html`${radioGroup(view, 'coverage', messages.t('payment'), [
      { value: 'insurance', label: messages.t('insurance') },
      { value: 'self-pay', label: messages.t('selfPay'), hint: messages.t('selfPayHint') },
    ])}
    ${insured
      ? html`<fieldset class="group">
          <legend>${messages.t('insuranceLegend')}</legend>
          ${textField(view, 'payerName', messages.t('payer'), { autocomplete: 'off', hint: messages.t('payerHint') })}
          ${textField(view, 'memberId', messages.t('memberId'), { autocomplete: 'off', code: true })}
          ${textField(view, 'groupNumber', messages.t('groupNumber'), { autocomplete: 'off', code: true, optional: true })}
          <div class="field">
            <label for="relationship">${messages.t('relationship')}</label>
            <select id="relationship" name="relationship" autocomplete="off" @change=${(event: Event) => view.actions.draft({ relationship: (event.target as HTMLSelectElement).value as 'self' })}>
              ${(['self', 'spouse', 'child', 'other'] as const).map(
                (relationship) => html`<option value=${relationship} ?selected=${draft.relationship === relationship}>${messages.t(`rel_${relationship}`)}</option>`,
              )}
            </select>
          </div>
          ${draft.relationship === 'self'
            ? nothing
            : html`${textField(view, 'subscriberName', messages.t('subscriberName'), { autocomplete: 'off' })}
              ${textField(view, 'subscriberDateOfBirth', messages.t('subscriberDob'), { type: 'date', autocomplete: 'off', max: view.today, birthDate: true })}`}
          ${view.canCheckEligibility
            ? html`<div class="actions start">
                <button type="button" class="button" ?disabled=${view.state.busy === 'eligibility'} @click=${view.actions.checkEligibility}>
                  ${view.state.busy === 'eligibility' ? messages.t('checking') : messages.t('checkCoverage')}
                </button>
              </div>`
            : nothing}
          ${renderEligibility(view)}
        </fieldset>`
      : nothing}`;
}

/**
 * No record matched: say so, and offer to book as a new patient with everything typed kept (the
 * same draft fields). A visit type open to anyone switches in place and focuses the one field
 * left (first name); a returning-only type goes back to choose a visit for new patients.
 */
function renderNotFound(view: BookingView): TemplateResult | typeof nothing {
  const { messages, state } = view;
  if (!state.errors.match || state.draft.kind !== 'returning') return nothing;
  const inPlace = view.type?.patientEligibility === 'any' && state.holds.length < 2;
  const asNew = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    if (inPlace) {
      view.actions.set({ errors: {} });
      view.actions.draft({ kind: 'new' });
      void (root.host as ReactiveElement).updateComplete.then(() => root.getElementById('firstName')?.focus());
    } else {
      view.actions.go('choose');
      view.actions.draft({ kind: 'new' });
      view.actions.set({ notice: { tone: 'info', text: messages.t('newPatientType') } });
    }
  };
  return html`<div class="notice error" part="notice" id="not-found" tabindex="-1" role="alert">
    <p>${messages.t('patientNotFound')}</p>
    ${inPlace || !view.fixed.type ? html`<button type="button" class="button" @click=${asNew}>${messages.t('bookAsNew')}</button>` : nothing}
  </div>`;
}

export function renderDetails(view: BookingView): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const fixedKind = view.type?.patientEligibility !== 'any' || view.state.holds.length > 1;
  return html`<form class="step-body" novalidate @submit=${(event: Event) => (event.preventDefault(), view.actions.toReview())}>
    ${renderNotFound(view)}
    ${renderPatientFields(view, !fixedKind)}
    ${draft.kind === 'new'
      ? html`<fieldset class="group">
          <legend>${messages.t('yourVisit')}</legend>
          ${textField(view, 'reason', messages.t('reason'), { autocomplete: 'off', optional: true, multiline: true, hint: messages.t('reasonHint') })}
          <div class="field">
            <label for="referral">${messages.t('referral')} <span class="hint">(${view.common.t('optional')})</span></label>
            <select id="referral" name="referral" autocomplete="off" @change=${(event: Event) => view.actions.draft({ referral: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!draft.referral}>${messages.t('referralNone')}</option>
              ${REFERRALS.map((referral) => html`<option value=${referral} ?selected=${draft.referral === referral}>${messages.t(`ref_${referral}`)}</option>`)}
            </select>
          </div>
        </fieldset>`
      : nothing}
    ${draft.kind ? html`${renderCoverage(view)} ${renderReminders(view)}` : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${view.actions.changeTime}>${messages.t('changeTime')}</button>
      <button type="submit" class="button primary" part="next-button">${messages.t('reviewButton')}</button>
    </div>
  </form>`;
}
