import { css } from 'lit';

/** Native controls dressed in the theme: buttons, fields, messages, focus ring. */
export const controlStyles = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
  }

  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-block-size: var(--_target-size);
    min-inline-size: var(--_target-size);
    padding: 0.5em 1.1em;
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-primary);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }

  .button:hover {
    background: var(--_color-surface-alt);
  }

  .button.primary {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }

  .button.primary:hover {
    filter: brightness(1.08);
  }

  .button.link {
    border-color: transparent;
    background: transparent;
    padding-inline: 0.25em;
    text-decoration: underline;
  }

  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--_space);
  }

  .field label,
  .label {
    font-weight: 600;
  }

  .hint {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--_target-size);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }

  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.25em;
    block-size: 1.25em;
    accent-color: var(--_color-primary);
  }

  [aria-invalid='true'] {
    border-color: var(--_color-danger) !important;
    border-width: 2px !important;
  }

  .error-text {
    color: var(--_color-danger);
    font-weight: 600;
  }

  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface-alt);
  }

  .notice.error {
    border-inline-start-color: var(--_color-danger);
  }

  .notice.success {
    border-inline-start-color: var(--_color-success);
  }

  .notice.warning {
    border-inline-start-color: var(--_color-warning);
  }

  .spinner {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border: 3px solid var(--_color-border-subtle);
    border-block-start-color: var(--_color-primary);
    border-radius: 50%;
    animation: pxm-spin 0.8s linear infinite;
  }

  @keyframes pxm-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
