/**
 * Whether a patient's consent for one channel and one kind of message stands, read from the
 * append-only consent ledger. Two things are kept apart on purpose: the consent a patient gave for
 * a kind of message (at booking, or entered by staff), and a carrier keyword (STOP ... START) that
 * silences a whole channel. START lifts the silence; it never grants a kind never consented to.
 */

export type MessageChannel = 'sms' | 'email';
/** Appointment reminders, or other care messages (intake link, exercise program, survey). */
export type MessageKind = 'reminder' | 'care';
export type ConsentSource = 'booking' | 'waitlist' | 'staff' | 'keyword' | 'unsubscribe-link';

export interface ConsentEvent {
  channel: MessageChannel;
  /** A kind of message, or `channel` for an opt-out/opt-in of the whole channel (a keyword). */
  scope: MessageKind | 'channel';
  granted: boolean;
  source: ConsentSource;
  /** When the patient decided (epoch ms): what orders the ledger. */
  recordedAtMs: number;
}

function latest(events: readonly ConsentEvent[], matches: (event: ConsentEvent) => boolean): ConsentEvent | undefined {
  let found: ConsentEvent | undefined;
  for (const event of events) {
    // On a tie the later entry in the ledger wins: it was written after.
    if (matches(event) && (!found || event.recordedAtMs >= found.recordedAtMs)) found = event;
  }
  return found;
}

/** True when the channel was silenced by a keyword (or an unsubscribe link) and not reopened. */
export function channelOptedOut(events: readonly ConsentEvent[], channel: MessageChannel): boolean {
  const last = latest(events, (event) => event.channel === channel && event.scope === 'channel');
  return last !== undefined && !last.granted;
}

/** A message of this kind may go out on this channel: a consent was given, not revoked, and the channel is open. */
export function consentStands(events: readonly ConsentEvent[], channel: MessageChannel, kind: MessageKind): boolean {
  if (channelOptedOut(events, channel)) return false;
  const last = latest(events, (event) => event.channel === channel && event.scope === kind);
  return last?.granted === true;
}
