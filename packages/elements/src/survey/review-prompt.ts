/**
 * The review invitation, done the compliant way: every respondent sees the same links whatever
 * their score (only the sentence above them may change), nothing asks for a rating or offers
 * anything, each link is the practice's own address untouched (no score, no health detail), and
 * opens in a new tab without a handle back to this page. Private feedback sits beside it, never
 * in its place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewLink, ReviewSite } from '@pxm/core/booking';

export interface ReviewPromptView {
  title: string;
  text: string;
  links: readonly ReviewLink[];
  /** Visible text of a link, e.g. "Write a review on Google". */
  linkText(link: ReviewLink): string;
  newTab: string;
  onOpen(site: ReviewSite): void;
}

/** Brand names stay as they are in every language. */
export const REVIEW_SITE_NAMES: Partial<Record<ReviewSite, string>> = { google: 'Google', facebook: 'Facebook', yelp: 'Yelp' };

export function renderReviewPrompt(view: ReviewPromptView): TemplateResult | typeof nothing {
  if (view.links.length === 0) return nothing;
  return html`<section class="card" part="review" aria-labelledby="review-title">
    <h3 id="review-title">${view.title}</h3>
    <p>${view.text}</p>
    <ul class="links">
      ${view.links.map(
        (link) => html`<li>
          <a
            class="button"
            part="review-link"
            href=${link.url}
            target="_blank"
            rel="noopener noreferrer"
            data-site=${link.site}
            @click=${() => view.onOpen(link.site)}
            @auxclick=${(event: MouseEvent) => event.button === 1 && view.onOpen(link.site)}
            >${view.linkText(link)}<span class="visually-hidden"> ${view.newTab}</span></a
          >
        </li>`,
      )}
    </ul>
  </section>`;
}
