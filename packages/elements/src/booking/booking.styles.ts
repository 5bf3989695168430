import { css } from 'lit';

/** The shell: tokens, header, notices, actions, option groups, the dialog. Views bring their own sheets. */
export const bookingStyles = css`
  :host {
    --_day-size: var(--pxm-booking-day-size, 2.75rem);
    --_open-day: var(--pxm-booking-open-day-color, light-dark(#e3f3f1, #173532));
    --_selected: var(--pxm-booking-selected-color, var(--_color-primary));
    --_time-min: var(--pxm-booking-time-min-width, 9rem);
    container-type: inline-size;
  }

  a {
    color: var(--_color-primary);
  }

  h2,
  h3,
  h4,
  p {
    margin-block: 0 0.5rem;
  }

  h2 {
    font-size: 1.4em;
    line-height: 1.25;
  }

  h3 {
    font-size: 1.1em;
  }

  h4 {
    font-size: 0.95em;
    color: var(--_color-text-muted);
  }

  /* Step headings and notices take focus when a step opens or a message appears (not by Tab):
     the indicator shows wherever they are focused, so a keyboard user sees where they are. */
  h2[tabindex='-1']:focus,
  .notice[tabindex='-1']:focus {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  /* A date of birth is typed, not picked: without the calendar button, one Tab leaves the field
     (the button was a second, invisible tab stop inside it). */
  input.birth-date::-webkit-calendar-picker-indicator {
    display: none;
  }

  .success-mark {
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-inline-end: 0.4em;
    vertical-align: -0.15em;
    color: var(--_color-success);
  }

  .success-mark .tick {
    stroke: var(--_color-surface);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1rem;
    margin-block-end: var(--_space);
  }

  .progress,
  .context {
    color: var(--_color-text-muted);
    margin: 0;
  }

  .step-body {
    display: grid;
    gap: var(--_space);
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
    gap: 0.75rem;
    justify-content: flex-end;
  }

  .actions.start {
    justify-content: flex-start;
  }

  .button.icon {
    padding: 0;
    font-size: 1.4em;
    line-height: 1;
  }

  .spinner.small {
    inline-size: 1em;
    block-size: 1em;
    border-width: 2px;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    margin-block-end: 0.5rem;
    font-weight: 600;
  }

  .choices {
    display: grid;
    gap: 0.5rem;
  }

  .choices.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }

  .choices.inline legend {
    inline-size: 100%;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    min-block-size: var(--_target-size);
    padding-block: 0.55rem;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    margin-block-start: 0.15em;
  }

  .choice-text {
    display: grid;
  }

  dialog {
    inline-size: min(var(--pxm-booking-dialog-width, 44rem), 100 * var(--_vw) - 1rem);
    max-inline-size: calc(100 * var(--_vw));
    max-block-size: calc(100 * var(--_dvh) - 1rem);
    padding: var(--_space);
    border: 0;
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }

  .dialog-bar {
    display: flex;
    justify-content: flex-end;
    margin-block-end: -2.5rem;
  }

  .dialog-bar + .base .header {
    padding-inline-end: 3rem;
  }
`;
