import { css } from 'lit';

/** The questions: labels, choices, the 0-10 scale, numbers with units, addresses, sections and repeating groups. */
export const fieldStyles = css`
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

  /* The native radio covers its mark, invisible: the whole mark is the target (scales and choice grids). */
  .scale-point input,
  .grid-cell input {
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

  .scale-point:hover span,
  .grid-cell:hover .grid-mark {
    background: var(--_color-surface-alt);
  }

  .scale-point input:checked + span,
  .grid-cell input:checked + .grid-mark {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_color-on-primary);
  }

  .scale-point input:focus-visible + span,
  .grid-cell input:focus-visible + .grid-mark {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .scale-point input[aria-invalid='true'] + span,
  .grid-cell input[aria-invalid='true'] + .grid-mark {
    border-color: var(--_color-danger);
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
