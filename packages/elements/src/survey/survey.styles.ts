import { css } from 'lit';

/**
 * Mobile first: below 19rem of room (a 320 px phone) the NPS scale wraps into rows of 44 px options
 * (six, or fewer) and never scrolls sideways; from a 375 px phone up it is one row of eleven. The
 * grid follows the reading direction, so in right-to-left text 0 sits on the right.
 */
export const surveyStyles = css`
  :host {
    /* Size containment below would collapse a shrink-to-fit host (a flex item) to nothing. */
    min-inline-size: min(100%, 18rem);
    --_option-size: max(2.75rem, var(--pxm-survey-option-size, 2.75rem));
    --_selected: var(--pxm-survey-selected-color, var(--_color-primary));
  }

  .base {
    container-type: inline-size;
  }

  .title {
    margin: 0 0 0.5rem;
    font-size: 1.375em;
    line-height: 1.3;
  }

  .title:focus:not(:focus-visible) {
    outline: none;
  }

  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
  }

  p,
  .prompt {
    margin: 0 0 0.5rem;
  }

  .intro,
  .required,
  .ends {
    color: var(--_color-text-muted);
  }

  .question {
    margin-block-end: 1.5rem;
  }

  .prompt {
    display: block;
    padding: 0;
    font-weight: 600;
  }

  .required {
    font-weight: 400;
  }

  .scale {
    display: grid;
    gap: var(--pxm-survey-scale-gap, 0.25rem);
    grid-template-columns: repeat(auto-fill, minmax(var(--_option-size), 1fr));
  }

  .csat {
    grid-template-columns: 1fr;
  }

  @container (min-width: 18rem) {
    .nps {
      grid-template-columns: repeat(6, minmax(var(--_option-size), 1fr));
    }
  }

  /*
   * From a phone's width (18.5rem: eleven 24 px points, the WCAG 2.5.8 minimum, and their gaps) the
   * eleven NPS points share one even row, still 44 px tall, rather than breaking 6 + 5.
   */
  @container (min-width: 18.5rem) {
    .nps {
      gap: 0.2rem;
      grid-template-columns: repeat(11, minmax(1.5rem, 1fr));
    }

    .nps .option {
      min-inline-size: 1.5rem;
      padding-inline: 0;
    }
  }

  @container (min-width: 34rem) {
    .nps {
      grid-template-columns: repeat(11, minmax(var(--_option-size), 1fr));
    }

    .follow-up {
      grid-template-columns: 1fr 1fr;
    }
  }

  /* Five labels side by side only when "dissatisfied" fits on a line. */
  @container (min-width: 46rem) {
    .csat {
      grid-template-columns: repeat(5, 1fr);
    }
  }

  .option {
    min-block-size: var(--_option-size);
    min-inline-size: var(--_option-size);
    padding: 0.375rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-weight: 600;
    line-height: 1.2;
    cursor: pointer;
  }

  .option:hover {
    border-color: var(--_selected);
  }

  [aria-checked='true'] {
    background: var(--_selected);
    border-color: var(--_selected);
    color: var(--_color-on-primary);
    box-shadow: inset 0 0 0 2px var(--_color-surface);
  }

  [aria-invalid='true'] > .option {
    border-color: var(--_color-danger);
  }

  /* Each end label stays whole; on a narrow screen the last moves below, still at the end. */
  .ends {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1rem;
    margin-block-start: 0.375rem;
    font-size: 0.875em;
  }

  .ends > span:last-child {
    margin-inline-start: auto;
  }

  .choices {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-block-size: var(--_target-size);
    cursor: pointer;
  }

  textarea {
    display: block;
    resize: vertical;
  }

  .counter {
    margin: 0.25rem 0 0;
    text-align: end;
  }

  .over {
    color: var(--_color-danger);
  }

  .actions,
  .follow-up {
    display: grid;
    gap: 0.5rem;
  }

  .actions {
    justify-items: start;
  }

  .actions p,
  .notice p {
    margin: 0;
  }

  .notice {
    margin-block-end: 1rem;
  }

  .notice .button,
  .card > .button {
    margin-block-start: 0.5rem;
  }

  .button .spinner {
    inline-size: 1em;
    block-size: 1em;
    border-width: 2px;
  }

  .follow-up {
    gap: 1rem;
  }

  .card {
    padding: 1rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
`;
