/**
 * A free-text answer with a character limit and a live counter. Typing past the limit is allowed
 * (a paste is never cut short) and shown as "n characters too many"; the count goes to screen
 * readers through the element's polite live region once the patient pauses.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { characterCount } from '@pxm/core/survey';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { SurveyMessages } from './survey.messages.en.js';

/** `aria-describedby` from the ids that apply, or nothing when none does. */
export const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ') || nothing;

/** "1,234 characters left" or "12 characters too many", in the patient's language. */
export function counterText(msg: LocalizeController<SurveyMessages>, limit: number, value: string): string {
  const left = limit - characterCount(value);
  return left >= 0 ? msg.text('charactersLeft', left, msg.number(left)) : msg.text('charactersOver', -left, msg.number(-left));
}

export interface TextFieldView {
  id: string;
  label: TemplateResult | string;
  help?: string | undefined;
  value: string;
  /** Characters used, as people count them. */
  used: number;
  limit: number;
  /** The counter sentence, already localized. */
  counter: string;
  required: boolean;
  error?: string | undefined;
  onInput(value: string): void;
  onBlur(): void;
}

export function renderTextField(view: TextFieldView): TemplateResult {
  const over = view.used > view.limit;
  return html`<label class="prompt" for=${view.id} part="prompt">${view.label}</label>
    ${view.help ? html`<p class="hint" id="${view.id}-help">${view.help}</p>` : nothing}
    <textarea
      id=${view.id}
      part="textarea"
      rows="4"
      .value=${view.value}
      ?required=${view.required}
      aria-describedby=${describedBy(view.help && `${view.id}-help`, `${view.id}-count`, view.error && `${view.id}-error`)}
      aria-invalid=${view.error || over ? 'true' : 'false'}
      @input=${(event: InputEvent) => view.onInput((event.target as HTMLTextAreaElement).value)}
      @blur=${view.onBlur}
    ></textarea>
    <p class="counter hint ${over ? 'over' : ''}" id="${view.id}-count" part="counter">${view.counter}</p>
    ${view.error ? html`<p class="error-text" id="${view.id}-error">${view.error}</p>` : nothing}`;
}
