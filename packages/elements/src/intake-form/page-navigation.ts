/**
 * Where "Next", "Back" and "Submit" lead, decided from the answers: a page with problems keeps
 * the patient on it; pages hidden by the answers are skipped; a page reached from the review
 * page leads back to it.
 */
import type { FieldIssue, FormEngine } from '@pxm/core/forms';
import { issuesOn, type FieldState } from './field-validation.js';
import { REVIEW_PAGE_ID } from './review-page-id.js';

export type ForwardStep = { readonly issues: FieldIssue[]; readonly pageId?: undefined } | { readonly issues?: undefined; readonly pageId: string };

/** The page after `pageId`, or the problems that keep the patient on it. */
export function pageForward(engine: FormEngine, fields: FieldState, pageId: string, returnToReview: boolean, today: string): ForwardStep {
  const issues = issuesOn(engine, fields, pageId, today);
  if (issues.length > 0) return { issues };
  if (returnToReview) return { pageId: REVIEW_PAGE_ID };
  const pages = engine.visiblePages();
  const index = pages.findIndex((page) => page.id === pageId);
  return { pageId: pages[index + 1]?.id ?? REVIEW_PAGE_ID };
}

/** The page before `pageId` (the last page, from the review page); undefined on the first. */
export function pageBackward(engine: FormEngine, pageId: string): string | undefined {
  const pages = engine.visiblePages();
  if (pageId === REVIEW_PAGE_ID) return pages[pages.length - 1]?.id;
  const index = pages.findIndex((page) => page.id === pageId);
  return index > 0 ? pages[index - 1]!.id : undefined;
}

/** The first shown page with problems, and its problems: submitting takes the patient there. */
export function firstIncompletePage(engine: FormEngine, fields: FieldState, today: string): { pageId: string; issues: FieldIssue[] } | undefined {
  for (const page of engine.visiblePages()) {
    const issues = issuesOn(engine, fields, page.id, today);
    if (issues.length > 0) return { pageId: page.id, issues };
  }
  return undefined;
}

/** The page to resume on: the draft's, when still shown, else the first. */
export function resumePageId(engine: FormEngine, draftPageId: string | undefined): string {
  if (draftPageId === REVIEW_PAGE_ID) return REVIEW_PAGE_ID;
  const pages = engine.visiblePages();
  return pages.some((page) => page.id === draftPageId) ? draftPageId! : (pages[0]?.id ?? '');
}
