import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { AdapterError } from '@pxm/core';
import { referralReplySchemas } from '@pxm/core/referral';
import { MAX_REFERRAL_ATTACHMENTS, normalizeIcd10Code, type ReferralReceipt } from '@pxm/core/referral';
import { PxmElement } from '../base/pxm-element.js';
import { AdapterCalls } from '../controllers/adapter-calls.js';
import { LanguageLoader } from '../controllers/language-loader.js';
import { LazyPart, type PartModule } from '../controllers/lazy-part.js';
import type { shrinkImage } from '../intake-form/shrink-image.js';
import { RemovalWatch } from '../controllers/removal-watch.js';
import { renderFailure } from '../internal/states.js';
import { LocalizeController } from '../l10n/localize-controller.js';
import { controlStyles } from '../styles/controls.styles.js';
import { hostStyles } from '../styles/host.styles.js';
import { renderConfirmation } from './confirmation-view.js';
import { renderForm, type SummaryIssue } from './form-view.js';
import { ReferralAttachments } from './referral-attachments.js';
import { emptyDraft, newDiagnosisRow, referralInputOf, withText, type FieldKey, type ReferralDraft } from './referral-draft.js';
import { issueKeys, labelOf } from './referral-labels.js';
import { ReferralSubmission } from './referral-submission.js';
import { controlIdOf, draftProblems, type FieldProblem } from './referral-validation.js';
import { PxmReferralSubmittedEvent } from './referral.events.js';
import { referralEn } from './referral.messages.en.js';
import { referralStyles } from './referral.styles.js';

/** The intake's photo shrinking (imported, never copied), fetched only when a photo is attached. */
interface ShrinkPart extends PartModule {
  shrinkImage: typeof shrinkImage;
}
const importShrinkImage = (): Promise<ShrinkPart> => import('../intake-form/shrink-image.js');

/** Sending and uploading may take longer than a read. */
const SUBMIT_TIMEOUT_MS = 45_000;
const UPLOAD_TIMEOUT_MS = 90_000;

/**
 * A referral from a physician's office, filled on the practice's website without an account: the
 * patient, the referring clinician (the NPI's check digit verified as it is typed), ICD-10-CM
 * diagnosis codes, the order (therapy, frequency, duration, precautions), the signed order as a
 * PDF or photos (shrunk and stripped of their hidden details on the device), urgency, and the
 * patient's consent to be contacted. Sent once however often Send is pressed; a failure keeps
 * everything typed. The answer is a reference the office can quote.
 *
 * @summary A referral form for physicians' offices, answered with a quotable reference.
 * @tag pxm-referral
 *
 * @slot header - Above the form's title: a practice's logo or an introduction.
 * @csspart base - The wrapper of every state.
 * @csspart title - The form's title.
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown on Send.
 * @csspart patient - The patient's fields.
 * @csspart referrer - The referring clinician's fields.
 * @csspart npi - The NPI field.
 * @csspart diagnoses - The diagnosis codes.
 * @csspart diagnosis - One diagnosis code's field.
 * @csspart add-diagnosis - The "Add a diagnosis code" button.
 * @csspart remove-diagnosis - A diagnosis code's Remove button.
 * @csspart order - The order: therapy, frequency, duration, precautions.
 * @csspart discipline - The therapy choices.
 * @csspart attachments - The files section.
 * @csspart file-input - The file picker.
 * @csspart attachment - One file with its state.
 * @csspart remove-attachment - A file's Remove button.
 * @csspart urgency - The urgency choices.
 * @csspart consent - The consent to contact the patient.
 * @csspart field - Each field's wrapper.
 * @csspart field-error - A field's message.
 * @csspart actions - The Send button and its failure.
 * @csspart submit - The Send button.
 * @csspart submit-error - Why the referral was not sent.
 * @csspart confirmation - The confirmation after sending.
 * @csspart reference - The quotable reference.
 * @csspart another - The "Refer another patient" button.
 * @csspart error - The no-backend state.
 *
 * @cssproperty --pxm-referral-reference-size - Font size of the reference on the confirmation (default 1.5em).
 *
 * @event pxm-referral-submitted - The referral was received: `{ reference, receivedAt, attachmentCount }`.
 * @event pxm-error - An adapter call failed: `{ code, operation }`.
 */
export class PxmReferral extends PxmElement {
  static override properties: PropertyDeclarations = {
    ...PxmElement.properties,
    draft: { state: true },
    shownErrors: { state: true },
    rejected: { state: true },
    summaryShown: { state: true },
    announcement: { state: true },
  };

  static override styles = [hostStyles, controlStyles, referralStyles];

