/**
 * Fills one practice of the growth plan (growth-plan.ts) in its own PostgreSQL space, which the
 * operator API created and the server's migrations built: catalogue, patients, a year of visits
 * (past and future, `visitsPerProviderDay` a provider a working day) and the slot claims of the
 * future ones. Rows go in with `unnest` over arrays, thousands a statement: a year of a practice
 * in seconds rather than a booking at a time. Time is the `now` given, never the machine's clock;
 * visit times come from a generator seeded by the practice's position, so every run is the same.
 *
 * `scheduleNextDayReminders` books tomorrow's reminders the way a booking does (the server's own
 * consent ledger and outbox code), for the benchmark's reminder run.
 */
import type { ReminderConsent } from '@pxm/core/booking';
import { addDays, eachDate, localDateIn, weekdayOf, zonedTimeToInstant } from '@pxm/core/time';
import type { ServerContext } from '../context.js';
import type { Database, Queryable, SqlValue } from '../db/database.js';
import { DEFAULT_JOURNEY } from '../reminders/messaging-settings.js';
import { scheduleReminders } from '../reminders/outbox-schedule.js';
import { createSealer } from '../secrets.js';
import { cellsOf } from '../services/claims.js';
import type { AppointmentRow } from '../services/booking-service.js';
import { emailKey, nameKey, phoneKey } from '../services/patients.js';
import { hashToken } from '../tokens.js';
import { growthCatalogue, type GrowthPlan, type GrowthPractice } from './growth-plan.js';

/** Start hours a visit may take (each visit and its buffer fill one hour; lunch is 12:00). */
const START_HOURS = [8, 9, 10, 11, 13, 14, 15, 16];
const ROWS_PER_STATEMENT = 5_000;
/** Patients on file per provider (past and future visits are spread over them). */
const PATIENTS_PER_PROVIDER = 40;
const DURATION_MINUTES: Record<string, { duration: number; buffer: number }> = { 'follow-up': { duration: 45, buffer: 15 }, 'telehealth-check-in': { duration: 30, buffer: 0 } };

/** A small deterministic generator (mulberry32): the same visits on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Inserts rows column by column: node-postgres sends each JS array as a PostgreSQL array, and
 * `unnest` turns them back into rows. `types` are the columns' PostgreSQL types.
 */
