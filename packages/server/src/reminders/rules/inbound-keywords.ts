/**
 * What an inbound SMS asks for. The carriers' opt-out words (CANCEL among them: a patient who
 * texts CANCEL is opted out, never has a visit cancelled) are honoured at once; rescheduling and
 * cancelling happen only through the manage link.
 */

export type InboundIntent = 'confirm' | 'opt-out' | 'opt-in' | 'help' | 'other';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT']);
const OPT_IN = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);
const CONFIRM = new Set(['C', 'YES', 'Y', 'CONFIRM', 'SI', 'SÍ']);

/** The whole message, trimmed, upper-cased, inner spaces collapsed and end punctuation dropped, is the keyword. */
export function classifyInboundSms(body: string): InboundIntent {
  const word = body.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').toUpperCase();
  if (OPT_OUT.has(word)) return 'opt-out';
  if (OPT_IN.has(word)) return 'opt-in';
  if (HELP.has(word)) return 'help';
  if (CONFIRM.has(word)) return 'confirm';
  return 'other';
}
