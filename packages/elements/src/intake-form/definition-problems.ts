/**
 * Shown instead of a blank form when the definition is invalid (loaded on demand: a valid form
 * never needs it): a sentence for the patient and, for the developer, every problem with its
 * item id and path.
 */
import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DefinitionProblem } from '@pxm/core/forms';
import { LocalizeController, type LocaleSource } from '../l10n/localize-controller.js';
import { definitionProblemsEn } from './definition-problems.messages.en.js';
import { definitionProblemsEs } from './definition-problems.messages.es.js';
import { heading } from './heading.js';

export const styles = css`
  .definition-problems code {
    padding: 0 0.25em;
    border-radius: 0.25em;
    background: var(--_color-surface);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }

  .definition-problems ul {
    padding-inline-start: 1.1rem;
  }

  .definition-problems li {
    margin-block: 0.35rem;
  }
`;

export class DefinitionProblems {
  private readonly l10n: LocalizeController<typeof definitionProblemsEn>;

  constructor(actions: { readonly host: ReactiveControllerHost & LocaleSource }) {
    this.l10n = new LocalizeController(actions.host, 'pxm-intake-form-problems', { en: definitionProblemsEn, es: definitionProblemsEs });
  }

  render(problems: readonly DefinitionProblem[], headingLevel: number): TemplateResult {
    return html`<div class="notice error definition-problems" part="definition-errors" role="alert">
      ${heading(headingLevel, this.l10n.text('title'), { className: 'problems-title' })}
      <p>${this.l10n.text('body')}</p>
      <details open>
        <summary>${this.l10n.text('details', problems.length)}</summary>
        <ul class="problems">
          ${problems.map(
            (problem) => html`<li data-code=${problem.code}>
              ${problem.itemId ? html`<code class="item-id">${problem.itemId}</code> ` : ''}<code class="path">${problem.path || '(root)'}</code>
              <span>${problem.message}</span>
            </li>`,
          )}
        </ul>
      </details>
    </div>`;
  }
}
