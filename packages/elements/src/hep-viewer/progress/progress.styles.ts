import { css } from 'lit';

/** Styles of the Progress view, loaded with it. */
export const progressStyles = css`
  /* Progress */
  .progress-view {
    display: grid;
    gap: var(--_space);
  }

  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.5rem;
    margin: 0;
  }

  .tile {
    display: grid;
    gap: 0.2rem;
    align-content: start;
    padding: 0.75rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .tile dt {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .tile dd {
    display: grid;
    gap: 0.15rem;
    margin: 0;
  }

  .tile-value {
    font-size: 1.5em;
    font-weight: 700;
    color: var(--_accent);
  }

  .tile-note {
    color: var(--_color-text-muted);
    font-size: 0.85em;
  }

  .chart-block {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    margin: 0;
  }

  .chart-block figcaption {
    font-weight: 600;
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

  .chart .bar {
    fill: var(--_accent);
  }

  .chart .empty {
    stroke: var(--_color-border);
    stroke-dasharray: 3 2;
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

  /*
   * Columns size to whole words ("November", "Highest"): the host's overflow-wrap: anywhere
   * would let a narrow table break them mid-word. break-word still stops a freak string overflowing.
   */
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
`;
