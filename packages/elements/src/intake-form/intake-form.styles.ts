import { css } from 'lit';

/**
 * The form around its questions: headings, progress, save status, notices, navigation and the
 * confirmation. Mobile first: one column at 320 px, logical properties throughout so `dir="rtl"`
 * mirrors. The questions are styled in `fields.styles.ts` and `choice-grid.styles.ts`.
 */
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
`;
