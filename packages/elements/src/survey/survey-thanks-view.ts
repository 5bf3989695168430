/**
 * After sending: thanks, the practice's review links (the same for every respondent) and, beside
 * them, a private note to the practice. A pure view over what it is given.
 */
import { html, type TemplateResult } from 'lit';
import { characterCount, segmentedText, type NpsSegment, type SurveyInvitation } from '@pxm/core/survey';
import type { ReviewSite } from '@pxm/core/booking';
import type { LocalizeController } from '../l10n/localize-controller.js';
import { REVIEW_SITE_NAMES, renderReviewPrompt } from './review-prompt.js';
import type { SurveyMessages } from './survey.messages.en.js';
import { counterText, renderTextField } from './text-field.js';

/** The longest private note, in characters as people count them. */
export const NOTE_LIMIT = 2000;

/** The private note as the patient writes and sends it. */
export interface NoteState {
  text: string;
  sending: boolean;
  sent: boolean;
  error: string | undefined;
}

export const EMPTY_NOTE: NoteState = { text: '', sending: false, sent: false, error: undefined };

export interface SurveyThanksView {
  msg: LocalizeController<SurveyMessages>;
  invitation: SurveyInvitation;
  segment: NpsSegment | undefined;
  /** The adapter takes private notes (`sendFeedback`); otherwise the practice's name is offered instead. */
  canSendNote: boolean;
  note: NoteState;
  announcement: string;
  onReviewOpen(site: ReviewSite): void;
  onNoteInput(text: string): void;
  onNoteSend(): void;
}

export function renderSurveyThanks(view: SurveyThanksView): TemplateResult {
  const { msg, invitation, segment } = view;
  const { definition, practiceName } = invitation;
  const reviewKey = segment === 'detractor' ? 'reviewDetractor' : segment === 'promoter' ? 'reviewPromoter' : 'reviewDefault';
  return html`<section class="thanks" part="thanks">
    <h2 class="title" part="title" tabindex="-1" data-focus-target>${msg.text('thanksTitle')}</h2>
    <p>${segmentedText(definition.thankYou, segment) ?? msg.text('thanksText')}</p>
    <slot name="thanks"></slot>
    <div class="follow-up">
      ${renderReviewPrompt({
        title: msg.text('reviewTitle'),
        text: segmentedText(definition.reviewPrompt, segment) ?? msg.text(reviewKey),
        links: invitation.reviewLinks,
        linkText: (link) => msg.text('reviewOn', link.label ?? REVIEW_SITE_NAMES[link.site] ?? msg.text('siteOther')),
        newTab: msg.text('newTab'),
        onOpen: view.onReviewOpen,
      })}
      <section class="card" part="feedback" aria-labelledby="feedback-title">
        <h3 id="feedback-title">${msg.text('privateTitle', practiceName)}</h3>
        ${renderNote(view)}
      </section>
    </div>
  </section>`;
}

/** A private note to the practice, always beside the review links and never in their place. */
function renderNote(view: SurveyThanksView): TemplateResult {
  const { msg, note } = view;
  if (!view.canSendNote) return html`<p>${msg.text('privateFallback', view.invitation.practiceName)}</p>`;
  if (note.sent) return html`<p class="notice success" role="status">${msg.text('privateSent')}</p>`;
  return html`<p class="hint">${msg.text('privateText')}</p>
    ${renderTextField({
      id: 'private-note',
      label: msg.text('privateLabel'),
      value: note.text,
      used: characterCount(note.text),
      limit: NOTE_LIMIT,
      counter: counterText(msg, NOTE_LIMIT, note.text),
      required: false,
      error: note.error,
      onInput: view.onNoteInput,
      onBlur: () => undefined,
    })}
    <button type="button" class="button" part="feedback-send" aria-disabled=${note.sending ? 'true' : 'false'} @click=${view.onNoteSend}>
      ${msg.text('privateSend')}
    </button>
    <p class="visually-hidden" aria-live="polite">${view.announcement}</p>`;
}
