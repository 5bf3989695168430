/**
 * The review page and the outcome-measure scores, loaded on demand: every shown page with its
 * answers and a way back to it; each score with its change from the first score on record and
 * whether that change reaches the instrument's commonly cited MCID.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type {
  childScope,
  itemKey,
  AnswerValue,
  Answers,
  FormDefinition,
  FormEngine,
  FormItem,
  FormPage,
  PromScore,
  ScopeKey,
} from '@pxm/core/forms';
import type { compareWithBaseline, scoreForm } from '@pxm/core/prom';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { PartActions } from './field-context.js';
import { reviewEn } from './review.messages.en.js';
import { reviewEs } from './review.messages.es.js';

export { reviewStyles as styles } from './review.styles.js';

export interface ScoreLine {
  instrument: string;
  score: number | null;
  /** Items answered; a measure nobody answered is not shown. */
  answered: number;
}

/** What the review page reads: the answers, how to show a time, and the level of its page headings. */
export interface ReviewView {
  readonly engine: FormEngine;
  readonly headingLevel: number;
  formatInstant(instant: string): string;
}

/**
 * The core's rules the review page uses, handed over by the element, which has them loaded:
 * importing them here would make a bundler split the form engine and the schemas into chunks of
 * their own, shared by the element and this part.
 */
export interface ReviewRules {
  readonly itemKey: typeof itemKey;
  readonly childScope: typeof childScope;
  readonly scoreForm: typeof scoreForm;
  readonly compareWithBaseline: typeof compareWithBaseline;
}

export class Review {
  readonly l10n: LocalizeController<typeof reviewEn>;

  private readonly heading: PartActions['heading'];

  constructor(
    actions: Pick<PartActions, 'localize' | 'heading'>,
    private readonly rules: ReviewRules,
  ) {
    this.l10n = actions.localize('pxm-intake-form-review', { en: reviewEn, es: reviewEs });
    this.heading = actions.heading;
  }

