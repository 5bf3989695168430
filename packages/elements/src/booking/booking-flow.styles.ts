import { css } from 'lit';

/** Details, review, confirmation, manage, waitlist and series. */
export const bookingFlowStyles = css`
  .hold {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }

  .button.danger {
    border-color: var(--_color-danger);
    color: var(--_color-danger);
  }

  .group {
    display: grid;
  }

  .row {
    display: grid;
    gap: 0 var(--_space);
  }

  .summary {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }

  .summary > div {
    display: grid;
    gap: 0 1rem;
  }

  .summary dt {
    font-weight: 600;
    color: var(--_color-text-muted);
  }

  .summary dd {
    margin: 0;
  }

  .old-time {
    color: var(--_color-text-muted);
  }

  .visit-list,
  .plan,
  .manage-links {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  /* Room for two-digit numbers ("12. "), in the list's own font size. */
  .visit-list,
  .plan {
    padding-inline-start: 3.25ch;
  }

  .plan-day {
    margin: 0;
  }

  /* A time with its zone ("15:00 GMT-7") stays on one line. */
  .nowrap {
    white-space: nowrap;
  }

  /* Weekdays in even columns: two on a phone, three when there is room. */
  .choices.days {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0 1rem;
  }

  .plan-visit {
    padding-block: 0.25rem;
    border-block-end: 1px solid var(--_color-border-subtle);
  }

  .policy,
  .add-calendar {
    display: grid;
    gap: 0.25rem;
  }

  /* The coverage check's findings: the outcome line, then each part with its as-of time. */
  .benefits-result {
    display: grid;
    gap: 0.5rem;
  }

  .benefits-result .notice,
  .series-coverage {
    margin-block-end: 0;
  }

  .series-coverage {
    display: grid;
    gap: 0.5rem;
  }

  .series-coverage h3,
  .series-coverage p {
    margin: 0;
  }

  @container (min-width: 36rem) {
    .summary > div {
      grid-template-columns: 9rem 1fr;
    }

    .row {
      grid-template-columns: 1fr 1fr;
    }

    .choices.days {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
`;
