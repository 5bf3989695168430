/**
 * Headings whose level the page chooses (`heading-level`): the element's top heading sits one
 * below the page's own, and every sub-heading one below its parent, so no level is skipped
 * whichever view shows (the confirmation has no form title above it).
 */
import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';

const HEADING_TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

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

/** A heading of `level` (already kept within h1–h6 by `headingLevelOf`). */
export function heading(level: number, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const tag = HEADING_TAGS[level - 1] ?? HEADING_TAGS[HEADING_TAGS.length - 1]!;
  return staticHtml`<${tag}
    id=${options.id ?? nothing}
    class=${options.className ?? nothing}
    part=${options.part ?? nothing}
    tabindex=${options.focusTarget ? '-1' : nothing}
    ?data-done-title=${options.doneTitle ?? false}
  >${content}</${tag}>`;
}
