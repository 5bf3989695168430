/** Markup every field shares: paragraphs, the required mark, help, the error and ARIA links. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FormItem } from '@pxm/core/forms';
import { errorId, helpId, type FieldContext } from './field-context.js';

/** Text with blank lines becomes paragraphs; single line breaks are kept by CSS. */
export function paragraphs(text: string): TemplateResult[] {
  return text
    .split(/\n\s*\n/)
    .filter((part) => part.trim())
    .map((part) => html`<p>${part}</p>`);
}

export function describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
  const list = ids.filter(Boolean).join(' ');
  return list || nothing;
}

export function requiredMark(context: FieldContext, key: string): TemplateResult | typeof nothing {
  return context.engine.isRequired(key) ? html`<span class="required-mark" aria-hidden="true"></span>` : nothing;
}

export function renderHelp(item: FormItem, key: string): TemplateResult | typeof nothing {
  return item.help ? html`<div class="hint" id=${helpId(key)} part="help">${paragraphs(item.help)}</div>` : nothing;
}

export function renderError(context: FieldContext, key: string): TemplateResult | typeof nothing {
  const message = context.errorFor(key);
  return message ? html`<p class="error-text" id=${errorId(key)} part="error">${message}</p>` : nothing;
}

export const ariaInvalid = (context: FieldContext, key: string) => (context.errorFor(key) ? 'true' : 'false');

/** `aria-describedby` of a field: its help and its error, when shown. */
export const fieldDescription = (context: FieldContext, item: FormItem, key: string, ...more: Array<string | false | undefined>) =>
  describedBy(...more, item.help && helpId(key), context.errorFor(key) && errorId(key));
