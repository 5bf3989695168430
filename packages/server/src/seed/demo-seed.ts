/**
 * Seeds the demo practice on first start: the same practice, calendars, patients, bookings and
 * link tokens the embedded demo backend has (all from `@pxm/core/demo`), so a page can switch
 * between the two and see the same thing.
 */
import { addDays, eachDate, localDateIn, localDayClock, minutesOfDay } from '@pxm/core/time';
import type { WorkingHours } from '@pxm/core/booking';
import {
  DEMO_INTAKE_REASSESSMENT_TOKEN,
  DEMO_INTAKE_TOKEN,
  DEMO_SURVEY_TOKENS,
  demoAppointmentTypes,
  demoBookings,
  demoBusyBlocks,
  demoClosures,
  demoHepPrograms,
  demoIntakeForm,
  demoLocations,
  demoPatients,
  demoPractice,
  demoPriorScores,
  demoProgressEpisodes,
  demoProviders,
  demoReassessmentForm,
  demoSurvey,
  demoSurveyPartialAnswers,
  demoWorkingHours,
  type DemoProgressSeed,
} from '@pxm/core/demo';
import type { Database, Queryable, SqlValue } from '../db/database.js';
import { cellsOf } from '../services/claims.js';
import { insertPatient } from '../services/patients.js';
import { hashToken, newId } from '../tokens.js';

/** How far ahead the demo calendars are filled with existing visits. */
export const DEMO_CALENDAR_DAYS = 400;

async function insertMany(tx: Queryable, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const chunk = Math.floor(900 / columns.length);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const values = part.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, part.flat());
  }
}

function calendarBlocks(nowMs: number, workingHours: readonly WorkingHours[]): SqlValue[][] {
  const rows: SqlValue[][] = [];
  const zoneOf = new Map(demoLocations.map((l) => [l.id, l.timeZone]));
  const first = addDays(localDateIn(nowMs, 'UTC'), -2);
  const last = addDays(first, DEMO_CALENDAR_DAYS + 2);
  for (const provider of demoProviders) {
    for (const date of eachDate(first, last)) {
      for (const block of demoBusyBlocks(provider.id, date, workingHours)) {
        const clock = localDayClock(block.date, zoneOf.get(block.locationId) ?? 'UTC');
        const startMs = clock.instantOf(minutesOfDay(block.start));
        const endMs = clock.instantOf(minutesOfDay(block.end));
        if (startMs !== undefined && endMs !== undefined) rows.push([provider.id, block.locationId, startMs, endMs, 'demo']);
      }
    }
  }
  return rows;
}

