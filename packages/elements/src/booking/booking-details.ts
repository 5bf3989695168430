/**
 * Step 3: who is coming and how they pay. Demographic fields carry autofill tokens; member,
 * group and subscriber fields do not (a browser must never fill someone else's insurance).
 * The waitlist reuses the patient part without insurance.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { renderBenefits, selfPayPriceText } from './booking-benefits.js';
import { optionalMark, radioGroup, selectField, textField } from './booking-fields.js';
import type { BookingView } from './booking-view.js';

const REFERRALS = ['doctor', 'search', 'friend', 'insurance', 'social', 'other'] as const;
const RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;

export function renderPatientFields(view: BookingView, askKind: boolean): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const returning = draft.kind === 'returning';
  return html`${askKind
      ? radioGroup(view, 'kind', messages.text('kindQuestion'), [
          { value: 'new', label: messages.text('kindNew') },
          { value: 'returning', label: messages.text('kindReturning') },
        ])
      : nothing}
    ${draft.kind
      ? html`<fieldset class="group">
          <legend>${messages.text(returning ? 'returningLegend' : 'aboutYou')}</legend>
          ${returning ? html`<p class="hint">${messages.text('returningHint')}</p>` : nothing}
          ${returning ? nothing : textField(view, 'firstName', messages.text('firstName'), { autocomplete: 'given-name' })}
          ${textField(view, 'lastName', messages.text('lastName'), { autocomplete: 'family-name' })}
          ${textField(view, 'dateOfBirth', messages.text('dateOfBirth'), { type: 'date', autocomplete: 'bday', max: view.today, birthDate: true })}
          ${textField(view, 'phone', messages.text('phone'), { type: 'tel', autocomplete: 'tel', optional: returning, hint: returning ? messages.text('phoneOrEmail') : undefined })}
          ${textField(view, 'email', messages.text('email'), { type: 'email', autocomplete: 'email', optional: returning })}
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
    ? messages.text('waitlistConsent', view.catalog.practice.name, view.type?.name ?? '', view.placeName)
    : messages.text('consentText', view.catalog.practice.name);
  return html`<fieldset class="group">
    <legend>${messages.text(waitlist ? 'waitlistContact' : 'reminders')}</legend>
    <p class="hint" id="consent-text">${consent}</p>
    <label class="choice"><input type="checkbox" name="remind-sms" aria-describedby="consent-text" .checked=${live(draft.remindSms)} @change=${toggle('Sms')} /><span>${messages.text(waitlist ? 'waitlistSms' : 'remindSms')}</span></label>
    <label class="choice"><input type="checkbox" name="remind-email" aria-describedby="consent-text" .checked=${live(draft.remindEmail)} @change=${toggle('Email')} /><span>${messages.text(waitlist ? 'waitlistEmail' : 'remindEmail')}</span></label>
  </fieldset>`;
}

export function renderCoverage(view: BookingView): TemplateResult {
  const { messages } = view;
  const draft = view.state.draft;
  const insured = draft.coverage === 'insurance';
  return html`${radioGroup(view, 'coverage', messages.text('payment'), [
      { value: 'insurance', label: messages.text('insurance') },
      { value: 'self-pay', label: messages.text('selfPay'), hint: [messages.text('selfPayHint'), selfPayPriceText(view)].filter(Boolean).join(' ') },
    ])}
    ${insured
      ? html`<fieldset class="group">
          <legend>${messages.text('insuranceLegend')}</legend>
          ${textField(view, 'payerName', messages.text('payer'), { autocomplete: 'off', hint: messages.text('payerHint') })}
          ${textField(view, 'memberId', messages.text('memberId'), { autocomplete: 'off', code: true })}
          ${textField(view, 'groupNumber', messages.text('groupNumber'), { autocomplete: 'off', code: true, optional: true })}
          ${selectField(
            view,
            'relationship',
            messages.text('relationship'),
            RELATIONSHIPS.map((relationship) => ({ value: relationship, label: messages.text(`rel_${relationship}`) })),
          )}
          ${draft.relationship === 'self'
            ? nothing
            : html`${textField(view, 'subscriberName', messages.text('subscriberName'), { autocomplete: 'off' })}
              ${textField(view, 'subscriberDateOfBirth', messages.text('subscriberDob'), { type: 'date', autocomplete: 'off', max: view.today, birthDate: true })}`}
          ${view.canCheckEligibility
            ? html`<div class="actions start">
                <button type="button" class="button" ?disabled=${view.state.busy === 'eligibility'} @click=${view.actions.checkEligibility}>
                  ${view.state.busy === 'eligibility' ? messages.text('checking') : messages.text('checkCoverage')}
                </button>
              </div>`
            : nothing}
          ${renderBenefits(view, view.state.eligibility)}
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
      view.actions.set({ notice: { tone: 'info', text: messages.text('newPatientType') } });
    }
  };
  return html`<div class="notice error" part="notice" id="not-found" tabindex="-1" role="alert">
    <p>${messages.text('patientNotFound')}</p>
    ${inPlace || !view.fixed.type ? html`<button type="button" class="button" @click=${asNew}>${messages.text('bookAsNew')}</button>` : nothing}
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
          <legend>${messages.text('yourVisit')}</legend>
          ${textField(view, 'reason', messages.text('reason'), { autocomplete: 'off', optional: true, multiline: true, hint: messages.text('reasonHint') })}
          ${selectField(view, 'referral', html`${messages.text('referral')}${optionalMark(view)}`, [
            { value: '', label: messages.text('referralNone') },
            ...REFERRALS.map((referral) => ({ value: referral, label: messages.text(`ref_${referral}`) })),
          ])}
        </fieldset>`
      : nothing}
    ${draft.kind ? html`${renderCoverage(view)} ${renderReminders(view)}` : nothing}
    <div class="actions">
      <button type="button" class="button" @click=${view.actions.changeTime}>${messages.text('changeTime')}</button>
      <button type="submit" class="button primary" part="next-button">${messages.text('reviewButton')}</button>
    </div>
  </form>`;
}
