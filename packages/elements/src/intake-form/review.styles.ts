import { css } from 'lit';

/** The review page and the scores; adopted when the review part loads. */
export const reviewStyles = css`
  .review-page {
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_color-border-subtle);
  }

  .review-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .review-head h4 {
    margin: 0;
  }

  .review-list,
  .review-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .review-list ul {
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_color-border-subtle);
  }

  .review-row {
    display: grid;
    gap: 0.1rem;
    padding-block: 0.4rem;
  }

  .review-question {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .review-answer {
    font-weight: 600;
    white-space: pre-line;
  }

  .review-answer.missing {
    font-weight: 400;
    font-style: italic;
    color: var(--_color-text-muted);
  }

  .review-section h5 {
    margin-block: 0.5rem 0.25rem;
  }

  .scores {
    margin-block: var(--_space);
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .scores ul {
    margin: 0;
    padding-inline-start: 1.1rem;
  }

  .scores li + li {
    margin-block-start: 0.5rem;
  }

  .change.better {
    color: var(--_color-success);
  }

  .change.worse {
    color: var(--_color-danger);
  }
`;
