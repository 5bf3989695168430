/**
 * The referral form: patient, referring clinician, diagnoses, order, files, urgency and consent,
 * the error summary above them on Send, and the Send button with its failure beside it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Discipline, ReferralUrgency } from '@pxm/core/referral';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { renderAttachments, type AttachmentsView } from './attachments-view.js';
import { renderDiagnoses, type DiagnosesView } from './diagnoses-view.js';
import { textOf, type FieldKey, type ReferralDraft, type TextFieldKey } from './referral-draft.js';
import { describedBy, renderChoiceGroup, renderError, renderTextField } from './referral-fields.js';
import { controlIdOf } from './referral-validation.js';
import type { ReferralMessages } from './referral.messages.en.js';

/** Languages offered for the patient, named in the office's own language by the browser. */
const LANGUAGES = ['en', 'es', 'zh', 'vi', 'tl', 'ar', 'ko', 'ru', 'fr', 'ht', 'pt'] as const;
const DISCIPLINES: readonly Discipline[] = ['physical-therapy', 'occupational-therapy', 'speech-therapy'];

export interface SummaryIssue {
  key: FieldKey;
  label: string;
  message: string;
}

export interface FormView {
  msg: LocalizeController<ReferralMessages>;
  locale: string;
  draft: ReferralDraft;
  requiredText: string;
  errorOf(key: FieldKey): string | undefined;
  onText(key: TextFieldKey, value: string): void;
  onBlur(key: FieldKey): void;
  onDiscipline(value: Discipline): void;
  onUrgency(value: ReferralUrgency): void;
  onConsent(checked: boolean): void;
  diagnoses: Omit<DiagnosesView, 'msg' | 'rows' | 'requiredText'>;
  attachments: Omit<AttachmentsView, 'msg'>;
  summary: readonly SummaryIssue[];
  onSummaryLink(key: FieldKey): void;
  submitting: boolean;
  failureText: string | undefined;
  /** Trying again can help (a dropped connection, a timeout), so the button says so. */
  retryable: boolean;
  retryText: string;
  onSubmit(): void;
}

function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function text(view: FormView, key: TextFieldKey, label: string, extra: Partial<Parameters<typeof renderTextField>[0]> = {}): TemplateResult {
  return renderTextField({
    key,
    label,
    value: textOf(view.draft, key),
    error: view.errorOf(key),
    requiredText: view.requiredText,
    onInput: (value) => view.onText(key, value),
    onBlur: () => view.onBlur(key),
    ...extra,
  });
}

function renderSummary(view: FormView): TemplateResult | typeof nothing {
  if (view.summary.length === 0) return nothing;
  return html`<div class="notice error summary" part="error-summary" role="alert" tabindex="-1" id="referral-error-summary">
    <p><strong>${view.msg.text('errorSummary', view.summary.length)}</strong></p>
    <ul>
      ${view.summary.map(
        (issue) => html`<li>
          <a href=${`#${controlIdOf(issue.key)}`} class="summary-link" @click=${(event: Event) => (event.preventDefault(), view.onSummaryLink(issue.key))}
            >${issue.label}: ${issue.message}</a
          >
        </li>`,
      )}
    </ul>
  </div>`;
}

function renderPatient(view: FormView): TemplateResult {
  const { msg, draft } = view;
  const languageId = controlIdOf('patient.preferredLanguage');
  return html`<fieldset class="group" part="patient">
    <legend>${msg.text('patientLegend')}</legend>
    <div class="columns">
      ${text(view, 'patient.givenName', msg.text('givenName'), { required: true })}
      ${text(view, 'patient.familyName', msg.text('familyName'), { required: true })}
      ${text(view, 'patient.birthDate', msg.text('birthDate'), { required: true, type: 'date' })}
      ${text(view, 'patient.phone', msg.text('patientPhone'), { required: true, type: 'tel', inputMode: 'tel', maxLength: 25 })}
      <div class="field">
        <label for=${languageId}>${msg.text('preferredLanguage')}</label>
        <select id=${languageId} @change=${(event: Event) => view.onText('patient.preferredLanguage', (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!draft.patient.preferredLanguage}>${msg.text('languageNotSaid')}</option>
          ${LANGUAGES.map((code) => html`<option value=${code} ?selected=${draft.patient.preferredLanguage === code}>${languageName(view.locale, code)}</option>`)}
        </select>
      </div>
    </div>
  </fieldset>`;
}

