/** The one-button rows that end many steps ("Book a new visit", "Choose another time", "Back"). */
import { html, type TemplateResult } from 'lit';

/** A row with one button; `variant` is `primary` or `link` for those looks. */
export function buttonRow(label: string, onClick: () => void, variant?: 'primary' | 'link'): TemplateResult {
  return html`<div class="actions start"><button type="button" class=${variant ? `button ${variant}` : 'button'} @click=${onClick}>${label}</button></div>`;
}