  /** An answer as text; undefined when unanswered. */
  formatAnswer(item: FormItem, value: AnswerValue | undefined, formatInstant: (instant: string) => string): string | undefined {
    const { l10n } = this;
    if (value === undefined || value === null || value === '') return undefined;
    const record = typeof value === 'object' && !Array.isArray(value) ? value : undefined;
    switch (item.type) {
      case 'yes-no':
        return typeof value === 'boolean' ? l10n.text(value ? 'yes' : 'no') : undefined;
      case 'number':
        return typeof value === 'number' ? `${l10n.number(value)}${item.unit ? ` ${item.unit}` : ''}` : undefined;
      case 'scale':
        return typeof value === 'number' ? l10n.text('of', l10n.number(value), l10n.number(item.max)) : undefined;
      case 'date':
        return typeof value === 'string' ? l10n.date(value, { dateStyle: 'long' }) : undefined;
      case 'single-choice':
        return item.options.find((option) => option.value === value)?.label;
      case 'multiple-choice':
        return Array.isArray(value) && value.length > 0 ? l10n.list(value.map((selected) => item.options.find((option) => option.value === selected)?.label ?? String(selected))) : undefined;
      case 'address': {
        if (!record || !('line1' in record)) return undefined;
        const locality = [record.city, [record.region, record.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
        return [record.line1, record.line2, locality].filter((part) => part && part.trim()).join(', ');
      }
      case 'insurance-card': {
        const sides = (['front', 'back'] as const).filter((side) => record && side in record);
        return sides.length > 0 ? l10n.list(sides.map((side) => l10n.text('photoOnFile', l10n.text(side)))) : undefined;
      }
      case 'consent':
        return record && 'agreed' in record ? (record.agreed ? l10n.text('agreed', record.version) : l10n.text('notAgreed')) : undefined;
      case 'signature':
        return record && 'signerName' in record ? l10n.text('signedBy', record.signerName, formatInstant(record.signedAt)) : undefined;
      default:
        return typeof value === 'string' && value.trim() ? value : undefined;
    }
  }

  private rows(view: ReviewView, items: readonly FormItem[], scope: ScopeKey): TemplateResult[] {
    const { engine } = view;
    const subLevel = Math.min(view.headingLevel + 1, 6);
    const out: TemplateResult[] = [];
    for (const item of items) {
      const key = this.rules.itemKey(scope, item.id);
      if (!engine.isVisible(key) || item.type === 'display') continue;
      if (item.type === 'section') {
        const inner = this.rows(view, item.items, scope);
        if (inner.length > 0) out.push(html`<li class="review-section">${item.title ? this.heading(subLevel, item.title) : nothing}<ul>${inner}</ul></li>`);
      } else if (item.type === 'group') {
        const label = item.label ?? this.l10n.text('defaultEntry');
        for (let index = 0; index < engine.instanceCount(key); index++) {
          out.push(html`<li class="review-section">
            ${this.heading(subLevel, this.l10n.text('entry', label, index + 1))}
            <ul>${this.rows(view, item.items, this.rules.childScope(scope, item.id, index))}</ul>
          </li>`);
        }
      } else {
        const answer = this.formatAnswer(item, engine.getAnswer(key), view.formatInstant);
        // Ticking nothing is an answer to optional checkboxes, not a question skipped.
        const none = answer === undefined && item.type === 'multiple-choice' && !engine.isRequired(key);
        out.push(html`<li class="review-row">
          <span class="review-question">${item.type === 'consent' ? item.title : (item.label ?? '')}</span>
          <span class="review-answer ${answer === undefined && !none ? 'missing' : ''}">${answer ?? this.l10n.text(none ? 'noneSelected' : 'notAnswered')}</span>
        </li>`);
      }
    }
    return out;
  }

  /** Every shown page with its answers, a way back to each, and a flag where something is missing. */
  render(view: ReviewView, pages: readonly FormPage[], goToPage: (pageId: string) => void, hasProblems: (pageId: string) => boolean): TemplateResult {
    return html`<div class="review" part="review">
      <p>${this.l10n.text('intro')}</p>
      ${pages.map(
        (page) => html`<section class="review-page" part="review-page" aria-labelledby=${`review-${page.id}`}>
          <div class="review-head">
            ${this.heading(view.headingLevel, page.title, { id: `review-${page.id}` })}
            <button type="button" class="button link" data-review-page=${page.id} @click=${() => goToPage(page.id)}>
              ${this.l10n.text('change')}<span class="visually-hidden"> ${page.title}</span>
            </button>
          </div>
          ${hasProblems(page.id) ? html`<p class="notice warning">${this.l10n.text('pageIncomplete')}</p>` : nothing}
          <ul class="review-list">${this.rows(view, page.items, '')}</ul>
        </section>`,
      )}
    </div>`;
  }

  /** Scores of the answers as they stand (hidden items left out). */
  scoreLines(definition: FormDefinition, answers: Answers): ScoreLine[] {
    return this.rules.scoreForm(definition, answers).map((result) => ({ instrument: result.instrument, score: result.score, answered: result.answered }));
  }

  renderScores(
    definition: FormDefinition,
    scores: readonly ScoreLine[],
    prior: readonly PromScore[],
    where: { readonly timeZone: string; readonly headingLevel: number },
  ): TemplateResult | typeof nothing {
    const { l10n } = this;
    const lines = (definition.scoring ?? [])
      .map((rule) => ({ rule, line: scores.find((score) => score.instrument === rule.id) }))
      .filter(({ line }) => line && line.answered > 0);
    if (lines.length === 0) return nothing;
    return html`<section class="scores" part="scores" aria-labelledby="scores-title">
      ${this.heading(where.headingLevel, l10n.text('scoresTitle'), { id: 'scores-title' })}
      <ul>
        ${lines.map(({ rule, line }) => {
          const name = rule.shortLabel ? `${rule.label} (${rule.shortLabel})` : rule.label;
          if (line!.score === null) return html`<li><strong>${name}</strong><br />${l10n.text('notScored')}</li>`;
          const score = line!.score;
          const comparison = this.rules.compareWithBaseline(rule, score, prior);
          let verdict = '';
          if (comparison?.trend === 'same') verdict = l10n.text('noChange');
          else if (comparison?.meetsMcid) verdict = l10n.text(comparison.trend === 'better' ? 'betterMeaningful' : 'worseMeaningful');
          else if (comparison?.mcid !== undefined) verdict = l10n.text('smallChange', l10n.number(comparison.mcid));
          return html`<li class="score" data-instrument=${rule.id}>
            <strong>${name}</strong>: ${rule.scoreRange ? l10n.text('of', l10n.number(score), l10n.number(rule.scoreRange.max)) : l10n.number(score)}<br /><span class="hint"
              >${l10n.text(rule.direction === 'higher-better' ? 'higherBetter' : 'higherWorse')}</span
            >
            ${comparison
              ? html`<br /><span class="change ${comparison.trend}"
                    >${l10n.text('change_since', l10n.number(comparison.change, { signDisplay: 'exceptZero' }), l10n.dateTime(comparison.baseline.recordedAt, where.timeZone, { dateStyle: 'medium' }))}.
                    ${verdict}</span
                  >`
              : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }
}
