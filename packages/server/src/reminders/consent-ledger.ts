/**
 * The consent ledger: every grant and revocation of messages to a patient, per channel, with how
 * and when it was given. Append-only: rows are inserted and read, never updated or deleted, so the
 * ledger is the record a practice shows when asked why a message went out (or did not).
 */
import type { ReminderConsent } from '@pxm/core/booking';
import type { Queryable } from '../db/database.js';
import { newId } from '../tokens.js';
import type { ConsentEvent, ConsentSource, MessageChannel, MessageKind } from './rules/consent-standing.js';

/**
 * The booking element's consent wordings, and the kinds of message each names. The current one
 * says reminders and care links (intake form, exercise program, survey); a consent without a
 * version came from a wording that named reminders only.
 */
export const CONSENT_WORDING_SCOPES: Readonly<Record<string, readonly MessageKind[]>> = {
  'booking-2027-03': ['reminder', 'care'],
};
const LEGACY_SCOPES: readonly MessageKind[] = ['reminder'];

export interface LedgerEntry {
  id: string;
  patientId: string;
  channel: MessageChannel;
  scope: MessageKind | 'channel';
  granted: boolean;
  source: ConsentSource;
  wordingVersion?: string;
  language?: string;
  timeZone?: string;
  keyword?: string;
  appointmentId?: string;
  staffNote?: string;
  recordedAt: string;
}

interface LedgerRow {
  id: string;
  patient_id: string;
  channel: MessageChannel;
  scope: MessageKind | 'channel';
  granted: number;
  source: ConsentSource;
  wording_version: string | null;
  language: string | null;
  time_zone: string | null;
  keyword: string | null;
  appointment_id: string | null;
  staff_note: string | null;
  recorded_at: number;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'id' | 'recordedAt'> & { recordedAtMs: number };

export async function appendConsent(tx: Queryable, entry: NewLedgerEntry, nowMs: number): Promise<string> {
  const id = newId('consent');
  await tx.run(
    `INSERT INTO consent_events (id, patient_id, position, channel, scope, granted, source, wording_version, language, time_zone, keyword, appointment_id, staff_note, recorded_at, created_at)
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM consent_events WHERE patient_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      id,
      entry.patientId,
      entry.channel,
      entry.scope,
      entry.granted ? 1 : 0,
      entry.source,
      entry.wordingVersion ?? null,
      entry.language ?? null,
      entry.timeZone ?? null,
      entry.keyword ?? null,
      entry.appointmentId ?? null,
      entry.staffNote ?? null,
      entry.recordedAtMs,
      nowMs,
    ],
  );
  return id;
}

/** The consents given in the booking element, one ledger row per channel and kind the wording names. */
export async function appendBookingConsents(
  tx: Queryable,
  patientId: string,
  appointmentId: string,
  consents: readonly ReminderConsent[],
  source: 'booking' | 'waitlist',
  nowMs: number,
): Promise<void> {
  // Sent together (pipelined on PostgreSQL) in order: each row's position counts the ones before it.
  const appended: Promise<string>[] = [];
  for (const consent of consents) {
    const scopes = consent.wordingVersion ? (CONSENT_WORDING_SCOPES[consent.wordingVersion] ?? LEGACY_SCOPES) : LEGACY_SCOPES;
    for (const scope of scopes) {
      appended.push(
        appendConsent(
          tx,
          {
            patientId,
            channel: consent.channel,
            scope,
            granted: consent.granted,
            source,
            ...(consent.wordingVersion ? { wordingVersion: consent.wordingVersion } : {}),
            ...(consent.language ? { language: consent.language } : {}),
            ...(consent.timeZone ? { timeZone: consent.timeZone } : {}),
            appointmentId,
            // A moment in the future would outrank later answers: it is taken as now.
            recordedAtMs: Math.min(Date.parse(consent.recordedAt), nowMs),
          },
          nowMs,
        ),
      );
    }
  }
  await Promise.all(appended);
}

function entryOf(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    patientId: row.patient_id,
    channel: row.channel,
    scope: row.scope,
    granted: row.granted === 1,
    source: row.source,
    ...(row.wording_version ? { wordingVersion: row.wording_version } : {}),
    ...(row.language ? { language: row.language } : {}),
    ...(row.time_zone ? { timeZone: row.time_zone } : {}),
    ...(row.keyword ? { keyword: row.keyword } : {}),
    ...(row.appointment_id ? { appointmentId: row.appointment_id } : {}),
    ...(row.staff_note ? { staffNote: row.staff_note } : {}),
    recordedAt: new Date(Number(row.recorded_at)).toISOString(),
  };
}

export async function ledgerOf(db: Queryable, patientId: string): Promise<LedgerEntry[]> {
  const rows = await db.all<LedgerRow>(
    `SELECT id, patient_id, channel, scope, granted, source, wording_version, language, time_zone, keyword, appointment_id, staff_note, recorded_at
       FROM consent_events WHERE patient_id = $1 ORDER BY recorded_at, position`,
    [patientId],
  );
  return rows.map(entryOf);
}

/** The patient's own zone, as the latest entry that knew it says. */
export function patientTimeZoneOf(entries: readonly LedgerEntry[]): string | undefined {
  return entries.filter((entry) => entry.timeZone).at(-1)?.timeZone;
}

/** The ledger as the sending rules read it. */
export function consentEventsOf(entries: readonly LedgerEntry[]): ConsentEvent[] {
  return entries.map((entry) => ({
    channel: entry.channel,
    scope: entry.scope,
    granted: entry.granted,
    source: entry.source,
    recordedAtMs: Date.parse(entry.recordedAt),
  }));
}
