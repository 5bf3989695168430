/**
 * What comes back from patients and providers: inbound SMS (confirm, the carriers' opt-out and
 * opt-in words, HELP, and anything else for staff), delivery-status callbacks, one-click email
 * unsubscribes; and the staff side: the consent ledger, the replies queue, confirmations.
 */
import { AdapterError } from '@pxm/core';
import type { HepProgram } from '@pxm/core/hep';
import type { SurveyDefinition } from '@pxm/core/survey';
import type { ServerContext } from '../context.js';
import { newId } from '../tokens.js';
import { appendConsent, ledgerOf, type LedgerEntry } from '../reminders/consent-ledger.js';
import { suppressAddress } from '../reminders/contact-suppression.js';
import { completeVisit, dischargePatient } from '../reminders/journey.js';
import { readUnsubscribeToken } from '../reminders/message-links.js';
import { confirmVisit, type ConfirmationChannel } from '../reminders/visit-confirmation.js';
import { classifyInboundSms } from '../reminders/rules/inbound-keywords.js';
import type { MessageChannel, MessageKind } from '../reminders/rules/consent-standing.js';
import type { SmsInbound, SmsStatusReport } from '../reminders/sms-provider.js';
import { phoneKey } from './patients.js';

/** The answers to keywords, in the patient's language where the server knows it. */
const KEYWORD_REPLIES = {
  en: {
    optOut: (practice: string) => `${practice}: you are unsubscribed and will get no more texts. Reply START to resubscribe.`,
    optIn: (practice: string) => `${practice}: you will get appointment texts again. Reply STOP to opt out.`,
    help: (practice: string, phone: string) => `${practice}: appointment texts. Call ${phone} for help. Reply STOP to opt out. Msg&data rates may apply.`,
    confirmed: (practice: string) => `${practice}: thank you, your visit is confirmed.`,
    noVisit: (practice: string, phone: string) => `${practice}: we found no upcoming visit to confirm. Call ${phone}.`,
  },
  es: {
    optOut: (practice: string) => `${practice}: se ha dado de baja y no recibira mas mensajes. Responda START para volver.`,
    optIn: (practice: string) => `${practice}: volvera a recibir mensajes de citas. Responda STOP para darse de baja.`,
    help: (practice: string, phone: string) => `${practice}: mensajes de citas. Llame al ${phone} para ayuda. Responda STOP para darse de baja.`,
    confirmed: (practice: string) => `${practice}: gracias, su cita esta confirmada.`,
    noVisit: (practice: string, phone: string) => `${practice}: no encontramos una cita proxima. Llame al ${phone}.`,
  },
} as const;

export interface InboundOutcome {
  intent: ReturnType<typeof classifyInboundSms>;
  reply?: string;
}

