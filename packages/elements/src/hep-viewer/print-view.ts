/**
 * The paper copy: every exercise with its picture, dosage, instructions and note, plus a week of
 * tick boxes. Rendered only while printing, shown only by the print stylesheet. Loaded after the
 * first paint, so pressing Ctrl+P later still gets the paper copy.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Exercise, HepProgram } from '@pxm/core/hep';
import type { frequencyKind } from '@pxm/core/hep-rules';
import type { HepLocalizeController } from './hep-localize.js';
import type { renderDosage } from './dosage.js';

type T = HepLocalizeController;

/**
 * What the paper copy borrows from the viewer, which has loaded them already: importing them
 * here would make a bundler split them, with the rules they import, into chunks of their own.
 */
export interface PrintTools {
  renderDosage: typeof renderDosage;
  frequencyKind: typeof frequencyKind;
}

/** Monday 2024-01-01 onwards gives the weekday names in the patient's language. */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function tickGrid(l10n: T, exercise: Exercise, { frequencyKind }: PrintTools): TemplateResult {
  const { frequency } = exercise;
  const fixed = frequencyKind(frequency) === 'weekdays' ? new Set(frequency.weekdays) : undefined;
  const rows = Math.min(4, frequency.timesPerDay);
  return html`<table class="ticks">
    <caption>${l10n.text('printTickHeading')}</caption>
    <thead>
      <tr>
        ${WEEKDAYS.map((day) => html`<th scope="col">${l10n.date(`2024-01-0${day}`, { weekday: 'short' })}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${Array.from(
        { length: rows },
        () => html`<tr>
          ${WEEKDAYS.map((day) => html`<td class=${fixed && !fixed.has(day) ? 'off' : ''}><span class="box"></span></td>`)}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Waits for the paper copy's pictures (at most 3 seconds), so the print has them. */
export async function picturesLoaded(root: ParentNode): Promise<void> {
  const pending = [...root.querySelectorAll<HTMLImageElement>('.print-view img')].filter((image) => !image.complete);
  const loaded = pending.map(
    (image) =>
      new Promise<void>((done) => {
        image.addEventListener('load', () => done(), { once: true });
        image.addEventListener('error', () => done(), { once: true });
      }),
  );
  await Promise.race([Promise.all(loaded), new Promise((done) => setTimeout(done, 3_000))]);
}

export function renderPrintView(l10n: T, program: HepProgram, today: string, tools: PrintTools): TemplateResult {
  return html`<section class="print-view" part="print">
    <header>
      ${program.practiceName ? html`<p class="practice">${program.practiceName}${program.practicePhone ? ` · ${program.practicePhone}` : ''}</p>` : nothing}
      <h2>${program.title}</h2>
      <p class="meta">${l10n.text('printedOn', l10n.date(today, { dateStyle: 'long' }))}</p>
    </header>
    ${program.exercises.map((exercise) => {
      const picture = exercise.media?.imageUrls?.[0] ?? exercise.media?.posterUrl;
      return html`<article class="print-card">
        <h3>${exercise.name}</h3>
        <div class="print-body">
          ${picture ? html`<img src=${picture} alt=${exercise.media?.imageAlt?.trim() || exercise.name} />` : nothing}
          <div>
            ${tools.renderDosage(l10n, exercise)}
            ${exercise.instructions?.trim() ? html`<p class="instructions-text">${exercise.instructions}</p>` : nothing}
            ${exercise.note?.trim() ? html`<p class="note-text"><strong>${l10n.text('note')}:</strong> ${exercise.note}</p>` : nothing}
          </div>
        </div>
        ${tickGrid(l10n, exercise, tools)}
      </article>`;
    })}
  </section>`;
}

/** The print stylesheet: everything interactive hidden, the paper copy shown. */
export const printStyles = css`
  /* Print: only the paper copy. */
  .print-view {
    display: none;
  }

  @media print {
    /* Paper is white whatever the screen's theme. */
    :host {
      color-scheme: light;
      color: #000;
      background: #fff;
    }

    .base {
      padding: 0;
      background: none;
      color: #000;
    }

    .screen {
      display: none !important;
    }

    .print-view {
      display: block;
    }

    .print-view header {
      margin-block-end: 12pt;
    }

    .print-card {
      break-inside: avoid;
      padding-block: 8pt;
      border-block-start: 1px solid #999;
    }

    .print-card h3 {
      margin-block-end: 4pt;
    }

    .print-body {
      display: grid;
      grid-template-columns: 40% 1fr;
      gap: 10pt;
      align-items: start;
    }

    .print-body:not(:has(img)) {
      grid-template-columns: 1fr;
    }

    .print-body img {
      inline-size: 100%;
      aspect-ratio: var(--_media-ratio);
      object-fit: contain;
      border: 1px solid #ccc;
    }

    .dose {
      background: none;
      border: 1px solid #ccc;
    }

    .ticks {
      margin-block-start: 6pt;
      inline-size: auto;
    }

    .ticks caption {
      text-align: start;
      font-size: 9pt;
    }

    .ticks th,
    .ticks td {
      border: 0;
      padding: 2pt 4pt;
      text-align: center;
      font-size: 9pt;
    }

    .ticks .box {
      display: inline-block;
      inline-size: 12pt;
      block-size: 12pt;
      border: 1px solid #000;
    }

    .ticks .off .box {
      border-style: dotted;
      border-color: #bbb;
    }
  }
`;

/** What the viewer's lazy part adopts into its shadow root. */
export const styles = printStyles;
