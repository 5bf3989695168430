/** Single and multiple choice as native radio buttons and checkboxes in a fieldset. */
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy } from './text-field.js';

export interface ChoiceView {
  id: string;
  multiple: boolean;
  legend: TemplateResult;
  help?: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
  selected: readonly string[];
  error?: string | undefined;
  onChange(selected: string[]): void;
}

export function renderChoice(view: ChoiceView): TemplateResult {
  const toggle = (value: string, checked: boolean) => {
    if (!view.multiple) return view.onChange([value]);
    const next = view.options.map((o) => o.value).filter((v) => (v === value ? checked : view.selected.includes(v)));
    view.onChange(next);
  };
  return html`<fieldset class="choices" aria-describedby=${describedBy(view.help && `${view.id}-help`, view.error && `${view.id}-error`)}>
    <legend class="prompt" part="prompt">${view.legend}</legend>
    ${view.help ? html`<p class="hint" id="${view.id}-help">${view.help}</p>` : nothing}
    ${view.options.map(
      (option) => html`<label class="choice" part="choice">
        <input
          type=${view.multiple ? 'checkbox' : 'radio'}
          name=${view.id}
          .value=${option.value}
          .checked=${view.selected.includes(option.value)}
          aria-invalid=${view.error ? 'true' : 'false'}
          @change=${(event: Event) => toggle(option.value, (event.target as HTMLInputElement).checked)}
        />
        <span>${option.label}</span>
      </label>`,
    )}
    ${view.error ? html`<p class="error-text" id="${view.id}-error">${view.error}</p>` : nothing}
  </fieldset>`;
}
