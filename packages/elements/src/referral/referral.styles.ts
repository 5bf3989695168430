import { css } from 'lit';

/** Styles of `<pxm-referral>`: one column on a phone, two where the element is wide enough. */
export const referralStyles = css`
  :host {
    /* Size containment would collapse a shrink-to-fit host (a flex item) to nothing. */
    min-inline-size: min(100%, 18rem);
  }

  .base {
    container-type: inline-size;
  }

  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.375em;
    line-height: 1.3;
  }

  h2:focus:not(:focus-visible) {
    outline: none;
  }

  p {
    margin: 0 0 0.5rem;
  }

  .intro,
  .muted {
    color: var(--_color-text-muted);
  }

  .form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  .group,
  .choices {
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .group > legend {
    margin-block-end: 0.5rem;
    padding: 0;
    font-size: 1.15em;
    font-weight: 700;
  }

  .choices > legend {
    margin-block-end: 0.25rem;
    padding: 0;
    font-weight: 600;
  }

  .columns {
    display: grid;
    gap: 0 var(--_space);
  }

  @container (min-width: 36rem) {
    .columns {
      grid-template-columns: 1fr 1fr;
    }
  }

  .field {
    min-inline-size: 0;
    /* Beside a field with a hint, a control keeps its own height rather than stretching. */
    align-content: start;
  }

  .consent label {
    font-weight: 400;
  }

  .field .hint,
  .group > .hint {
    margin: 0;
  }

  .required {
    color: var(--_color-danger);
  }

  .optional {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_color-text-muted);
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    min-block-size: var(--_target-size);
    padding-block: 0.35rem;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    margin-block-start: 0.15em;
  }

  .choice-hint {
    display: block;
  }

  .rows,
  .files {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0 0.75rem;
  }

  .row .field {
    /* A code is short: the row stays narrow, with Remove beside it when there is room. */
    flex: 0 1 16rem;
    margin-block-end: 0;
  }

  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .file-actions {
    margin-inline-start: auto;
  }

  input[type='file'] {
    inline-size: 100%;
    max-inline-size: 100%;
  }

  .summary ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }

  .summary-link {
    color: inherit;
    font-weight: 600;
  }

  .summary:focus {
    outline: 3px solid var(--_color-focus);
  }

  .actions {
    display: grid;
    gap: 0.75rem;
    justify-items: start;
  }

  .button .spinner {
    inline-size: 1em;
    block-size: 1em;
    border-width: 2px;
  }

  .confirmation {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  .reference-line {
    display: grid;
    gap: 0.15rem;
  }

  .reference {
    font-size: var(--pxm-referral-reference-size, 1.5em);
    letter-spacing: 0.06em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
`;
