/**
 * One field of the referral form: a native control with its label, its hint and its message tied
 * to it (`aria-describedby`, `aria-invalid`), so a screen reader reads the problem with the field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { controlIdOf } from './referral-validation.js';
import type { FieldKey } from './referral-draft.js';

export interface TextFieldOptions {
  key: FieldKey;
  label: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  requiredText: string;
  hint?: string;
  type?: 'text' | 'tel' | 'date' | 'email' | 'number';
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  maxLength?: number;
  min?: number;
  max?: number;
  /** Part names beyond `field`. */
  part?: string;
  multiline?: boolean;
  onInput(value: string): void;
  onBlur(): void;
}

/** The ids a control is described by: its hint, then its message. */
export function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function renderLabelText(label: string, required: boolean | undefined, requiredText: string): TemplateResult {
  return html`${label}${required ? html`<span class="required" aria-hidden="true"> *</span><span class="visually-hidden"> ${requiredText}</span>` : nothing}`;
}

export function renderError(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="error-text" id=${`${id}-error`} part="field-error">${error}</p>` : nothing;
}

export function renderTextField(options: TextFieldOptions): TemplateResult {
  const id = controlIdOf(options.key);
  const described = describedBy(id, Boolean(options.hint), Boolean(options.error));
  const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement).value);
  const control = options.multiline
    ? html`<textarea
        id=${id}
        rows="3"
        maxlength=${ifDefined(options.maxLength)}
        .value=${live(options.value)}
        aria-required=${options.required ? 'true' : 'false'}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
        @blur=${options.onBlur}
      ></textarea>`
    : html`<input
        id=${id}
        type=${options.type ?? 'text'}
        autocomplete="off"
        inputmode=${ifDefined(options.inputMode)}
        maxlength=${ifDefined(options.type === 'number' || options.type === 'date' ? undefined : (options.maxLength ?? 500))}
        min=${ifDefined(options.min)}
        max=${ifDefined(options.max)}
        .value=${live(options.value)}
        aria-required=${options.required ? 'true' : 'false'}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
        @input=${onInput}
        @blur=${options.onBlur}
      />`;
  return html`<div class="field" part=${`field ${options.part ?? ''}`.trim()}>
    <label for=${id}>${renderLabelText(options.label, options.required, options.requiredText)}</label>
    ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
    ${control} ${renderError(id, options.error)}
  </div>`;
}

/** A radio group: native radios in a fieldset, arrow keys move between them as browsers do. */
export function renderChoiceGroup<V extends string>(options: {
  key: FieldKey;
  legend: string;
  name: string;
  choices: readonly { value: V; label: string; hint?: string }[];
  value: V | '';
  error: string | undefined;
  required?: boolean;
  requiredText: string;
  part: string;
  onChange(value: V): void;
}): TemplateResult {
  const id = controlIdOf(options.key);
  return html`<fieldset class="choices" part=${options.part} aria-describedby=${ifDefined(options.error ? `${id}-error` : undefined)}>
    <legend>${renderLabelText(options.legend, options.required, options.requiredText)}</legend>
    ${options.choices.map(
      (choice, index) => html`<label class="choice">
        <input
          type="radio"
          id=${ifDefined(index === 0 ? id : undefined)}
          name=${options.name}
          value=${choice.value}
          .checked=${live(options.value === choice.value)}
          @change=${() => options.onChange(choice.value)}
        />
        <span>${choice.label}${choice.hint ? html`<span class="hint choice-hint">${choice.hint}</span>` : nothing}</span>
      </label>`,
    )}
    ${renderError(id, options.error)}
  </fieldset>`;
}
