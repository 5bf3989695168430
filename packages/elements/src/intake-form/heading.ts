/**
 * Headings whose level the page chooses (`heading-level`): the element's top heading sits one
 * below the page's own, and every sub-heading one below its parent, so no level is skipped
 * whichever view shows (the confirmation has no form title above it).
 */
import { html, nothing, type TemplateResult } from 'lit';

/** The element's top heading level when the page sets none. */
export const DEFAULT_HEADING_LEVEL = 2;

/** A level kept within h1–h6 (an out-of-range or missing attribute falls back to the default). */
export function headingLevelOf(level: number | undefined, depth = 0): number {
  const top = Number.isInteger(level) && level! >= 1 && level! <= 6 ? level! : DEFAULT_HEADING_LEVEL;
  return Math.min(top + depth, 6);
}

export interface HeadingOptions {
  id?: string;
  className?: string;
  part?: string;
  /** Focus is moved to it (a new page, the confirmation): focusable by script only. */
  focusTarget?: boolean;
  /** Marks the confirmation's title, where focus goes after a submit. */
  doneTitle?: boolean;
}

type HeadingTemplate = (options: HeadingOptions, content: unknown) => TemplateResult;

/**
 * One template per level, written out: a tag cannot be a binding, and lit's static templates
 * would add their runtime to every page with an intake form for six short lines.
 */
const HEADINGS: readonly HeadingTemplate[] = [
  (options, content) => html`<h1 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h1>`,
  (options, content) => html`<h2 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h2>`,
  (options, content) => html`<h3 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h3>`,
  (options, content) => html`<h4 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h4>`,
  (options, content) => html`<h5 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h5>`,
  (options, content) => html`<h6 id=${options.id ?? nothing} class=${options.className ?? nothing} part=${options.part ?? nothing} tabindex=${options.focusTarget ? '-1' : nothing} ?data-done-title=${options.doneTitle ?? false}>${content}</h6>`,
];

/** A heading of `level` (already kept within h1–h6 by `headingLevelOf`). */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const template = HEADINGS[level - 1] ?? HEADINGS[HEADINGS.length - 1]!;
  return template(options, content);
}
