import { css } from 'lit';

/** Screen styles of `<pxm-progress>`; the printed summary brings its own (summary-view.ts). */
export const progressStyles = css`
  :host {
    /* Size containment would collapse a shrink-to-fit host (a flex item) to nothing. */
    min-inline-size: min(100%, 18rem);
    --_accent: var(--pxm-progress-accent, var(--_color-primary));
    --_band: var(--pxm-progress-band-color, light-dark(#d9efe9, #1d3a36));
  }

  .base {
    container-type: inline-size;
  }

  .screen {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.375em;
    line-height: 1.3;
  }

  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.15em;
  }

  h4 {
    margin: 0 0 0.25rem;
    font-size: 1em;
    line-height: 1.35;
  }

  h4:focus:not(:focus-visible) {
    outline: none;
  }

  p {
    margin: 0 0 0.5rem;
  }

  .muted,
  .episode-meta {
    color: var(--_color-text-muted);
  }

  .small {
    font-size: 0.875em;
  }

  .section {
    display: grid;
    gap: var(--_space);
  }

  .section > h3 {
    margin: 0;
  }

  .goal,
  .measure,
  .due-item {
    padding: 1rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .goal-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    color: var(--_color-text-muted);
  }

  .status {
    font-weight: 600;
  }

  .status.achieved {
    color: var(--_color-success);
  }

  .ratings {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5rem;
    margin: 0.5rem 0 1rem;
  }

  @container (min-width: 26rem) {
    .ratings {
      grid-template-columns: 1fr 1fr;
    }
  }

  .rating {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .rating dt {
    font-weight: 600;
  }

  .rating dd {
    display: grid;
    gap: 0.15rem;
    margin: 0;
  }

  .note {
    font-style: italic;
  }

  .scale {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .scale legend {
    margin-block-end: 0.5rem;
    padding: 0;
    font-weight: 600;
  }

  .level {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-block-size: var(--_target-size);
    padding: 0.5rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .level:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_color-surface-alt);
  }

  .level input {
    flex: none;
    margin-block-start: 0.1rem;
  }

  textarea {
    resize: vertical;
  }

  .counter {
    text-align: end;
  }

  .rate .notice {
    margin-block-end: 0.75rem;
  }

  .button .spinner {
    inline-size: 1em;
    block-size: 1em;
    border-width: 2px;
  }

  .reading {
    display: grid;
    gap: 0.15rem;
  }

  .reading.meaningful-better strong {
    color: var(--_color-success);
  }

  .reading.meaningful-worse strong {
    color: var(--_color-warning);
  }

  .chart {
    inline-size: 100%;
    max-inline-size: 34rem;
    block-size: auto;
    direction: ltr;
  }

  .chart .grid {
    stroke: var(--_color-border-subtle);
    stroke-width: 1;
  }

  .chart .tick {
    fill: var(--_color-text-muted);
    font-size: 10px;
  }

  .chart .band {
    fill: var(--_band);
  }

  .chart .baseline {
    stroke: var(--_color-border);
    stroke-dasharray: 4 3;
  }

  .chart .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
  }

  .chart .dot {
    fill: var(--_color-surface);
    stroke: var(--_accent);
    stroke-width: 2;
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
  }

  th,
  td {
    padding: 0.3rem 0.5rem;
    border-block-end: 1px solid var(--_color-border-subtle);
    text-align: start;
    overflow-wrap: break-word;
  }

  td {
    font-variant-numeric: tabular-nums;
  }

  .due-list {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .due-item {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }

  .due-text {
    display: grid;
    gap: 0.15rem;
  }

  .intake-box {
    justify-self: stretch;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .state {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
`;
