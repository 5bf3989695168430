import { css } from 'lit';

/** Consent text, disclosure and the signature step; adopted when the signing part loads. */
export const signingStyles = css`
  .consent {
    margin-block: 0 calc(var(--_space) * 1.25);
  }

  .consent-text {
    max-block-size: 18rem;
    overflow-y: auto;
    padding: 0.75rem 1rem;
    margin-block-end: 0.75rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  .consent-text p,
  .disclosure p {
    white-space: pre-line;
  }

  .disclosure {
    padding: 0.75rem 1rem;
    margin-block-end: 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
    font-size: 0.95em;
  }

  .agree {
    font-weight: 600 !important;
  }

  .signing {
    display: grid;
    gap: 0.5rem;
  }

  .pad {
    display: block;
    inline-size: 100%;
    aspect-ratio: 3 / 1;
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    touch-action: none;
    cursor: crosshair;
  }

  .typed-signature {
    min-block-size: 3rem;
    padding: 0.5rem 0.75rem;
    border-block-end: 1px solid var(--_color-border);
    font-family: 'Snell Roundhand', 'Segoe Script', 'Brush Script MT', cursive;
    font-size: 1.8em;
    line-height: 1.2;
  }

  .signature-preview {
    display: block;
    inline-size: min(100%, 20rem);
    block-size: auto;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .signed:focus {
    outline: none;
  }

  .signed:focus-visible {
    outline: 3px solid var(--_color-focus);
  }

  .intent {
    font-size: 0.95em;
  }

  .sign {
    justify-self: start;
  }

  .consent-copy {
    margin-block: var(--_space);
  }

  .consent-copy .hint {
    margin-block: 0.25rem 0;
  }
`;
