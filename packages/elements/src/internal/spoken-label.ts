import { html, type TemplateResult } from 'lit';

/**
 * A control's visible words, with a fuller name for screen readers ("0" is read as
 * "0, Not at all likely").
 *
 * Visible text followed by `<span class="visually-hidden">, more</span>` reads "0 , more": the
 * hidden span is absolutely positioned, so not inline, and browsers put a space around it when
 * they compute the name. So the whole name is one visually hidden span, and the visible words
 * are hidden from the accessibility tree. `spoken` should start with the visible words, so
 * that speech control users can say what they see.
 */
export function spokenLabel(visible: unknown, spoken: string): TemplateResult {
  return html`<span aria-hidden="true">${visible}</span><span class="visually-hidden">${spoken}</span>`;
}
