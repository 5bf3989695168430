/** The diagnosis codes: one row per code, rows added and removed by buttons, each code checked for shape. */
import { html, nothing, type TemplateResult } from 'lit';
import { MAX_REFERRAL_DIAGNOSES } from '@pxm/core/referral';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { DiagnosisRow } from './referral-draft.js';
import { renderTextField } from './referral-fields.js';
import type { ReferralMessages } from './referral.messages.en.js';

export interface DiagnosesView {
  msg: LocalizeController<ReferralMessages>;
  rows: readonly DiagnosisRow[];
  errorOf(rowId: string): string | undefined;
  requiredText: string;
  onCode(rowId: string, code: string): void;
  onBlur(rowId: string): void;
  onAdd(): void;
  onRemove(rowId: string): void;
}

export function renderDiagnoses(view: DiagnosesView): TemplateResult {
  const { msg, rows } = view;
  return html`<fieldset class="group" part="diagnoses" aria-describedby="referral-diagnoses-hint">
    <legend>${msg.text('diagnosesLegend')}</legend>
    <p class="hint" id="referral-diagnoses-hint">${msg.text('diagnosesHint')}</p>
    <ul class="rows" role="list">
      ${rows.map(
        (row, index) => html`<li class="row" data-row=${row.rowId}>
          ${renderTextField({
            key: `diagnoses.${row.rowId}`,
            label: msg.text('diagnosisLabel', index + 1),
            value: row.code,
            error: view.errorOf(row.rowId),
            required: index === 0,
            requiredText: view.requiredText,
            maxLength: 12,
            part: 'diagnosis',
            onInput: (code) => view.onCode(row.rowId, code),
            onBlur: () => view.onBlur(row.rowId),
          })}
          ${rows.length > 1
            ? html`<button type="button" class="button link remove" part="remove-diagnosis" @click=${() => view.onRemove(row.rowId)}>
                ${msg.text('removeDiagnosis', index + 1)}
              </button>`
            : nothing}
        </li>`,
      )}
    </ul>
    ${rows.length < MAX_REFERRAL_DIAGNOSES
      ? html`<button type="button" class="button" part="add-diagnosis" id="referral-add-diagnosis" @click=${view.onAdd}>${msg.text('addDiagnosis')}</button>`
      : nothing}
  </fieldset>`;
}