export function createMessagingService(ctx: ServerContext) {
  const { db } = ctx;
  const nowMs = () => ctx.now().getTime();

  /** Every patient record with this number (a family may share one phone): keywords apply to all. */
  async function patientsWithPhone(phone: string): Promise<string[]> {
    const key = phoneKey(phone);
    if (!key) return [];
    return (await db.all<{ id: string }>('SELECT id FROM patients WHERE phone_key = $1 ORDER BY created_at', [key])).map((row) => row.id);
  }

  async function languageOf(patientIds: readonly string[]): Promise<'en' | 'es'> {
    for (const patientId of patientIds) {
      const latest = (await ledgerOf(db, patientId)).filter((entry) => entry.language).at(-1);
      if (latest?.language === 'es') return 'es';
      if (latest?.language === 'en') return 'en';
    }
    return 'en';
  }

  async function confirmNextVisit(patientIds: readonly string[], via: ConfirmationChannel): Promise<string | undefined> {
    if (patientIds.length === 0) return undefined;
    const now = nowMs();
    const visit = await db.get<{ id: string }>(
      `SELECT id FROM appointments WHERE patient_id IN (${patientIds.map((_, index) => `$${index + 2}`).join(', ')}) AND status = 'booked' AND start_ms > $1
        ORDER BY start_ms LIMIT 1`,
      [now, ...patientIds],
    );
    if (!visit) return undefined;
    await markConfirmed(visit.id, via);
    return visit.id;
  }

  async function markConfirmed(appointmentId: string, via: ConfirmationChannel): Promise<void> {
    await confirmVisit(ctx, appointmentId, via);
  }

  return {
    markConfirmed,
    completeVisit: (appointmentId: string, program: HepProgram | undefined) => completeVisit(ctx, appointmentId, program),
    discharge: (appointmentId: string, survey: SurveyDefinition) => dischargePatient(ctx, appointmentId, survey),

    /** One inbound SMS: recorded once per provider id (a redelivered callback changes nothing), acted on, answered. */
    async receiveSms(inbound: SmsInbound): Promise<InboundOutcome> {
      const now = nowMs();
      const intent = classifyInboundSms(inbound.body);
      const patientIds = await patientsWithPhone(inbound.from);
      const config = await ctx.catalogue.get();
      const practice = config.practice.name;
      const phone = config.practice.phone ?? '';
      const words = KEYWORD_REPLIES[await languageOf(patientIds)];
      const fresh = await db.run(
        `INSERT INTO inbound_messages (id, channel, provider_message_id, patient_id, intent, body, handled, received_at)
         VALUES ($1, 'sms', $2, $3, $4, $5, $6, $7) ON CONFLICT (provider_message_id) DO NOTHING`,
        [newId('reply'), inbound.providerMessageId, patientIds[0] ?? null, intent, intent === 'other' ? inbound.body.slice(0, 1600) : null, intent === 'other' ? 'queued' : 'automatic', now],
      );
      if (fresh === 0) return { intent };
      switch (intent) {
        case 'opt-out':
        case 'opt-in':
          for (const patientId of patientIds) {
            await appendConsent(db, { patientId, channel: 'sms', scope: 'channel', granted: intent === 'opt-in', source: 'keyword', keyword: inbound.body.trim().toUpperCase().slice(0, 20), recordedAtMs: now }, now);
          }
          return { intent, reply: intent === 'opt-out' ? words.optOut(practice) : words.optIn(practice) };
        case 'help':
          return { intent, reply: words.help(practice, phone) };
        case 'confirm':
          return { intent, reply: (await confirmNextVisit(patientIds, 'sms')) ? words.confirmed(practice) : words.noVisit(practice, phone) };
        default: {
          const queued = await db.get<{ id: string }>('SELECT id FROM inbound_messages WHERE provider_message_id = $1', [inbound.providerMessageId]);
          await ctx.messaging.notifyPractice({ kind: 'reply.queued', replyId: queued!.id, ...(patientIds[0] ? { patientId: patientIds[0] } : {}) });
          return { intent };
        }
      }
    },

    /** A delivery report: the message's state moves on; a number that cannot receive is marked. */
    async recordDeliveryStatus(messageId: string, report: SmsStatusReport): Promise<void> {
      const now = nowMs();
      for (const table of ['reminders', 'care_messages']) {
        const row = await db.get<{ id: string; patient_id: string | null; provider_message_id: string | null }>(
          `SELECT id, patient_id, provider_message_id FROM ${table} WHERE id = $1`,
          [messageId],
        );
        if (!row) continue;
        // The provider id is learned here too: a worker that died after the hand-over never stored it.
        if (row.provider_message_id && row.provider_message_id !== report.providerMessageId) return;
        await db.run(
          `UPDATE ${table} SET delivery_status = $2, delivery_updated_at = $3, provider_message_id = $4,
                  last_error = CASE WHEN $5 = '' THEN last_error ELSE $5 END WHERE id = $1`,
          [row.id, report.status, now, report.providerMessageId, report.errorCode ? `provider error ${report.errorCode}` : ''],
        );
        // A message whose sender died after the hand-over was marked unknown: the provider says it went.
        if (report.status === 'sent' || report.status === 'delivered') {
          await db.run(
            `UPDATE ${table} SET status = 'sent', sent_at = handed_at, last_error = NULL WHERE id = $1 AND status = 'failed' AND handed_at IS NOT NULL AND last_error LIKE '%delivery unknown%'`,
            [row.id],
          );
        }
        if (report.numberUnreachable && row.patient_id) {
          const contact = await db.get<{ phone: string | null }>('SELECT phone FROM patients WHERE id = $1', [row.patient_id]);
          if (contact?.phone) await suppressAddress(db, 'sms', contact.phone, `provider error ${report.errorCode ?? ''}`.trim(), now);
          await ctx.messaging.notifyPractice({ kind: 'contact.undeliverable', patientId: row.patient_id, channel: 'sms', messageId: row.id });
        }
        return;
      }
    },

    /** One-click unsubscribe from an email's List-Unsubscribe link. */
    async unsubscribe(token: string): Promise<void> {
      const claim = readUnsubscribeToken(ctx, token);
      if (!claim) throw new AdapterError('token_invalid', 'This unsubscribe link is not valid.', { operation: 'messaging.unsubscribe' });
      const now = nowMs();
      await appendConsent(db, { patientId: claim.patientId, channel: claim.channel, scope: 'channel', granted: false, source: 'unsubscribe-link', recordedAtMs: now }, now);
    },

    ledger: (patientId: string): Promise<LedgerEntry[]> => ledgerOf(db, patientId),

    /** Staff record what a patient told them (on the phone, at the desk): a grant or a revocation. */
    async recordStaffConsent(patientId: string, input: { channel: MessageChannel; scope: MessageKind | 'channel'; granted: boolean; note?: string | undefined }): Promise<LedgerEntry[]> {
      const exists = await db.get('SELECT id FROM patients WHERE id = $1', [patientId]);
      if (!exists) throw new AdapterError('not_found', 'Unknown patient.', { operation: 'admin.recordConsent' });
      const now = nowMs();
      await appendConsent(db, { patientId, channel: input.channel, scope: input.scope, granted: input.granted, source: 'staff', ...(input.note ? { staffNote: input.note } : {}), recordedAtMs: now }, now);
      return ledgerOf(db, patientId);
    },

    /** The staff queue: replies that were not keywords, oldest first. */
    async replies(query: { state: 'queued' | 'done'; limit: number }) {
      const rows = await db.all<{ id: string; channel: string; patient_id: string | null; body: string | null; handled: string; received_at: number }>(
        "SELECT id, channel, patient_id, body, handled, received_at FROM inbound_messages WHERE intent = 'other' AND handled = $1 ORDER BY received_at LIMIT $2",
        [query.state, query.limit],
      );
      return rows.map((row) => ({
        id: row.id,
        channel: row.channel,
        ...(row.patient_id ? { patientId: row.patient_id } : {}),
        body: row.body ?? '',
        state: row.handled,
        receivedAt: new Date(Number(row.received_at)).toISOString(),
      }));
    },

    async closeReply(id: string): Promise<void> {
      const changed = await db.run("UPDATE inbound_messages SET handled = 'done' WHERE id = $1 AND intent = 'other'", [id]);
      if (changed === 0) throw new AdapterError('not_found', 'Unknown reply.', { operation: 'admin.closeReply' });
    },

    async appointmentState(appointmentId: string) {
      const row = await db.get<{ id: string; status: string; patient_id: string; confirmed_at: number | null; confirmed_via: string | null; completed_at: number | null; discharged_at: number | null }>(
        'SELECT id, status, patient_id, confirmed_at, confirmed_via, completed_at, discharged_at FROM appointments WHERE id = $1',
        [appointmentId],
      );
      if (!row) throw new AdapterError('not_found', 'Unknown appointment.', { operation: 'admin.getAppointment' });
      const at = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)).toISOString());
      return {
        id: row.id,
        status: row.status,
        patientId: row.patient_id,
        ...(row.confirmed_at !== null ? { confirmedAt: at(row.confirmed_at), confirmedVia: row.confirmed_via } : {}),
        ...(row.completed_at !== null ? { completedAt: at(row.completed_at) } : {}),
        ...(row.discharged_at !== null ? { dischargedAt: at(row.discharged_at) } : {}),
      };
    },
  };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