async function insertColumns(tx: Queryable, table: string, columns: readonly string[], types: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const list = columns.join(', ');
  const arrays = types.map((type, position) => `$${position + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = columns.map((_, column) => part.map((row) => row[column] ?? null));
    await tx.run(`INSERT INTO ${table} (${list}) SELECT * FROM unnest(${arrays})`, values as unknown as SqlValue[]);
  }
}

export interface SeededPractice {
  appointments: number;
  claims: number;
  patients: number;
}

function patientRow(id: string, number: number, nowMs: number): SqlValue[] {
  const lastName = `Patient${number}`;
  const phone = `+1 303-555-${String(number % 10_000).padStart(4, '0')}`;
  const email = `patient${number}@example.com`;
  return [id, 'Pat', lastName, nameKey(lastName), '1980-01-01', phone, phoneKey(phone), email, emailKey(email), nowMs, 0];
}

const PATIENT_COLUMNS = ['id', 'first_name', 'last_name', 'last_name_key', 'date_of_birth', 'phone', 'phone_key', 'email', 'email_key', 'created_at', 'unverified'];
const PATIENT_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'int'];
const APPOINTMENT_COLUMNS = [
  'id', 'manage_token_hash', 'status', 'location_id', 'provider_id', 'appointment_type_id', 'start_ms', 'end_ms',
  'occupied_end_ms', 'time_zone', 'patient_id', 'consents', 'hold_id', 'created_at',
];
const APPOINTMENT_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'text', 'text', 'text', 'text', 'bigint'];

/** The practice's "tomorrow" visits: on the day after `now` in their location's zone. */
export function isNextDayVisit(startMs: number, timeZone: string, nowMs: number): boolean {
  return localDateIn(startMs, timeZone) === addDays(localDateIn(nowMs, timeZone), 1);
}

/** Fills an empty practice space; true when it did (false: it already holds a practice). */
export async function seedGrowthPractice(db: Database, practice: GrowthPractice, plan: GrowthPlan, now: Date): Promise<SeededPractice | undefined> {
  const nowMs = now.getTime();
  const catalogue = growthCatalogue(practice);
  const random = generator(practice.index + 1);
  return db.transaction(async (tx) => {
    if (await tx.get('SELECT id FROM practice')) return undefined;
    await insertColumns(tx, 'locations', ['id', 'position', 'doc'], ['text', 'int', 'text'], catalogue.locations.map((l, i) => [l.id, i, JSON.stringify(l)]));
    await insertColumns(tx, 'appointment_types', ['id', 'position', 'doc'], ['text', 'int', 'text'], catalogue.appointmentTypes.map((t, i) => [t.id, i, JSON.stringify(t)]));
    await insertColumns(tx, 'providers', ['id', 'position', 'doc'], ['text', 'int', 'text'], catalogue.providers.map((p, i) => [p.id, i, JSON.stringify(p)]));
    await insertColumns(tx, 'working_hours', ['provider_id', 'location_id', 'weekday', 'doc'], ['text', 'text', 'int', 'text'], catalogue.workingHours.map((h) => [h.providerId, h.locationId, h.weekday, JSON.stringify(h)]));

    const patientCount = practice.providerIds.length * PATIENTS_PER_PROVIDER;
    const patients = Array.from({ length: patientCount }, (_, n) => patientRow(`patient-${n + 1}`, n + 1, nowMs));
    const appointments: SqlValue[][] = [];
    const claims: SqlValue[][] = [];
    practice.providerIds.forEach((providerId, position) => {
      const location = practice.locations[position % practice.locations.length]!;
      const today = localDateIn(nowMs, location.timeZone);
      for (const date of eachDate(addDays(today, -plan.daysBack), addDays(today, plan.daysAhead))) {
        if (weekdayOf(date) > 5) continue;
        const hours = [...START_HOURS].sort(() => random() - 0.5).slice(0, plan.visitsPerProviderDay);
        for (const hour of hours) {
          const typeId = random() < 0.7 ? 'follow-up' : 'telehealth-check-in';
          const { duration, buffer } = DURATION_MINUTES[typeId]!;
          const startMs = zonedTimeToInstant(date, `${String(hour).padStart(2, '0')}:00`, location.timeZone).getTime();
          const endMs = startMs + duration * 60_000;
          const occupiedEndMs = endMs + buffer * 60_000;
          const id = `visit-${practice.id}-${appointments.length + 1}`;
          // Tomorrow's visits each have a patient of their own: the reminder run sends one message per visit and channel.
          let patientId = `patient-${1 + Math.floor(random() * patientCount)}`;
          if (isNextDayVisit(startMs, location.timeZone, nowMs)) {
            patientId = `patient-next-${patients.length + 1}`;
            patients.push(patientRow(patientId, patients.length + 1, nowMs));
          }
          appointments.push([id, hashToken(`growth-manage-${id}`), 'booked', location.id, providerId, typeId, startMs, endMs, occupiedEndMs, location.timeZone, patientId, '[]', `seed_${id}`, Math.min(nowMs, startMs) - 14 * 86_400_000]);
          // Future visits own their calendar cells, as a booking's do: no hold can take them.
          if (startMs >= nowMs) for (const cell of cellsOf(startMs, occupiedEndMs)) claims.push([providerId, cell, id]);
        }
      }
    });
    await insertColumns(tx, 'patients', PATIENT_COLUMNS, PATIENT_TYPES, patients);
    await insertColumns(tx, 'appointments', APPOINTMENT_COLUMNS, APPOINTMENT_TYPES, appointments);
    await insertColumns(tx, 'slot_claims', ['provider_id', 'cell', 'appointment_id'], ['text', 'bigint', 'text'], claims);
    // Last: a practice row means the space is complete (the whole seed is one transaction anyway).
    await tx.run('INSERT INTO practice (id, doc) VALUES ($1, $2)', [practice.id, JSON.stringify(catalogue.practice)]);
    return { appointments: appointments.length, claims: claims.length, patients: patients.length };
  });
}

/**
 * Writes the outbox rows of every visit tomorrow (see `isNextDayVisit`) as a booking made at
 * `bookedAt` would have: the patient's SMS and email consent in the ledger, then the practice's
 * reminders (a day before), sealed with `secretKey`. Rows from an earlier run are removed first,
 * so the reminder run starts from the same outbox every time. Resolves to the reminders written.
 */
export async function scheduleNextDayReminders(db: Database, offsetsMinutes: readonly number[], now: Date, bookedAt: Date, secretKey: string): Promise<number> {
  const nowMs = now.getTime();
  // What scheduling reads from a server's context (no intake journey: reminders only).
  const context = {
    now: () => bookedAt,
    reminders: { offsetsMinutes },
    sealer: createSealer(secretKey),
    messaging: { links: {}, journey: { ...DEFAULT_JOURNEY, intakeFormByAppointmentType: {} } },
  } as unknown as ServerContext;
  return db.transaction(async (tx) => {
    await tx.run('DELETE FROM reminders');
    await tx.run('DELETE FROM consent_events');
    const visits = await tx.all<AppointmentRow>(
      `SELECT id, status, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, time_zone, patient_id,
              coverage, consents, created_at, cancelled_at, rescheduled_from_id
         FROM appointments WHERE status = 'booked' AND start_ms > $1 AND start_ms < $2 AND id LIKE 'visit-%'`,
      [nowMs, nowMs + 3 * 86_400_000],
    );
    for (const visit of visits) {
      if (!isNextDayVisit(visit.start_ms, visit.time_zone, nowMs)) continue;
      const consents: ReminderConsent[] = (['sms', 'email'] as const).map((channel) => ({ channel, granted: true, recordedAt: bookedAt.toISOString(), wordingVersion: 'booking-2027-03' }));
      await scheduleReminders(tx, context, visit, `growth-manage-${visit.id}`, consents);
    }
    const written = await tx.get<{ count: number }>('SELECT count(*) AS count FROM reminders');
    return Number(written?.count ?? 0);
  });
}
