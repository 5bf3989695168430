import { css } from 'lit';

/** Choosing and picking a time: option cards, the month grid, the times. One column from 320 px; grid and times side by side when there is room. */
export const bookingPickStyles = css`
  /* Link-style buttons line up with the text around them; the target keeps its height. */
  .button.link {
    justify-content: flex-start;
    min-inline-size: 0;
    padding-inline: 0;
    border-inline-width: 0;
  }

  .cards .card {
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
    padding-inline: 0.85rem;
  }

  .cards .card:has(input:checked) {
    border-color: var(--_selected);
    box-shadow: inset 0 0 0 1px var(--_selected);
  }

  .map-link {
    display: inline-block;
    margin-block-end: 0.6rem;
    color: var(--_color-primary);
  }

  .next-available {
    justify-self: start;
    inline-size: fit-content;
    max-inline-size: 100%;
  }

  .pick-layout {
    display: grid;
    gap: var(--_space);
    align-items: start;
  }

  .month-bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.25rem;
  }

  .month-bar h3 {
    margin: 0;
    text-align: center;
  }

  table {
    inline-size: 100%;
    max-inline-size: calc(var(--_day-size) * 7 + 1.5rem);
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
    margin-inline: auto;
  }

  th {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_color-text-muted);
    padding-block: 0.25rem;
  }

  .day {
    block-size: min(var(--_day-size), 12 * var(--_vw));
    min-block-size: 2rem;
    text-align: center;
    border-radius: var(--_radius);
    color: var(--_color-text-muted);
    cursor: default;
    padding: 0;
  }

  .day.open {
    background: var(--_open-day);
    color: var(--_color-text);
    font-weight: 700;
    cursor: pointer;
  }

  .day.today {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .day[aria-selected='true'] {
    background: var(--_selected);
    color: var(--_color-on-primary);
  }

  .day:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 1px;
  }

  .time-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_time-min), 1fr));
    gap: 0.5rem;
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }

  .button.time {
    inline-size: 100%;
    flex-direction: column;
    gap: 0;
    padding-inline: 0.5rem;
  }

  .time-provider {
    font-size: 0.8em;
    font-weight: 400;
  }

  .empty {
    color: var(--_color-text-muted);
  }

  .alternatives p {
    margin: 0;
  }

  @container (min-width: 42rem) {
    .pick-layout {
      grid-template-columns: minmax(0, 22rem) minmax(0, 1fr);
    }
  }
`;