/** One demo episode of care with its goals, ratings, results and visits, linked to its HEP. */
async function seedProgressEpisode(tx: Queryable, seed: DemoProgressSeed, nowMs: number): Promise<void> {
  const id = newId('episode');
  const hep = seed.hepToken ? await tx.get<{ id: string }>('SELECT id FROM hep_programs WHERE token_hash = $1', [hashToken(seed.hepToken)]) : undefined;
  await tx.run(
    `INSERT INTO progress_episodes (id, token_hash, episode, assignments, hep_program_id, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [id, hashToken(seed.token), JSON.stringify(seed.episode), JSON.stringify(seed.schedule.assignments), hep?.id ?? null, seed.expiresAt ? Date.parse(seed.expiresAt) : null, nowMs],
  );
  await insertMany(tx, 'progress_goals', ['episode_row_id', 'goal_id', 'position', 'goal'], seed.goals.map(({ ratings: _ratings, ...goal }, position) => [id, goal.id, position, JSON.stringify(goal)]));
  const ratings = seed.goals.flatMap((goal) => goal.ratings.map((rating) => [id, rating.id, goal.id, null, JSON.stringify(rating), Date.parse(rating.ratedAt)]));
  await insertMany(tx, 'progress_goal_ratings', ['episode_row_id', 'id', 'goal_id', 'client_id', 'rating', 'rated_at'], ratings);
  await insertMany(tx, 'progress_results', ['episode_row_id', 'id', 'instrument_id', 'taken_at', 'result'], seed.results.map((result) => [id, result.id, result.instrumentId, Date.parse(result.takenAt), JSON.stringify(result)]));
  await insertMany(tx, 'progress_visits', ['episode_row_id', 'id', 'attended_at'], seed.visits.map((visit, position) => [id, `demo-visit-${position + 1}`, Date.parse(visit)]));
}

/** Seeds the demo practice unless a practice is configured already; true when it seeded. */
export async function seedDemoPractice(db: Database, now: Date): Promise<boolean> {
  const nowMs = now.getTime();
  const inDays = (days: number) => nowMs + days * 86_400_000;
  return db.transaction(async (tx) => {
    if (await tx.get('SELECT id FROM practice')) return false;
    await tx.run('INSERT INTO practice (id, doc) VALUES ($1, $2)', [demoPractice.id, JSON.stringify(demoPractice)]);
    await insertMany(tx, 'locations', ['id', 'position', 'doc'], demoLocations.map((l, i) => [l.id, i, JSON.stringify(l)]));
    await insertMany(tx, 'appointment_types', ['id', 'position', 'doc'], demoAppointmentTypes.map((t, i) => [t.id, i, JSON.stringify(t)]));
    await insertMany(tx, 'providers', ['id', 'position', 'doc'], demoProviders.map((p, i) => [p.id, i, JSON.stringify(p)]));
    await insertMany(tx, 'working_hours', ['provider_id', 'location_id', 'weekday', 'doc'], demoWorkingHours.map((h) => [h.providerId, h.locationId, h.weekday, JSON.stringify(h)]));
    const year = now.getUTCFullYear();
    const closures = [year - 1, year, year + 1, year + 2].flatMap((y) => demoClosures(y));
    await insertMany(tx, 'closures', ['date', 'location_id', 'provider_id', 'reason'], closures.map((c) => [c.date, c.locationId ?? null, c.providerId ?? null, c.reason ?? null]));
    await insertMany(tx, 'calendar_blocks', ['provider_id', 'location_id', 'start_ms', 'end_ms', 'source'], calendarBlocks(nowMs, demoWorkingHours));
    for (const patient of demoPatients) await insertPatient(tx, patient, nowMs);

    for (const booking of demoBookings(now, demoWorkingHours)) {
      const zone = demoLocations.find((l) => l.id === booking.locationId)?.timeZone ?? 'UTC';
      const buffer = demoAppointmentTypes.find((t) => t.id === booking.appointmentTypeId)?.bufferMinutes ?? 0;
      const startMs = Date.parse(booking.start);
      const endMs = Date.parse(booking.end);
      await tx.run(
        `INSERT INTO appointments (id, manage_token_hash, status, location_id, provider_id, appointment_type_id, start_ms, end_ms,
           occupied_end_ms, time_zone, patient_id, consents, hold_id, created_at, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '[]', $12, $13, $14)`,
        [
          booking.id,
          hashToken(booking.manageToken),
          booking.status,
          booking.locationId,
          booking.providerId,
          booking.appointmentTypeId,
          startMs,
          endMs,
          endMs + buffer * 60_000,
          zone,
          booking.patientId,
          `seed_${booking.id}`,
          Date.parse(booking.createdAt),
          booking.cancelledAt ? Date.parse(booking.cancelledAt) : null,
        ],
      );
      if (booking.status === 'booked') {
        const cells = cellsOf(startMs, endMs + buffer * 60_000);
        await insertMany(tx, 'slot_claims', ['provider_id', 'cell', 'appointment_id'], cells.map((cell) => [booking.providerId, cell, booking.id]));
      }
    }

    const intake = (token: string, form: object, expiresAt: number, priorScores: object[] = []) => [
      newId('intake'),
      hashToken(token),
      JSON.stringify(form),
      expiresAt,
      JSON.stringify(priorScores),
      nowMs,
    ];
    await insertMany(tx, 'intake_links', ['id', 'token_hash', 'form', 'expires_at', 'prior_scores', 'created_at'], [
      intake(DEMO_INTAKE_TOKEN, demoIntakeForm, inDays(30)),
      intake('demo-intake-expired', demoIntakeForm, inDays(-1)),
      intake(DEMO_INTAKE_REASSESSMENT_TOKEN, demoReassessmentForm, inDays(30), demoPriorScores(now)),
    ]);
    for (const seed of demoHepPrograms(now)) {
      const id = newId('hep');
      const expiresAt = seed.expiresAt ? Date.parse(seed.expiresAt) : null;
      await tx.run(
        'INSERT INTO hep_programs (id, token_hash, program, version, expires_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)',
        [id, hashToken(seed.token), JSON.stringify(seed.program), seed.program.version, expiresAt, nowMs],
      );
      const logs = (seed.logs ?? []).map((entry) => {
        const { voided, ...kept } = entry;
        return [id, entry.clientId, entry.exerciseId, entry.programVersion, Date.parse(entry.completedAt), JSON.stringify(kept), voided ? 1 : 0, nowMs];
      });
      await insertMany(tx, 'hep_logs', ['program_row_id', 'client_id', 'exercise_id', 'program_version', 'completed_at', 'entry', 'voided', 'created_at'], logs);
    }
    for (const seed of demoProgressEpisodes(now)) await seedProgressEpisode(tx, seed, nowMs);
    const survey = (token: string, expiresAt: number, partial: object = {}) => [newId('inv'), hashToken(token), JSON.stringify(demoSurvey), expiresAt, JSON.stringify(partial), nowMs];
    const columns = ['id', 'token_hash', 'definition', 'expires_at', 'partial_answers', 'created_at'];
    const answered = survey(DEMO_SURVEY_TOKENS.answered, inDays(30));
    await insertMany(tx, 'survey_invitations', columns, [
      survey(DEMO_SURVEY_TOKENS.open, inDays(30)),
      survey(DEMO_SURVEY_TOKENS.resume, inDays(30), demoSurveyPartialAnswers),
      answered,
      survey(DEMO_SURVEY_TOKENS.expired, inDays(-2)),
    ]);
    const answeredId = answered[0] as string;
    const response = { id: newId('sresp'), invitationId: answeredId, submittedAt: new Date(nowMs - 86_400_000).toISOString() };
    await tx.run("UPDATE survey_invitations SET response_id = $2, response_key = 'seeded', response = $3, answers = '{}' WHERE id = $1", [
      answeredId,
      response.id,
      JSON.stringify(response),
    ]);
    return true;
  });
}