  /** What the office has typed. */
  private declare draft: ReferralDraft;
  /** Fields whose problems are shown (left once, or everything after Send). */
  private declare shownErrors: ReadonlySet<FieldKey>;
  /** Fields the backend refused on the last Send. */
  private declare rejected: ReadonlySet<FieldKey>;
  private declare summaryShown: boolean;
  private declare announcement: string;

  private readonly msg = new LocalizeController(this, 'referral', { en: referralEn });
  private readonly languages = new LanguageLoader(this, 'referral', { es: () => import('./referral.messages.es.js').then((module) => module.referralEs) });
  private readonly calls = new AdapterCalls(this, 'referral', referralReplySchemas, (error, operation) => this.reportError(error, operation));
  private readonly shrinkPart = new LazyPart(this, importShrinkImage);
  private readonly attachments = new ReferralAttachments(this, {
    prepareImage: async (file) => (await (await this.shrinkPart.load()).shrinkImage(file)).blob,
    upload: (file) => this.calls.run('uploadReferralAttachment', (api, signal) => api.uploadReferralAttachment(file, { signal }), { timeout: UPLOAD_TIMEOUT_MS }),
    failureText: (error) => this.errorMessage(AdapterError.is(error) ? error : undefined),
  });
  private readonly submission = new ReferralSubmission(
    this,
    (input) => this.calls.run('submitReferral', (api, signal) => api.submitReferral(input, { signal }), { timeout: SUBMIT_TIMEOUT_MS }),
    (error) => (AdapterError.is(error) ? error : undefined),
  );

  constructor() {
    super();
    this.draft = emptyDraft();
    this.shownErrors = new Set();
    this.rejected = new Set();
    this.summaryShown = false;
    this.announcement = '';
    // A move keeps everything; a real removal cancels uploads and a send in flight.
    new RemovalWatch(this, () => this.calls.abortAll());
  }

  /** Resolves once the texts are in the office's language too (Spanish arrives on demand). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const first = await super.getUpdateComplete();
    await this.languages.ready;
    return (await super.getUpdateComplete()) && first;
  }

  /** The receipt of the referral sent, once it is. */
  get receipt(): ReferralReceipt | undefined {
    return this.submission.receipt;
  }

  // ---- Editing ---------------------------------------------------------------------------

  private edit(draft: ReferralDraft, changed: FieldKey): void {
    this.draft = draft;
    if (this.rejected.has(changed)) this.rejected = new Set([...this.rejected].filter((key) => key !== changed));
  }

  private showError(key: FieldKey): void {
    // A focused field removed by the confirmation blurs while the element renders: nothing to show then.
    if (this.submission.receipt) return;
    if (!this.shownErrors.has(key)) this.shownErrors = new Set(this.shownErrors).add(key);
  }

  private setDiagnosis(rowId: string, code: string): void {
    this.edit({ ...this.draft, diagnoses: this.draft.diagnoses.map((row) => (row.rowId === rowId ? { ...row, code } : row)) }, `diagnoses.${rowId}`);
  }

  /** Leaving a code puts it in its written form (`m1711` becomes `M17.11`), then checks it; not a code, it stays as typed. */
  private leaveDiagnosis(rowId: string): void {
    const row = this.draft.diagnoses.find((candidate) => candidate.rowId === rowId);
    if (row?.code.trim()) this.setDiagnosis(rowId, normalizeIcd10Code(row.code));
    this.showError(`diagnoses.${rowId}`);
  }

  private addDiagnosis(): void {
    const row = newDiagnosisRow();
    this.draft = { ...this.draft, diagnoses: [...this.draft.diagnoses, row] };
    this.focusAfterRender(`#${controlIdOf(`diagnoses.${row.rowId}`)}`);
  }

  private removeDiagnosis(rowId: string): void {
    const index = this.draft.diagnoses.findIndex((row) => row.rowId === rowId);
    const diagnoses = this.draft.diagnoses.filter((row) => row.rowId !== rowId);
    this.draft = { ...this.draft, diagnoses };
    // Focus stays in the list: on the row before (or the new first row).
    const next = diagnoses[Math.max(0, index - 1)];
    if (next) this.focusAfterRender(`#${controlIdOf(`diagnoses.${next.rowId}`)}`);
  }

  // ---- Messages --------------------------------------------------------------------------

  private problems(): Map<FieldKey, FieldProblem> {
    const problems = draftProblems(this.draft);
    if (this.attachments.busy) problems.set('attachments', 'attachments_busy');
    else if (this.attachments.failed) problems.set('attachments', 'attachments_failed');
    return problems;
  }

  private messageOf(problem: FieldProblem): string {
    return this.msg.text(`p_${problem}`);
  }

