/**
 * Shown instead of a blank form when the definition is invalid (loaded on demand: a valid form
 * never needs it): a sentence for the patient and, for the developer, every problem with its
 * item id and path.
 */
import { css, html, type TemplateResult } from 'lit';
import type { DefinitionProblem } from '@pxm/core/forms';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { PartActions } from './field-context.js';
import { definitionProblemsEn } from './definition-problems.messages.en.js';
import { definitionProblemsEs } from './definition-problems.messages.es.js';

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

  private readonly heading: PartActions['heading'];

  constructor(actions: Pick<PartActions, 'localize' | 'heading'>) {
    this.l10n = actions.localize('pxm-intake-form-problems', { en: definitionProblemsEn, es: definitionProblemsEs });
    this.heading = actions.heading;
  }

  render(problems: readonly DefinitionProblem[], headingLevel: number): TemplateResult {
    return html`<div class="notice error definition-problems" part="definition-errors" role="alert">
      ${this.heading(headingLevel, this.l10n.text('title'), { className: 'problems-title' })}
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
