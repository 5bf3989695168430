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

export function errorText(v: BookingView, field: DraftField): string | undefined {
  const key = v.state.errors[field];
  return key ? v.messages.t(key as 'errRequired') : undefined;
}

export function textField(v: BookingView, name: DraftField, label: string, o: FieldOptions): TemplateResult {
  const error = errorText(v, name);
  const describedBy = [o.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const value = String(v.state.draft[name]);
  const onInput = (event: Event) => v.actions.draft({ [name]: (event.target as HTMLInputElement).value });
  return html`<div class="field" part="field">
    <label for=${name}>${label}${o.optional ? html` <span class="hint">(${v.common.t('optional')})</span>` : nothing}</label>
    ${o.hint ? html`<span class="hint" id=${`${name}-hint`}>${o.hint}</span>` : nothing}
    ${o.multiline
      ? html`<textarea id=${name} name=${name} rows="3" maxlength="2000" autocomplete=${o.autocomplete} aria-describedby=${describedBy || nothing} aria-invalid=${error ? 'true' : 'false'} .value=${live(value)} @input=${onInput}></textarea>`
      : html`<input
          id=${name}
          name=${name}
          type=${o.type ?? 'text'}
          class=${o.birthDate ? 'birth-date' : nothing}
          autocomplete=${o.autocomplete}
          inputmode=${o.inputmode ?? nothing}
          max=${o.max ?? nothing}
          spellcheck=${o.code ? 'false' : nothing}
          autocapitalize=${o.code ? 'characters' : nothing}
          ?required=${!o.optional}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${live(value)}
          @input=${onInput}
        />`}
    ${error ? html`<span class="error-text" id=${`${name}-error`}>${error}</span>` : nothing}
  </div>`;
}

/** A group of native radio buttons (arrow keys move between them) bound to a draft field. */
export function radioGroup(
  v: BookingView,
  name: DraftField,
  legend: string,
  options: Array<{ value: string; label: string; hint?: string }>,
): TemplateResult {
  const error = errorText(v, name);
  return html`<fieldset class="choices" id=${name} aria-describedby=${error ? `${name}-error` : nothing}>
    <legend>${legend}</legend>
    ${options.map(
      (option) => html`<label class="choice">
        <input
          type="radio"
          name=${name}
          value=${option.value}
          .checked=${live(v.state.draft[name] === option.value)}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${() => v.actions.draft({ [name]: option.value })}
        />
        <span class="choice-text">${option.label}${option.hint ? html`<span class="hint">${option.hint}</span>` : nothing}</span>
      </label>`,
    )}
    ${error ? html`<span class="error-text" id=${`${name}-error`}>${error}</span>` : nothing}
  </fieldset>`;
}