  private errorOf(key: FieldKey, problems: Map<FieldKey, FieldProblem>): string | undefined {
    const problem = this.shownErrors.has(key) ? problems.get(key) : undefined;
    if (problem) return this.messageOf(problem);
    return this.rejected.has(key) ? this.msg.text('p_rejected') : undefined;
  }

  // ---- Sending ---------------------------------------------------------------------------

  private async send(): Promise<void> {
    if (this.submission.submitting) return;
    const problems = this.problems();
    if (problems.size > 0) {
      this.shownErrors = new Set([...this.shownErrors, ...problems.keys()]);
      this.summaryShown = true;
      this.focusAfterRender(`#${controlIdOf([...problems.keys()][0]!)}`);
      return;
    }
    this.summaryShown = false;
    const attachmentIds = this.attachments.uploadedIds;
    const receipt = await this.submission.submit((key) => referralInputOf(this.draft, attachmentIds, key));
    if (receipt) {
      this.dispatchEvent(new PxmReferralSubmittedEvent({ reference: receipt.reference, receivedAt: receipt.receivedAt, attachmentCount: attachmentIds.length }));
      this.announce(this.msg.text('sentTitle'));
      this.focusAfterRender('#referral-sent-title');
      return;
    }
    const failure = this.submission.failure;
    if (failure?.code === 'validation') this.rejected = new Set(issueKeys(failure.issues ?? [], this.draft));
  }

  private another(): void {
    this.draft = emptyDraft();
    this.shownErrors = new Set();
    this.rejected = new Set();
    this.attachments.reset();
    this.submission.reset();
    this.focusAfterRender('#referral-title');
  }

  // ---- Helpers ---------------------------------------------------------------------------

  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  private announce(message: string): void {
    this.announcement = '';
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcement = message), 50);
  }

  private focusAfterRender(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  // ---- Rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div class="base surface" part="base" lang=${this.resolvedLocale}>
      <slot name="header"></slot>
      ${this.resolvedAdapter ? this.renderContent() : renderFailure({ message: this.common.text('noAdapter') })}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderContent(): TemplateResult {
    const { msg } = this;
    const receipt = this.submission.receipt;
    if (receipt) return renderConfirmation({ msg, receipt, timeZone: this.resolvedTimeZone, onAnother: () => this.another() });
    const problems = this.problems();
    const errorOf = (key: FieldKey) => this.errorOf(key, problems);
    const summary: SummaryIssue[] = this.summaryShown
      ? [...problems].map(([key, problem]) => ({ key, label: labelOf(msg, key, this.draft), message: this.messageOf(problem) }))
      : [];
    const failure = this.submission.failure;
    return html`<h2 id="referral-title" part="title" tabindex="-1">${msg.text('title')}</h2>
      <p class="intro">${msg.text('intro')}</p>
      ${renderForm({
        msg,
        locale: this.resolvedLocale,
        draft: this.draft,
        requiredText: msg.text('required'),
        errorOf,
        onText: (key, value) => this.edit(withText(this.draft, key, value), key),
        onBlur: (key) => this.showError(key),
        onDiscipline: (discipline) => this.edit({ ...this.draft, order: { ...this.draft.order, discipline } }, 'order.discipline'),
        onUrgency: (urgency) => this.edit({ ...this.draft, urgency }, 'urgency'),
        onConsent: (consentToContact) => this.edit({ ...this.draft, consentToContact }, 'consentToContact'),
        diagnoses: {
          errorOf: (rowId) => errorOf(`diagnoses.${rowId}`),
          onCode: (rowId, code) => this.setDiagnosis(rowId, code),
          onBlur: (rowId) => this.leaveDiagnosis(rowId),
          onAdd: () => this.addDiagnosis(),
          onRemove: (rowId) => this.removeDiagnosis(rowId),
        },
        attachments: {
          entries: this.attachments.entries,
          overflow: this.attachments.overflow,
          error: errorOf('attachments'),
          canAdd: this.attachments.entries.length < MAX_REFERRAL_ATTACHMENTS,
          onFiles: (files) => this.attachments.add(files),
          onRemove: (localId) => this.attachments.remove(localId),
          onRetry: (localId) => this.attachments.retry(localId),
        },
        summary,
        onSummaryLink: (key) => this.renderRoot.querySelector<HTMLElement>(`#${controlIdOf(key)}`)?.focus(),
        submitting: this.submission.submitting,
        failureText: failure ? this.errorMessage(failure) : undefined,
        retryable: failure?.retryable ?? false,
        retryText: this.common.text('retry'),
        onSubmit: () => void this.send(),
      })}
      ${this.shrinkPart.state === 'failed' ? html`<p class="error-text" role="alert">${msg.text('attachment_unreadable')}</p>` : nothing}`;
  }
}
