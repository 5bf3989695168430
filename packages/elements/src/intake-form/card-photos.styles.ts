import { css } from 'lit';

/** Insurance card photo blocks; adopted when the card part loads. */
export const cardPhotosStyles = css`
  .card-sides {
    display: grid;
    gap: 0.75rem;
  }

  .card-side {
    padding: 0.75rem;
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
  }

  .card-preview {
    display: block;
    max-inline-size: 100%;
    max-block-size: 12rem;
    margin-block-end: 0.5rem;
    border-radius: var(--_radius);
  }

  .card-status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 1.5rem;
    margin: 0;
  }

  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }

  .file {
    position: relative;
  }

  .file-input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    opacity: 0;
    cursor: pointer;
  }

  .file:focus-within {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  /* The camera button shows on touch devices only; choosing a file works everywhere. */
  .file.camera {
    display: none;
  }

  @media (pointer: coarse) {
    .file.camera {
      display: inline-flex;
    }
  }

  .file[hidden] {
    display: none;
  }

  @media (min-width: 40rem) {
    .card-sides {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
