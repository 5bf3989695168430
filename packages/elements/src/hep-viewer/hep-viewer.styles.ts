import { css } from 'lit';

/**
 * Mobile first: one column of cards at 320 px, dosage tiles that wrap, 44 px targets. The print
 * stylesheet hides everything interactive and shows the paper copy instead.
 */
export const hepViewerStyles = css`
  :host {
    --_card-background: var(--pxm-hep-viewer-card-background, var(--_color-surface));
    --_accent: var(--pxm-hep-viewer-accent, var(--_color-primary));
    --_media-ratio: var(--pxm-hep-viewer-media-ratio, 16 / 9);
  }

  .base {
    padding: var(--pxm-hep-viewer-padding, var(--_surface-padding));
  }

  h2,
  h3,
  h4,
  p {
    margin: 0;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  /* Header */
  .header {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--_space);
  }

  .practice,
  .meta {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .title {
    font-size: 1.4em;
    line-height: 1.25;
  }

  .sync:empty {
    display: none;
  }

  .sync .notice,
  .notice {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    margin-block-end: var(--_space);
  }

  /* Tabs */
  .tabs {
    display: flex;
    gap: 0.25rem;
    margin-block-end: var(--_space);
    border-block-end: 1px solid var(--_color-border-subtle);
  }

  /* Sized by their words, so a longer label ("All exercises") gets more room before it wraps. */
  [role='tab'] {
    flex: 1 1 auto;
    min-inline-size: min-content;
    overflow-wrap: normal;
    min-block-size: var(--_target-size);
    padding: 0.5em 0.4em;
    line-height: 1.2;
    border: 0;
    border-block-end: 3px solid transparent;
    background: none;
    color: var(--_color-text-muted);
    font-weight: 600;
    cursor: pointer;
  }

  [role='tab'][aria-selected='true'] {
    color: var(--_color-text);
    border-block-end-color: var(--_accent);
  }

  .panel:focus-visible {
    outline-offset: 4px;
  }

  /* Today summary */
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1rem;
    margin-block-end: var(--_space);
  }

  .summary .today {
    font-size: 1.15em;
    flex-basis: 100%;
  }

  .count {
    font-weight: 600;
  }

  .streak-badge {
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_accent);
    color: var(--_accent);
    font-weight: 600;
    font-size: 0.9em;
  }

  .next,
  .more {
    margin-block: var(--_space);
  }

  /* Cards */
  .cards {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    border: 1px solid var(--_color-border-subtle);
    border-radius: var(--_radius);
    background: var(--_card-background);
    overflow: hidden;
  }

  .card.complete {
    border-color: var(--_accent);
  }

  .card {
    container-type: inline-size;
  }

  .card article {
    display: grid;
    gap: 0.75rem;
    padding: var(--_space);
  }

  /* Wide cards: the demonstration beside the dosage and instructions. */
  @container (min-width: 36rem) {
    .card article:has(> .media) {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
      column-gap: var(--_space);
    }

    .card article:has(> .media) > * {
      grid-column: 2;
    }

    .card article:has(> .media) > :is(h3, .log, .rating, .pain-alert) {
      grid-column: 1 / -1;
    }

    .card article:has(> .media) > .media {
      grid-column: 1;
      grid-row: 2 / span 3;
    }
  }

  .card h3 {
    font-size: 1.15em;
    line-height: 1.3;
  }

  .card h3:focus {
    outline: none;
  }

  .card h4 {
    font-size: 0.95em;
  }

  .instructions p,
  .note p {
    white-space: pre-line;
  }

  .note {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_color-surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }

  /* Media */
  .media {
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }

  video,
  .images img,
  .media > img {
    display: block;
    inline-size: 100%;
    aspect-ratio: var(--_media-ratio);
    object-fit: contain;
    background: var(--_color-surface-alt);
    border-radius: calc(var(--_radius) / 2);
  }

  .images {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 100%;
    gap: 0.5rem;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
  }

  .images img {
    scroll-snap-align: start;
  }

  .images:has(img + img) {
    grid-auto-columns: 85%;
  }

  .video-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  .video-controls label {
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: var(--_target-size);
  }

  .video-controls select {
    inline-size: auto;
  }

  .media-note {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  /* Dosage */
  .dosage {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 0.5rem;
    margin: 0;
  }

  .dose {
    padding: 0.4rem 0.6rem;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_color-surface-alt);
  }

  .dose.wide {
    grid-column: 1 / -1;
  }

  .dose dt {
    color: var(--_color-text-muted);
    font-size: 0.8em;
  }

  .dose dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  .side {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
  }

  .side-icon .worked {
    fill: currentColor;
    stroke: currentColor;
  }

  .side-icon .rest {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.2;
  }

  .side-icon .swap {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.3;
    stroke-linecap: round;
  }

  .side-icon {
    overflow: visible;
  }

  /* Logging */
  .log {
    display: grid;
    gap: 0.5rem;
    padding-block-start: 0.75rem;
    border-block-start: 1px solid var(--_color-border-subtle);
  }

  .log-status {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    min-block-size: 1.5em;
  }

  .log-status:empty {
    display: none;
  }

  .progress {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    font-weight: 600;
  }

  .progress.complete,
  .rating-saved {
    color: var(--_color-success);
  }

  .rating-saved {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    font-weight: 600;
  }

  .logged-at {
    color: var(--_color-text-muted);
    font-size: 0.9em;
  }

  .badge {
    padding: 0.05em 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    font-weight: 600;
  }

  .badge.waiting {
    color: var(--_color-warning);
  }

  .badge.rejected {
    color: var(--_color-danger);
  }

  .check {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }

  .button.done {
    min-inline-size: 8rem;
  }

  /* Actions */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block: var(--_space);
  }

  .state-card {
    display: grid;
    gap: 0.75rem;
  }

  .state {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }

`;
