/** The referral's files: a native file picker, then each file with its state, Remove and Try again. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { AttachmentEntry } from './referral-attachments.js';
import type { ReferralMessages } from './referral.messages.en.js';

export interface AttachmentsView {
  msg: LocalizeController<ReferralMessages>;
  entries: readonly AttachmentEntry[];
  overflow: boolean;
  /** A problem with the files as a whole, shown on Send (still uploading, one failed). */
  error: string | undefined;
  canAdd: boolean;
  onFiles(files: File[]): void;
  onRemove(localId: string): void;
  onRetry(localId: string): void;
}

function stateText(msg: LocalizeController<ReferralMessages>, entry: AttachmentEntry): string {
  if (entry.state === 'preparing') return msg.text('attachmentPreparing');
  if (entry.state === 'uploading') return msg.text('attachmentUploading');
  if (entry.state === 'uploaded') return msg.text('attachmentUploaded');
  if (entry.problem === 'upload') return msg.text('attachmentFailed', entry.failureText ?? '');
  return msg.text(`attachment_${entry.problem ?? 'type'}` as 'attachment_type');
}

export function renderAttachments(view: AttachmentsView): TemplateResult {
  const { msg } = view;
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    view.onFiles([...(input.files ?? [])]);
    // The same file chosen again (after removing it) must fire change again.
    input.value = '';
  };
  return html`<fieldset class="group" part="attachments">
    <legend>${msg.text('attachmentsLegend')} <span class="optional">${msg.text('optional')}</span></legend>
    <p class="hint" id="referral-attachments-hint">${msg.text('attachmentsHint')}</p>
    <div class="field">
      <label for="referral-attachments" class="file-label">${msg.text('chooseFiles')}</label>
      <input
        id="referral-attachments"
        type="file"
        part="file-input"
        multiple
        accept="application/pdf,image/*"
        ?disabled=${!view.canAdd}
        aria-describedby=${`referral-attachments-hint${view.error ? ' referral-attachments-error' : ''}`}
        @change=${onChange}
      />
    </div>
    ${view.error ? html`<p class="error-text" id="referral-attachments-error" part="field-error">${view.error}</p>` : nothing}
    ${view.overflow ? html`<p class="error-text" role="alert">${msg.text('attachmentsTooMany')}</p>` : nothing}
    ${view.entries.length
      ? html`<ul class="files" role="list" aria-live="polite">
          ${view.entries.map(
            (entry) => html`<li class="file" part="attachment" data-state=${entry.state}>
              <span class="file-name">${entry.fileName}</span>
              <span class=${entry.state === 'failed' ? 'error-text file-state' : 'file-state'}>${stateText(msg, entry)}</span>
              <span class="file-actions">
                ${entry.state === 'failed' && entry.problem === 'upload'
                  ? html`<button type="button" class="button link" @click=${() => view.onRetry(entry.localId)}>${msg.text('retryAttachment', entry.fileName)}</button>`
                  : nothing}
                <button type="button" class="button link" part="remove-attachment" @click=${() => view.onRemove(entry.localId)}>
                  ${msg.text('removeAttachment', entry.fileName)}
                </button>
              </span>
            </li>`,
          )}
        </ul>`
      : nothing}
  </fieldset>`;
}
