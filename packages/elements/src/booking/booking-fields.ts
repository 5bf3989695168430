/** Labelled inputs bound to the draft: errors are tied to their field and announced with it. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DraftField } from './booking-state.js';
import type { BookingView } from './booking-view.js';

export interface FieldOptions {
  type?: 'text' | 'email' | 'tel' | 'date';
  /** An autofill token; `off` for fields a browser must not fill (member ids). */
  autocomplete: string;
  optional?: boolean;
  hint?: string;
  inputmode?: string;
  max?: string;
  multiline?: boolean;
  /** Member and group ids: no spellcheck, no capitalisation changes. */
  code?: boolean;
  /** A date typed from memory (a birth date): no calendar button, which would be a second tab stop. */
  birthDate?: boolean;
}

/** " (optional)" after a label: a field the patient may leave empty. */
export function optionalMark(view: BookingView): TemplateResult {
  return html` <span class="hint">(${view.common.text('optional')})</span>`;
}

export function errorText(view: BookingView, field: DraftField): string | undefined {
  const key = view.state.errors[field];
  return key ? view.messages.text(key as 'errRequired') : undefined;
}

export function textField(view: BookingView, name: DraftField, label: string, fieldOptions: FieldOptions): TemplateResult {
  const error = errorText(view, name);
  const describedBy = [fieldOptions.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const value = String(view.state.draft[name]);
  const onInput = (event: Event) => view.actions.draft({ [name]: (event.target as HTMLInputElement).value });
  return html`<div class="field" part="field">
    <label for=${name}>${label}${fieldOptions.optional ? optionalMark(view) : nothing}</label>
    ${fieldOptions.hint ? html`<span class="hint" id=${`${name}-hint`}>${fieldOptions.hint}</span>` : nothing}
    ${fieldOptions.multiline
      ? html`<textarea id=${name} name=${name} rows="3" maxlength="2000" autocomplete=${fieldOptions.autocomplete} aria-describedby=${describedBy || nothing} aria-invalid=${error ? 'true' : 'false'} .value=${live(value)} @input=${onInput}></textarea>`
      : html`<input
          id=${name}
          name=${name}
          type=${fieldOptions.type ?? 'text'}
          class=${fieldOptions.birthDate ? 'birth-date' : nothing}
          autocomplete=${fieldOptions.autocomplete}
          inputmode=${fieldOptions.inputmode ?? nothing}
          max=${fieldOptions.max ?? nothing}
          spellcheck=${fieldOptions.code ? 'false' : nothing}
          autocapitalize=${fieldOptions.code ? 'characters' : nothing}
          ?required=${!fieldOptions.optional}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(value)}
          @input=${onInput}
        />`}
    ${error ? html`<span class="error-text" id=${`${name}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** A native select bound to a draft field (no autofill: what it asks is not the patient's contact data). */
export function selectField(view: BookingView, name: DraftField, label: TemplateResult | string, options: Array<{ value: string; label: string }>): TemplateResult {
  const value = view.state.draft[name];
  return html`<div class="field">
    <label for=${name}>${label}</label>
    <select id=${name} name=${name} autocomplete="off" @change=${(event: Event) => view.actions.draft({ [name]: (event.target as HTMLSelectElement).value })}>
      ${options.map((option) => html`<option value=${option.value} ?selected=${value === option.value}>${option.label}</option>`)}
    </select>
  </div>`;
}

/** A group of native radio buttons (arrow keys move between them) bound to a draft field. */
export function radioGroup(
  view: BookingView,
  name: DraftField,
  legend: string,
  options: Array<{ value: string; label: string; hint?: string }>,
): TemplateResult {
  const error = errorText(view, name);
  return html`<fieldset class="choices" id=${name} aria-describedby=${error ? `${name}-error` : nothing}>
    <legend>${legend}</legend>
    ${options.map(
      (option) => html`<label class="choice">
        <input
          type="radio"
          name=${name}
          value=${option.value}
          .checked=${live(view.state.draft[name] === option.value)}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${() => view.actions.draft({ [name]: option.value })}
        />
        <span class="choice-text">${option.label}${option.hint ? html`<span class="hint">${option.hint}</span>` : nothing}</span>
      </label>`,
    )}
    ${error ? html`<span class="error-text" id=${`${name}-error`}>${error}</span>` : nothing}
  </fieldset>`;
}
