/**
 * Who an outbox message goes to: the channels on which the consent ledger lets a kind of message
 * reach the patient, with the address, and what each row keeps sealed until it is sent.
 */
import type { ReminderConsent } from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import { consentEventsOf, ledgerOf } from './consent-ledger.js';
import type { MessageLanguage } from './message-templates.js';
import { consentStands, type MessageChannel, type MessageKind } from './rules/consent-standing.js';

/** What an outbox row keeps sealed until it is sent (then it is wiped). */
export interface OutboxPayload {
  to: string;
  manageToken?: string;
  /** The token of the link a journey step carries (intake, program, survey). */
  linkToken?: string;
  /** The intake link's id: its nudge is not sent once the forms are in. */
  intakeLinkId?: string;
  patientFirstName?: string;
}

/** The patient's language: the one they read the consent in, English otherwise. */
export function languageOf(consents: readonly ReminderConsent[]): MessageLanguage {
  return consents.find((consent) => consent.language)?.language ?? 'en';
}

export interface PatientContact {
  first_name: string | null;
  phone: string | null;
  email: string | null;
}

export async function contactOf(tx: Queryable, patientId: string): Promise<PatientContact | undefined> {
  return tx.get<PatientContact>('SELECT first_name, phone, email FROM patients WHERE id = $1', [patientId]);
}

/** The channels on which the ledger lets messages of `kind` go to this patient, with their address. */
export async function reachableChannels(tx: Queryable, patientId: string, kind: MessageKind): Promise<{ channel: MessageChannel; to: string; firstName?: string }[]> {
  // Both reads in one round trip (pipelined on PostgreSQL).
  const [ledger, contact] = await Promise.all([ledgerOf(tx, patientId), contactOf(tx, patientId)]);
  const events = consentEventsOf(ledger);
  const reachable: { channel: MessageChannel; to: string; firstName?: string }[] = [];
  for (const channel of ['sms', 'email'] as const) {
    const to = channel === 'sms' ? contact?.phone : contact?.email;
    if (to && consentStands(events, channel, kind)) reachable.push({ channel, to, ...(contact?.first_name ? { firstName: contact.first_name } : {}) });
  }
  return reachable;
}
