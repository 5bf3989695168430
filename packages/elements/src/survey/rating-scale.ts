/**
 * NPS (0-10) and CSAT (1-5) as one APG radio group: a single Tab stop on the chosen option (or
 * the first), arrow keys move and choose, Home/End jump to the ends. The options follow the
 * reading direction, and so do Left/Right: in right-to-left text Left moves toward the high end.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { spokenLabel } from '../internal/spoken-label.js';

export interface ScaleChoice {
  value: number;
  /** What the option shows: the number for NPS, the label for CSAT. */
  text: string;
  /** Words for the ends ("Not at all likely"), read with the option. */
  detail?: string | undefined;
}

export interface ScaleView {
  kind: 'nps' | 'csat';
  choices: ScaleChoice[];
  value: number | undefined;
  labelledBy: string;
  describedBy: string | typeof nothing;
  required: boolean;
  invalid: boolean;
  onPick(value: number): void;
  onKey(event: KeyboardEvent): void;
}

/** Where a key moves from option `index` of `count`, or undefined for keys the group ignores. */
export function scaleKeyTarget(key: string, index: number, count: number, rtl: boolean): number | undefined {
  const step = (delta: number) => (index + delta + count) % count;
  switch (key) {
    case 'ArrowDown':
      return step(1);
    case 'ArrowUp':
      return step(-1);
    case 'ArrowRight':
      return step(rtl ? -1 : 1);
    case 'ArrowLeft':
      return step(rtl ? 1 : -1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export function renderScale(view: ScaleView): TemplateResult {
  const chosen = view.choices.findIndex((choice) => choice.value === view.value);
  const tabStop = chosen === -1 ? 0 : chosen;
  const first = view.choices[0];
  const last = view.choices[view.choices.length - 1];
  return html`<div
      class="scale ${view.kind}"
      part="scale"
      role="radiogroup"
      aria-labelledby=${view.labelledBy}
      aria-describedby=${view.describedBy}
      aria-required=${view.required ? 'true' : 'false'}
      aria-invalid=${view.invalid ? 'true' : 'false'}
      @keydown=${view.onKey}
    >
      ${view.choices.map(
        (choice, index) => html`<button
          type="button"
          role="radio"
          class="option"
          part="scale-option"
          data-index=${index}
          aria-checked=${index === chosen ? 'true' : 'false'}
          tabindex=${index === tabStop ? 0 : -1}
          @click=${() => view.onPick(choice.value)}
        >
          ${choice.detail ? spokenLabel(choice.text, `${choice.text}, ${choice.detail}`) : html`<span>${choice.text}</span>`}
        </button>`,
      )}
    </div>
    ${view.kind === 'nps' && first && last
      ? html`<div class="ends" part="scale-ends" aria-hidden="true">
          <span>${first.text} – ${first.detail}</span><span>${last.text} – ${last.detail}</span>
        </div>`
      : nothing}`;
}