function renderReferrer(view: FormView): TemplateResult {
  const { msg } = view;
  return html`<fieldset class="group" part="referrer">
    <legend>${msg.text('referrerLegend')}</legend>
    <div class="columns">
      ${text(view, 'referrer.name', msg.text('referrerName'), { required: true })}
      ${text(view, 'referrer.npi', msg.text('npi'), { required: true, inputMode: 'numeric', maxLength: 14, hint: msg.text('npiHint'), part: 'npi' })}
      ${text(view, 'referrer.practice', msg.text('practice'))}
      ${text(view, 'referrer.phone', msg.text('referrerPhone'), { required: true, type: 'tel', inputMode: 'tel', maxLength: 25 })}
      ${text(view, 'referrer.fax', msg.text('fax'), { type: 'tel', inputMode: 'tel', maxLength: 25 })}
      ${text(view, 'referrer.directAddress', msg.text('directAddress'), { type: 'email', inputMode: 'email', hint: msg.text('directAddressHint') })}
    </div>
  </fieldset>`;
}

function renderOrder(view: FormView): TemplateResult {
  const { msg, draft } = view;
  return html`<fieldset class="group" part="order">
    <legend>${msg.text('orderLegend')}</legend>
    ${renderChoiceGroup({
      key: 'order.discipline',
      legend: msg.text('discipline'),
      name: 'discipline',
      choices: DISCIPLINES.map((value) => ({ value, label: msg.text(`discipline_${value}`) })),
      value: draft.order.discipline,
      error: view.errorOf('order.discipline'),
      required: true,
      requiredText: view.requiredText,
      part: 'discipline',
      onChange: view.onDiscipline,
    })}
    <div class="columns">
      ${text(view, 'order.visitsPerWeek', msg.text('visitsPerWeek'), { type: 'number', inputMode: 'numeric', min: 1, max: 7 })}
      ${text(view, 'order.durationWeeks', msg.text('durationWeeks'), { type: 'number', inputMode: 'numeric', min: 1, max: 52 })}
    </div>
    ${text(view, 'order.precautions', msg.text('precautions'), { multiline: true, maxLength: 2000, hint: msg.text('precautionsHint') })}
  </fieldset>`;
}

function renderConsent(view: FormView): TemplateResult {
  const id = controlIdOf('consentToContact');
  const error = view.errorOf('consentToContact');
  return html`<div class="field consent" part="consent">
    <label class="choice">
      <input
        type="checkbox"
        id=${id}
        .checked=${view.draft.consentToContact}
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, false, Boolean(error)))}
        @change=${(event: Event) => view.onConsent((event.target as HTMLInputElement).checked)}
      />
      <span>${view.msg.text('consent')}<span class="required" aria-hidden="true"> *</span></span>
    </label>
    ${renderError(id, error)}
  </div>`;
}

export function renderForm(view: FormView): TemplateResult {
  const { msg } = view;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    view.onSubmit();
  };
  return html`<form class="form" part="form" novalidate @submit=${onSubmit} aria-labelledby="referral-title">
    <p class="hint">${msg.text('requiredNote')}</p>
    ${renderSummary(view)} ${renderPatient(view)} ${renderReferrer(view)}
    ${renderDiagnoses({ ...view.diagnoses, msg, rows: view.draft.diagnoses, requiredText: view.requiredText })} ${renderOrder(view)}
    ${renderAttachments({ ...view.attachments, msg })}
    ${renderChoiceGroup({
      key: 'urgency',
      legend: msg.text('urgencyLegend'),
      name: 'urgency',
      choices: [
        { value: 'routine' as const, label: msg.text('urgency_routine') },
        { value: 'urgent' as const, label: msg.text('urgency_urgent'), hint: msg.text('urgencyUrgentHint') },
      ],
      value: view.draft.urgency,
      error: undefined,
      requiredText: view.requiredText,
      part: 'urgency',
      onChange: view.onUrgency,
    })}
    ${renderConsent(view)}
    <div class="actions" part="actions">
      ${view.failureText ? html`<p class="notice error" part="submit-error" role="alert">${msg.text('sendFailed')} ${view.failureText}</p>` : nothing}
      <!-- aria-disabled, not disabled: a disabled button would throw keyboard focus out to the page while sending. -->
      <button type="submit" class="button primary" part="submit" aria-disabled=${view.submitting ? 'true' : 'false'} aria-busy=${view.submitting ? 'true' : 'false'}>
        ${view.submitting ? html`<span class="spinner small" aria-hidden="true"></span>${msg.text('sending')}` : view.failureText && view.retryable ? view.retryText : msg.text('send')}
      </button>
    </div>
  </form>`;
}
