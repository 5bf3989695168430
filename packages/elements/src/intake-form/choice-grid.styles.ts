import { css } from 'lit';

export const choiceGridStyles = css`
  /*
   * Questions sharing one answer scale (LEFS): compact rows under a legend on a phone, a table of
   * questions by answers from 40rem. Columns are implicit (one per answer), so any scale fits.
   * The marks' radio, hover, checked, focus and invalid rules are the scale's (fields.styles.ts).
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

  @container (min-width: 40rem) {
    .grid-legend,
    .grid-row {
      display: grid;
      grid-template-columns: minmax(12rem, 3fr);
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
`;
