import { css } from 'lit';

/** Mobile first: one column at 320 px, logical properties throughout so `dir="rtl"` mirrors. */
export const intakeFormStyles = css`
  :host {
    --_accent: var(--pxm-intake-form-accent, var(--_color-primary));
    --_form-width: var(--pxm-intake-form-max-width, var(--_max-width));
  }

  .intake {
    max-inline-size: var(--_form-width);
  }

  h2,
  h3,
  h4,
  h5 {
    line-height: 1.25;
    margin-block: 0 0.5rem;
  }

  h2,
  .title {
    font-size: 1.4em;
  }

  h3,
  .page-title,
  .done-title {
    font-size: 1.25em;
  }

  h4,
  .next-steps-title {
    font-size: 1.1em;
  }

  h5 {
    font-size: 1em;
  }

  p {
    margin-block: 0 0.5rem;
  }

  .state {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: var(--_space);
  }

  .header {
    margin-block-end: var(--_space);
  }

  .description {
    color: var(--_color-text-muted);
  }

  .status-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }

  .progress {
    flex: 1 1 14rem;
    min-inline-size: 0;
  }

  .progress .step {
    font-weight: 600;
    margin: 0;
  }

  progress {
    display: block;
    inline-size: 100%;
    block-size: 0.5rem;
    margin-block: 0.25rem;
    border: 0;
    border-radius: 999px;
    background: var(--_color-border-subtle);
    accent-color: var(--_accent);
    appearance: none;
    overflow: hidden;
  }

  progress::-webkit-progress-bar {
    background: var(--_color-border-subtle);
    border-radius: 999px;
  }

  progress::-webkit-progress-value {
    background: var(--_accent);
    border-radius: 999px;
  }

  progress::-moz-progress-bar {
    background: var(--_accent);
  }

  .required-progress {
    margin: 0;
  }

  .save-status {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    margin: 0;
    min-block-size: 1.5rem;
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  /* Nothing saved yet: take no room, so the progress bar reaches the edge. */
  .save-status:empty {
    display: none;
  }

  .save-failed {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    color: var(--_color-danger);
    font-weight: 600;
  }

  .dot {
    inline-size: 0.6rem;
    block-size: 0.6rem;
    border-radius: 50%;
    background: var(--_color-text-muted);
    flex: none;
  }

  .dot.saved {
    background: var(--_color-success);
  }

  .dot.failed {
    background: var(--_color-danger);
  }

  .dot.saving {
    animation: pxm-pulse 1s ease-in-out infinite alternate;
  }

  @keyframes pxm-pulse {
    to {
      opacity: 0.3;
    }
  }

  .notice {
    margin-block-end: var(--_space);
  }

  .notice p:last-child {
    margin-block-end: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .summary .button.link {
    padding: 0;
    min-block-size: var(--_target-size);
    text-align: start;
    color: var(--_color-danger);
    font-weight: 600;
  }

  .page-title {
    margin-block-start: 0.5rem;
    scroll-margin-block-start: var(--_space);
  }

  .page-title:focus {
    outline: none;
  }

  .page-title:focus-visible {
    outline: 3px solid var(--_color-focus);
  }

  .page-description,
  .required-note {
    color: var(--_color-text-muted);
  }

  .field,
  .section,
  .group,
  .display {
    margin-block: 0 calc(var(--_space) * 1.25);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }

  .field > label {
    font-weight: 600;
  }

  .subfield > label {
    font-weight: 400;
  }

  .required-mark {
    color: var(--_color-danger);
    margin-inline-start: 0.2em;
  }

  /* Drawn by CSS: the word joiner keeps it on the label's last line, not wrapped alone. */
  .required-mark::before {
    content: '\\2060*';
  }

  .hint p,
  .display p,
  .next-steps p,
  .page-description p {
    white-space: pre-line;
  }

  .hint > p:last-child {
    margin-block-end: 0;
  }

  .options {
    display: grid;
    gap: 0.25rem;
  }

  .options.inline {
    grid-template-columns: repeat(auto-fit, minmax(7rem, max-content));
    gap: 0.25rem 1rem;
  }

  .field .option,
  .option {
    font-weight: 400;
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-block-size: var(--_target-size);
    padding-inline: 0.25rem;
    border-radius: var(--_radius);
    cursor: pointer;
  }

  .option:hover {
    background: var(--_color-surface-alt);
  }

  .option input {
    flex: none;
    margin: 0;
  }

  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .with-unit input {
    max-inline-size: 12rem;
  }

  .unit {
    color: var(--_color-text-muted);
  }

  .counter {
    margin: 0;
    text-align: end;
  }

  textarea {
    resize: vertical;
  }

  /*
   * Scale: a row of numbered boxes. Up to 11 points share one row; where 11 boxes of 24 px (the
   * WCAG 2.5.8 minimum) and their gaps no longer fit (18.5rem), 10 or 11 points wrap into two
   * even rows (5/5, 6/5) instead. More than 11 points wrap at 2.75rem each.
   */
  .scale-points {
    container-type: inline-size;
  }

  .scale-row {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: 0.2rem;
  }

  .scale-points.wrap .scale-row {
    grid-auto-flow: row;
    grid-template-columns: repeat(auto-fill, minmax(2.75rem, 1fr));
  }

  @container (max-width: 18.5rem) {
    .scale-points:not(.wrap) .scale-row:has(> :nth-child(10)) {
      grid-auto-flow: row;
      grid-template-columns: repeat(6, minmax(0, 1fr));
    }

    .scale-points:not(.wrap) .scale-row:has(> :nth-child(10):last-child) {
      grid-template-columns: repeat(5, minmax(0, 1fr));
    }
  }

  .scale-point {
    position: relative;
    display: block;
    min-inline-size: 0;
  }

  .scale-point input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .scale-point span {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target-size);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
    overflow-wrap: normal;
  }

  .scale-point:hover span {
    background: var(--_color-surface-alt);
  }

  .scale-point input:checked + span {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_color-on-primary);
  }

  .scale-point input:focus-visible + span {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .scale-point input[aria-invalid='true'] + span {
    border-color: var(--_color-danger);
  }

  /*
   * Questions sharing one answer scale (LEFS): compact rows under a legend on a phone, a table of
   * questions by answers from 40rem. Columns are implicit (one per answer), so any scale fits.
   */
  .choice-grid {
    container-type: inline-size;
    margin-block: var(--_space);
  }

  .grid-legend {
    display: grid;
    gap: 0.15rem;
    margin-block-end: 0.5rem;
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .grid-corner {
    display: none;
  }

  .grid-short {
    display: inline-block;
    min-inline-size: 1.75em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }

  .grid-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding-block: 0.35rem;
    border-block-start: 1px solid var(--_color-border-subtle, var(--_color-border));
  }

  .grid-question {
    flex: 1 0 100%;
  }

  .grid-label {
    font-weight: 600;
  }

  .grid-help {
    display: block;
  }

  .grid-cell {
    position: relative;
    flex: 1 1 0;
    min-inline-size: 1.5rem;
  }

  .grid-cell input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .grid-mark {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target-size);
    padding-inline: 0.25rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: center;
  }

  .grid-cell:hover .grid-mark {
    background: var(--_color-surface-alt);
  }

  .grid-cell input:checked + .grid-mark {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_color-on-primary);
  }

  .grid-cell input:focus-visible + .grid-mark {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .grid-cell input[aria-invalid='true'] + .grid-mark {
    border-color: var(--_color-danger);
  }

  @container (min-width: 40rem) {
    .grid-legend,
    .grid-row {
      display: grid;
      grid-template-columns: minmax(12rem, 2fr);
      grid-auto-columns: minmax(0, 1fr);
      grid-auto-flow: column;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }

    .grid-legend {
      align-items: end;
      text-align: center;
    }

    .grid-corner {
      display: block;
    }

    .grid-short {
      display: none;
    }

    .grid-legend,
    .grid-row {
      grid-template-columns: minmax(12rem, 3fr);
    }

    /* A radio circle in the middle of a cell the whole height of the row: the cell is the target. */
    .grid-mark,
    .grid-cell:hover .grid-mark,
    .grid-cell input:checked + .grid-mark {
      min-block-size: var(--_target-size);
      border: none;
      background: none;
      color: transparent;
      font-size: 0;
    }

    .grid-mark::before {
      content: '';
      inline-size: 1.25rem;
      block-size: 1.25rem;
      border: 2px solid var(--_color-border);
      border-radius: 50%;
      background: var(--_color-surface);
    }

    .grid-cell:hover .grid-mark::before {
      border-color: var(--_accent);
    }

    .grid-cell input:checked + .grid-mark::before {
      border-color: var(--_accent);
      background: var(--_accent);
      box-shadow: inset 0 0 0 3px var(--_color-surface);
    }

    .grid-cell input[aria-invalid='true'] + .grid-mark::before {
      border-color: var(--_color-danger);
    }
  }

  .anchors {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    margin-block: 0.25rem 0;
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .anchors span:last-child {
    text-align: end;
  }

  .address-grid {
    display: grid;
    gap: 0.5rem 0.75rem;
    grid-template-columns: 1fr 1fr;
  }

  .subfield {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .subfield.line1,
  .subfield.line2,
  .subfield.city {
    grid-column: 1 / -1;
  }

  .section {
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_color-border-subtle);
  }

  .section-title {
    margin-block-start: 0.5rem;
  }

  .instance {
    padding: 0.75rem;
    margin-block-end: 0.75rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .instance > legend {
    padding-inline: 0.25rem;
  }

  .instance .field:last-of-type {
    margin-block-end: 0.5rem;
  }

  .spinner.small {
    inline-size: 1rem;
    block-size: 1rem;
    border-width: 2px;
  }

  .nav {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    margin-block-start: calc(var(--_space) * 1.5);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_color-border-subtle);
  }

  .nav .button {
    flex: 0 1 auto;
  }

  .nav .next,
  .nav .submit {
    margin-inline-start: auto;
    min-inline-size: 8rem;
  }

  .done [data-done-title]:focus {
    outline: none;
  }

  .done .next-steps-title {
    margin-block-start: calc(var(--_space) * 1.25);
  }

  .done-heading {
    display: flex;
    gap: 0.6rem;
    align-items: center;
  }

  .done-heading .done-title {
    margin: 0;
  }

  .success-mark {
    flex: none;
    color: var(--_color-success);
  }

  .success-mark circle {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
  }

  .success-mark path {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .reference {
    margin-block-start: var(--_space);
  }

  @media (min-width: 40rem) {
    .address-grid {
      grid-template-columns: 2fr 1fr 1fr;
    }

    .subfield.line1,
    .subfield.line2 {
      grid-column: 1 / -1;
    }

    .subfield.city {
      grid-column: auto;
    }
  }
`;
