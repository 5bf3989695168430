/**
 * The links a message carries: the patient's manage link (reminders), or the journey step's own
 * link (intake form, exercise program, survey), each made from the practice's page address with
 * the link token in it; and, for email, the one-click unsubscribe address on this server.
 */
import type { ServerContext } from '../context.js';
import type { MessageStep } from './message-templates.js';
import type { OutboxPayload } from './outbox-recipients.js';
import type { MessageChannel } from './rules/consent-standing.js';

/** Page addresses with `{token}` where the link token goes: `https://clinic.example/visit#{token}`. */
export interface LinkTemplates {
  manage?: string;
  intake?: string;
  hep?: string;
  survey?: string;
}

const TEMPLATE_OF: Record<MessageStep, keyof LinkTemplates> = {
  reminder: 'manage',
  intake: 'intake',
  'intake-nudge': 'intake',
  'exercise-program': 'hep',
  survey: 'survey',
};

/** What an unsubscribe token opens to: the patient and the channel to stop. */
export interface UnsubscribeClaim {
  patientId: string;
  channel: MessageChannel;
}

export function unsubscribeToken(ctx: ServerContext, claim: UnsubscribeClaim): string {
  return ctx.sealer.seal(JSON.stringify({ p: claim.patientId, c: claim.channel }));
}

export function readUnsubscribeToken(ctx: ServerContext, token: string): UnsubscribeClaim | undefined {
  const opened = ctx.sealer.open(token);
  if (opened === undefined) return undefined;
  const claim = JSON.parse(opened) as { p?: unknown; c?: unknown };
  if (typeof claim.p !== 'string' || (claim.c !== 'sms' && claim.c !== 'email')) return undefined;
  return { patientId: claim.p, channel: claim.c };
}

export function appointmentLinks(
  ctx: ServerContext,
  input: { step: MessageStep; payload: OutboxPayload; patientId: string; channel: MessageChannel },
): { link?: string; unsubscribeUrl?: string } {
  const template = ctx.messaging.links[TEMPLATE_OF[input.step]];
  const token = input.step === 'reminder' ? input.payload.manageToken : input.payload.linkToken;
  const link = template && token ? template.replace('{token}', encodeURIComponent(token)) : undefined;
  const base = ctx.messaging.publicUrl?.replace(/\/$/, '');
  const unsubscribeUrl = input.channel === 'email' && base ? `${base}/messaging/unsubscribe/${unsubscribeToken(ctx, input)}` : undefined;
  return { ...(link ? { link } : {}), ...(unsubscribeUrl ? { unsubscribeUrl } : {}) };
}
