/**
 * The one place that decides, for a message that is due, whether it goes now, waits, or never
 * goes. Every rule is applied here, in this order: a standing consent for the channel and kind,
 * an address that still works, then the quiet hours and the frequency caps (waiting moves the
 * message, never drops it, unless waiting would make it useless: a reminder after the visit).
 */
import { consentStands, type ConsentEvent, type MessageChannel, type MessageKind } from './consent-standing.js';
import { DEFAULT_FREQUENCY_CAPS, nextMomentWithinCaps, type FrequencyCaps } from './frequency-caps.js';
import { DEFAULT_SENDING_WINDOW, nextSendingMoment, type SendingWindow } from './quiet-hours.js';

export interface SendingQuestion {
  nowMs: number;
  channel: MessageChannel;
  kind: MessageKind;
  /** The patient's consent ledger (any order). */
  consentEvents: readonly ConsentEvent[];
  /** The address or number bounced, or the provider said it cannot receive. */
  addressSuppressed: boolean;
  /** When earlier messages of these kinds reached this patient (any channel). */
  sentAtMs: readonly number[];
  /** The patient's zone when known, else the clinic's. */
  timeZone: string;
  /** Past this instant the message is pointless (a reminder after the visit starts). */
  usefulUntilMs?: number;
  window?: SendingWindow;
  caps?: FrequencyCaps;
}

export type SendingDecision =
  | { action: 'send' }
  | { action: 'hold'; untilMs: number; reason: 'quiet-hours' | 'frequency-cap' }
  | { action: 'skip'; reason: 'no-consent' | 'address-suppressed' | 'too-late' };

export function decideSending(question: SendingQuestion): SendingDecision {
  if (!consentStands(question.consentEvents, question.channel, question.kind)) return { action: 'skip', reason: 'no-consent' };
  if (question.addressSuppressed) return { action: 'skip', reason: 'address-suppressed' };
  const window = question.window ?? DEFAULT_SENDING_WINDOW;
  const caps = question.caps ?? DEFAULT_FREQUENCY_CAPS;
  let candidate = question.nowMs;
  let reason: 'quiet-hours' | 'frequency-cap' | undefined;
  // Each rule can push the moment later; stop when both agree on it.
  for (let pass = 0; pass < 16; pass++) {
    const quiet = nextSendingMoment(candidate, question.timeZone, window);
    if (quiet !== candidate) reason ??= 'quiet-hours';
    const capped = nextMomentWithinCaps(quiet, question.sentAtMs, question.timeZone, caps);
    if (capped !== quiet) reason ??= 'frequency-cap';
    if (capped === candidate) break;
    candidate = capped;
  }
  if (question.usefulUntilMs !== undefined && candidate >= question.usefulUntilMs) return { action: 'skip', reason: 'too-late' };
  if (candidate === question.nowMs) return { action: 'send' };
  return { action: 'hold', untilMs: candidate, reason: reason ?? 'quiet-hours' };
}
