import { css } from 'lit';

/** Styles of the rating form and the pain guidance, loaded with them. */
export const ratingStyles = css`
  /* Rating */
  .rating {
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_color-surface-alt);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    font-weight: 600;
  }

  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin-block-start: 0.35rem;
  }

  .option {
    position: relative;
    display: inline-flex;
  }

  .option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: var(--_target-size);
    min-block-size: var(--_target-size);
    padding: 0 0.6em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    font-weight: 600;
  }

  .option input:checked + .chip {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_color-on-primary);
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .option input:focus-visible + .chip {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .scale.pain {
    container-type: inline-size;
  }

  /* The end labels only make sense when the eleven choices fit on one line. */
  @container (max-width: 34rem) {
    .ends {
      display: none !important;
    }
  }

  @container (min-width: 34rem) {
    .pain .options {
      display: grid;
      grid-template-columns: repeat(11, 1fr);
    }
  }

  .ends {
    display: flex;
    justify-content: space-between;
    color: var(--_color-text-muted);
    font-size: 0.85em;
    margin-block-start: 0.25rem;
  }

  .pain-alert .alert-title {
    font-weight: 700;
  }

  .pain-alert a.button {
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
  }

  .pain-alert .phone {
    font-weight: 400;
    white-space: nowrap;
  }
`;
