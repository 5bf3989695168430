/**
 * Scheduling on the database. The slot engine (from core) decides what is offered; the database
 * decides who gets it: holds and visits claim their cells (see claims.ts), a hold is consumed by
 * a conditional update, and replies to idempotent requests are stored with the work.
 */
import { AdapterError, parseResponse } from '@pxm/core';
import {
  EligibilityResultSchema,
  decodeSlotId,
  generateSlots,
  holdExpiry,
  requireLateFeeAcknowledged,
  requireLiveHold,
  requireManageLinkOpen,
  requireTypeEligibility,
  slotSearchWindow,
  withinBookingHorizon,
  type Appointment,
  type BookRequest,
  type BusyInterval,
  type CancelRequest,
  type Coverage,
  type EligibilityResult,
  type Hold,
  type Location,
  type ManagedAppointment,
  type ReminderConsent,
  type RescheduleRequest,
  type Slot,
  type SlotQuery,
  type WaitlistEntry,
  type WaitlistRequest,
  lateChangeWindow,
} from '@pxm/core/booking';
import { toZonedIso } from '@pxm/core/time';
import type { Queryable } from '../db/database.js';
import { forUpdate, placeholders, type ServerContext } from '../context.js';
import { scheduleReminders, cancelReminders } from '../reminders/outbox-schedule.js';
import { confirmVisit } from '../reminders/visit-confirmation.js';
import { enqueueHoldExpiry } from '../jobs/enqueue.js';
import { linkBookingToReferral } from '../referrals/referral-records.js';
import { tokenHashOf } from './link-token.js';
import { hashToken, newId, newLinkToken, requestFingerprint } from '../tokens.js';
import type { PracticeConfig } from './catalogue.js';
import { cellsOf, claimForHold, convertClaims } from './claims.js';
import { claimKey, storeReply } from './idempotency.js';
import { createEligibilityService } from './eligibility-service.js';
import { resolvePatient } from './patients.js';

interface HoldRow {
  id: string;
  slot_id: string;
  location_id: string;
  provider_id: string;
  appointment_type_id: string;
  start_ms: number;
  end_ms: number;
  occupied_end_ms: number;
  expires_at: number;
  consumed_by: string | null;
  released_at: number | null;
}

export interface AppointmentRow {
  id: string;
  status: 'booked' | 'cancelled';
  location_id: string;
  provider_id: string;
  appointment_type_id: string;
  start_ms: number;
  end_ms: number;
  occupied_end_ms: number;
  time_zone: string;
  patient_id: string;
  coverage: string | null;
  consents: string;
  created_at: number;
  cancelled_at: number | null;
  rescheduled_from_id: string | null;
  confirmed_at?: number | null;
}

const HOLD_COLUMNS =
  'id, slot_id, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, expires_at, consumed_by, released_at';
const APPOINTMENT_COLUMNS =
  'id, status, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, time_zone, patient_id, coverage, consents, created_at, cancelled_at, rescheduled_from_id, confirmed_at';

export function appointmentOf(row: AppointmentRow, manageToken: string): Appointment {
  const zone = row.time_zone;
  return {
    id: row.id,
    status: row.status,
    locationId: row.location_id,
    providerId: row.provider_id,
    appointmentTypeId: row.appointment_type_id,
    start: toZonedIso(row.start_ms, zone),
    end: toZonedIso(row.end_ms, zone),
    timeZone: zone,
    manageToken,
    createdAt: toZonedIso(row.created_at, zone),
    ...(row.cancelled_at !== null ? { cancelledAt: toZonedIso(row.cancelled_at, zone) } : {}),
    ...(row.rescheduled_from_id ? { rescheduledFromId: row.rescheduled_from_id } : {}),
    ...(row.confirmed_at !== null && row.confirmed_at !== undefined ? { confirmedAt: toZonedIso(row.confirmed_at, zone) } : {}),
  };
}

function holdOf(row: HoldRow, zone: string): Hold {
  return {
    id: row.id,
    slot: {
      id: row.slot_id,
      locationId: row.location_id,
      providerId: row.provider_id,
      appointmentTypeId: row.appointment_type_id,
      start: toZonedIso(row.start_ms, zone),
      end: toZonedIso(row.end_ms, zone),
    },
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** Rolls back a hold whose idempotency key another request already used. */
const KEY_REPLAY = Symbol('key replay');

function slotUnavailable(operation: string): AdapterError {
  return new AdapterError('slot_unavailable', 'This time is no longer available.', { operation });
}

export function createBookingService(ctx: ServerContext) {
  const { db } = ctx;
  const eligibility = createEligibilityService(ctx, ctx.eligibilityPolicy);
  const nowMs = () => ctx.now().getTime();

  /**
   * Busy time of the given providers around a range: outside calendars, visits, live holds. One
   * statement, not three: on PostgreSQL each statement is a round trip and, run side by side, a
   * pooled connection each, so three per search left a pool of ten only three searches at a time.
   */
  async function busyIntervals(providerIds: readonly string[], fromMs: number, toMs: number, source: Queryable): Promise<BusyInterval[]> {
    if (providerIds.length === 0) return [];
    const lo = fromMs - 86_400_000;
    const hi = toMs + 86_400_000;
    const providers = placeholders(providerIds.length, 4);
    const rows = await source.all<{ provider_id: string; start_ms: number; end_ms: number }>(
      `SELECT provider_id, start_ms, end_ms FROM calendar_blocks
        WHERE end_ms > $1 AND start_ms < $2 AND provider_id IN (${providers})
       UNION ALL
       SELECT provider_id, start_ms, occupied_end_ms AS end_ms FROM appointments
        WHERE status = 'booked' AND occupied_end_ms > $1 AND start_ms < $2 AND provider_id IN (${providers})
       UNION ALL
       SELECT provider_id, start_ms, occupied_end_ms AS end_ms FROM holds
        WHERE consumed_by IS NULL AND released_at IS NULL AND expires_at > $3
          AND occupied_end_ms > $1 AND start_ms < $2 AND provider_id IN (${providers})`,
      [lo, hi, nowMs(), ...providerIds],
    );
    return rows.map((row) => ({ providerId: row.provider_id, startMs: row.start_ms, endMs: row.end_ms }));
  }

  async function freeSlots(
    config: PracticeConfig,
    query: { locationId: string; appointmentTypeId: string; providerId?: string | undefined; fromMs: number; toMs: number },
    operation: string,
    /** Searches may read a replica; a hold's own check always reads the primary. */
    source: Queryable = db,
  ): Promise<Slot[]> {
    const location = ctx.catalogue.location(config, query.locationId, operation);
    const type = ctx.catalogue.appointmentType(config, query.appointmentTypeId, operation);
    const providers = config.providers.filter(
      (p) => (!query.providerId || p.id === query.providerId) && p.locationIds.includes(location.id) && p.appointmentTypeIds.includes(type.id),
    );
    return generateSlots({
      location,
      appointmentType: type,
      providers,
      workingHours: config.workingHours,
      closures: config.closures,
      busy: await busyIntervals(providers.map((p) => p.id), query.fromMs, query.toMs, source),
      fromMs: query.fromMs,
      toMs: query.toMs,
      nowMs: nowMs(),
    });
  }

  function zoneOf(config: PracticeConfig, locationId: string): string {
    return config.locations.find((l) => l.id === locationId)?.timeZone ?? 'UTC';
  }

  /** The hold, locked for this transaction (checked with `requireLive`). */
  function lockedHold(tx: Queryable, holdId: string): Promise<HoldRow | undefined> {
    return tx.get<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM holds WHERE id = $1${forUpdate(db)}`, [holdId]);
  }

  /** The hold, if it can still book. */
  function requireLive(row: HoldRow | undefined, operation: string): HoldRow {
    requireLiveHold(row && { expiresAt: row.expires_at, consumed: row.consumed_by !== null, released: row.released_at !== null }, nowMs(), operation);
    return row!;
  }

  /** The hold, locked for this transaction, if it can still book. */
  async function liveHold(tx: Queryable, holdId: string, operation: string): Promise<HoldRow> {
    return requireLive(await lockedHold(tx, holdId), operation);
  }

  /** Turns a live hold into a booked visit: consumes the hold, moves its claims, stores the visit. */
  async function bookHold(
    tx: Queryable,
    hold: HoldRow,
    fields: { patientId: string; coverage: Coverage | undefined; consents: readonly ReminderConsent[]; manageTokenHash: string; rescheduledFromId?: string },
    config: PracticeConfig,
    operation: string,
  ): Promise<AppointmentRow> {
    const id = newId('appt');
    const now = nowMs();
    const row: AppointmentRow = {
      id,
      status: 'booked',
      location_id: hold.location_id,
      provider_id: hold.provider_id,
      appointment_type_id: hold.appointment_type_id,
      start_ms: hold.start_ms,
      end_ms: hold.end_ms,
      occupied_end_ms: hold.occupied_end_ms,
      time_zone: zoneOf(config, hold.location_id),
      patient_id: fields.patientId,
      coverage: fields.coverage ? JSON.stringify(fields.coverage) : null,
      consents: JSON.stringify(fields.consents),
      created_at: now,
      cancelled_at: null,
      rescheduled_from_id: fields.rescheduledFromId ?? null,
    };
    // The three statements go out together (one round trip, pipelined on PostgreSQL) and their
    // counts are checked after: a hold not consumed, or claims not all moved, rolls all three back.
    const [consumed, claimsMoved] = await Promise.all([
      tx.run('UPDATE holds SET consumed_by = $2 WHERE id = $1 AND consumed_by IS NULL AND released_at IS NULL AND expires_at > $3', [hold.id, id, now]),
      convertClaims(tx, hold.id, id, cellsOf(hold.start_ms, hold.occupied_end_ms).length),
      tx.run(
        `INSERT INTO appointments (id, manage_token_hash, status, location_id, provider_id, appointment_type_id, start_ms, end_ms,
           occupied_end_ms, time_zone, patient_id, coverage, consents, hold_id, created_at, rescheduled_from_id)
         VALUES ($1, $2, 'booked', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          row.id,
          fields.manageTokenHash,
          row.location_id,
          row.provider_id,
          row.appointment_type_id,
          row.start_ms,
          row.end_ms,
          row.occupied_end_ms,
          row.time_zone,
          row.patient_id,
          row.coverage,
          row.consents,
          hold.id,
          row.created_at,
          row.rescheduled_from_id,
        ],
      ),
    ]);
    if (consumed !== 1 || !claimsMoved) throw slotUnavailable(operation);
    return row;
  }

  /**
   * The visit a link names now, locked. The link may move again while this waits for the lock
   * (several reschedules at once): then it reads where the link went and waits there. Each turn
   * follows a move another request committed, so it ends; a link that names nothing ends at once.
   */
  async function followMovedLink(tx: Queryable, tokenHash: string): Promise<AppointmentRow | undefined> {
    for (;;) {
      const now = await tx.get<{ id: string }>('SELECT id FROM appointments WHERE manage_token_hash = $1', [tokenHash]);
      if (!now) return undefined;
      const locked = await tx.get<AppointmentRow>(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE id = $1 AND manage_token_hash = $2${forUpdate(db)}`, [
        now.id,
        tokenHash,
      ]);
      if (locked) return locked;
    }
  }

  async function managed(tx: Queryable, manageToken: string, operation: string, lock: boolean): Promise<AppointmentRow> {
    const find = () =>
      tx.get<AppointmentRow>(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE manage_token_hash = $1${lock ? forUpdate(db) : ''}`, [
        hashToken(manageToken),
      ]);
    let row = typeof manageToken === 'string' ? await find() : undefined;
    // PostgreSQL: a concurrent reschedule moved the link to a new visit while this one waited for
    // the row lock, so the locked row no longer matches. A fresh statement sees the link where it
    // is now; the request then acts on it, as SQLite (which runs them one after another) does.
    if (!row && lock && typeof manageToken === 'string' && db.dialect === 'postgres') row = await followMovedLink(tx, hashToken(manageToken));
    if (!row) throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
    requireManageLinkOpen(row.end_ms, nowMs(), operation);
    return row;
  }

  /** What core's late-change rule reads of a stored visit. */
  function changeTimesOf(row: AppointmentRow) {
    return { start: new Date(row.start_ms).toISOString(), createdAt: new Date(row.created_at).toISOString(), ...(row.rescheduled_from_id ? { rescheduledFromId: row.rescheduled_from_id } : {}) };
  }

  function withinNoticeWindow(config: PracticeConfig, row: AppointmentRow): boolean {
    return lateChangeWindow(changeTimesOf(row), config.practice.cancellationPolicy, nowMs());
  }

  function feeMustBeAcknowledged(config: PracticeConfig, row: AppointmentRow, acknowledged: boolean | undefined, operation: string): void {
    requireLateFeeAcknowledged(changeTimesOf(row), config.practice.cancellationPolicy, nowMs(), acknowledged, operation);
  }

  async function cancelRow(tx: Queryable, row: AppointmentRow, reason: string | undefined): Promise<AppointmentRow> {
    const now = nowMs();
    await tx.run("UPDATE appointments SET status = 'cancelled', cancelled_at = $2, cancel_reason = $3 WHERE id = $1", [row.id, now, reason ?? null]);
    await tx.run('DELETE FROM slot_claims WHERE appointment_id = $1', [row.id]);
    await cancelReminders(tx, row.id, now);
    return { ...row, status: 'cancelled', cancelled_at: now };
  }

  /** The hold a request key already made, if any; a key used for another slot is a conflict. */
  async function heldWithKey(requestKey: string, slotId: string, zone: string, operation: string): Promise<Hold | undefined> {
    const previous = await db.get<HoldRow>(`SELECT ${HOLD_COLUMNS} FROM holds WHERE request_key = $1`, [requestKey]);
    if (!previous) return undefined;
    if (previous.slot_id !== slotId) throw new AdapterError('conflict', 'This idempotency key was already used for another slot.', { operation });
    return holdOf(previous, zone);
  }

  async function holdSlot(slotId: string, requestKey: string | undefined): Promise<Hold> {
    const operation = 'booking.holdSlot';
    try {
      return await holdSlotOnce(slotId, requestKey);
    } catch (error) {
      // A key's own concurrent retry sees the slot taken by the first attempt: it gets that hold.
      if (requestKey && AdapterError.is(error) && error.code === 'slot_unavailable') {
        const key = decodeSlotId(slotId)!;
        const config = await ctx.catalogue.get();
        const replay = await heldWithKey(requestKey, slotId, zoneOf(config, key.locationId), operation);
        if (replay) return replay;
      }
      throw error;
    }
  }

  async function holdSlotOnce(slotId: string, requestKey: string | undefined): Promise<Hold> {
    const operation = 'booking.holdSlot';
    const key = decodeSlotId(slotId);
    if (!key || !withinBookingHorizon(key.startMs, nowMs())) throw new AdapterError('validation', 'Unknown slot id format.', { operation, issues: [{ path: 'slotId', message: 'Invalid slot id.' }] });
    const config = await ctx.catalogue.get();
    const zone = ctx.catalogue.location(config, key.locationId, operation).timeZone;
    const type = ctx.catalogue.appointmentType(config, key.appointmentTypeId, operation);
    if (requestKey) {
      const replay = await heldWithKey(requestKey, slotId, zone, operation);
      if (replay) return replay;
    }
    const slot = (
      await freeSlots(config, { ...key, fromMs: key.startMs, toMs: key.startMs + 1 }, operation)
    ).find((candidate) => candidate.id === slotId);
    if (!slot) throw slotUnavailable(operation);
    const now = nowMs();
    const row: HoldRow = {
      id: newId('hold'),
      slot_id: slotId,
      location_id: key.locationId,
      provider_id: key.providerId,
      appointment_type_id: key.appointmentTypeId,
      start_ms: key.startMs,
      end_ms: Date.parse(slot.end),
      occupied_end_ms: Date.parse(slot.end) + type.bufferMinutes * 60_000,
      expires_at: holdExpiry(now, ctx.holdTtlMs),
      consumed_by: null,
      released_at: null,
    };
    const outcome = await db.transaction(async (tx) => {
      // Every statement goes out at once (with BEGIN, one round trip, pipelined on PostgreSQL);
      // the counts are checked after, and anything short of a whole hold rolls back.
      const [inserted, claimed] = await Promise.all([
        tx.run(
          `INSERT INTO holds (id, slot_id, location_id, provider_id, appointment_type_id, start_ms, end_ms, occupied_end_ms, expires_at, request_key, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [row.id, row.slot_id, row.location_id, row.provider_id, row.appointment_type_id, row.start_ms, row.end_ms, row.occupied_end_ms, row.expires_at, requestKey ?? null, now],
        ),
        claimForHold(tx, { id: row.id, providerId: row.provider_id, startMs: row.start_ms, occupiedEndMs: row.occupied_end_ms, expiresAt: row.expires_at }, now),
        enqueueHoldExpiry(tx, ctx, row.id, row.expires_at),
      ]);
      // The key's first request made its hold: roll this one back and answer with that one.
      if (inserted !== 1) throw KEY_REPLAY;
      if (!claimed) throw slotUnavailable(operation);
      return 'held' as const;
    }).catch((error: unknown) => {
      if (error === KEY_REPLAY) return 'replay' as const;
      throw error;
    });
    if (outcome === 'replay' && requestKey) return holdSlotOnce(slotId, requestKey);
    return holdOf(row, zone);
  }

  return {
    async getPractice() {
      return (await ctx.catalogue.get()).practice;
    },

    async listLocations(): Promise<Location[]> {
      return (await ctx.catalogue.get()).locations;
    },

    async listAppointmentTypes(query: { locationId?: string | undefined }) {
      const { appointmentTypes } = await ctx.catalogue.get();
      return appointmentTypes.filter((t) => !query.locationId || !t.locationIds || t.locationIds.includes(query.locationId));
    },

    async listProviders(query: { locationId?: string | undefined; appointmentTypeId?: string | undefined }) {
      const { providers } = await ctx.catalogue.get();
      return providers.filter(
        (p) =>
          (!query.locationId || p.locationIds.includes(query.locationId)) &&
          (!query.appointmentTypeId || p.appointmentTypeIds.includes(query.appointmentTypeId)),
      );
    },

    async findSlots(query: SlotQuery): Promise<Slot[]> {
      const operation = 'booking.findSlots';
      const { fromMs, toMs } = slotSearchWindow(query, nowMs(), operation);
      return freeSlots(await ctx.catalogue.get(), { ...query, fromMs, toMs }, operation, ctx.reads ?? db);
    },

    holdSlot,

    async renewHold(holdId: string): Promise<Hold> {
      const operation = 'booking.renewHold';
      const config = await ctx.catalogue.get();
      return db.transaction(async (tx) => {
        const hold = await liveHold(tx, holdId, operation);
        const expiresAt = holdExpiry(nowMs(), ctx.holdTtlMs);
        await tx.run('UPDATE holds SET expires_at = $2 WHERE id = $1', [hold.id, expiresAt]);
        await tx.run('UPDATE slot_claims SET expires_at = $2 WHERE hold_id = $1', [hold.id, expiresAt]);
        await enqueueHoldExpiry(tx, ctx, hold.id, expiresAt);
        return holdOf({ ...hold, expires_at: expiresAt }, zoneOf(config, hold.location_id));
      });
    },

    async releaseHold(holdId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const released = await tx.run('UPDATE holds SET released_at = $2 WHERE id = $1 AND consumed_by IS NULL AND released_at IS NULL', [holdId, nowMs()]);
        if (released === 1) await tx.run('DELETE FROM slot_claims WHERE hold_id = $1', [holdId]);
      });
    },

    async book(request: BookRequest): Promise<Appointment> {
      const operation = 'booking.book';
      const config = await ctx.catalogue.get();
      return db.transaction(async (tx) => {
        // The key and the hold's lock in one round trip (with BEGIN): the database takes them in this order.
        const [replay, locked] = await Promise.all([
          claimKey<Appointment>(tx, ctx.sealer, 'booking.book', request.idempotencyKey, requestFingerprint(request), nowMs(), operation),
          lockedHold(tx, request.holdId),
        ]);
        if (replay.replayed) return replay.value;
        const hold = requireLive(locked, operation);
        const type = ctx.catalogue.appointmentType(config, hold.appointment_type_id, operation);
        requireTypeEligibility(type, request.patient.kind, operation);
        const patient = await resolvePatient(tx, request.patient, nowMs());
        const manageToken = newLinkToken();
        const [row] = await Promise.all([
          bookHold(
            tx,
            hold,
            { patientId: patient.id, coverage: request.coverage, consents: request.consents, manageTokenHash: hashToken(manageToken) },
            config,
            operation,
          ),
          patient.written,
        ]);
        const appointment = appointmentOf(row, manageToken);
        // The reply is stored with the first of the writes that follow (one round trip): the
        // transaction commits it with all of them or with none.
        await Promise.all([storeReply(tx, ctx.sealer, 'booking.book', request.idempotencyKey, appointment), scheduleReminders(tx, ctx, row, manageToken, request.consents)]);
        await eligibility.linkAppointment(tx, request.coverage, row.id, Number(row.start_ms));
        if (request.referralToken !== undefined) {
          await linkBookingToReferral(
            tx,
            ctx.referrals,
            { referralTokenHash: tokenHashOf(request.referralToken, operation), appointmentId: row.id, appointmentTypeId: hold.appointment_type_id, at: nowMs() },
            operation,
          );
        }
        return appointment;
      });
    },

    async getAppointment(manageToken: string): Promise<ManagedAppointment> {
      const row = await managed(db, manageToken, 'booking.getAppointment', false);
      const config = await ctx.catalogue.get();
      return {
        appointment: appointmentOf(row, manageToken),
        cancellationPolicy: config.practice.cancellationPolicy,
        withinNoticeWindow: withinNoticeWindow(config, row),
      };
    },

    async cancelAppointment(manageToken: string, request: CancelRequest): Promise<Appointment> {
      const operation = 'booking.cancelAppointment';
      const config = await ctx.catalogue.get();
      return db.transaction(async (tx) => {
        const row = await managed(tx, manageToken, operation, true);
        if (row.status === 'cancelled') return appointmentOf(row, manageToken);
        feeMustBeAcknowledged(config, row, request.acknowledgedFee, operation);
        return appointmentOf(await cancelRow(tx, row, request.reason), manageToken);
      });
    },

    /** "I'll be there": the first confirmation stands; a repeat returns the visit unchanged. */
    async confirmAppointment(manageToken: string): Promise<Appointment> {
      const operation = 'booking.confirmAppointment';
      const row = await managed(db, manageToken, operation, false);
      if (row.status === 'cancelled') throw new AdapterError('conflict', 'This appointment was cancelled.', { operation });
      await confirmVisit(ctx, row.id, 'manage-link');
      return appointmentOf(await managed(db, manageToken, operation, false), manageToken);
    },

    async rescheduleAppointment(manageToken: string, request: RescheduleRequest): Promise<Appointment> {
      const operation = 'booking.rescheduleAppointment';
      const tokenHash = typeof manageToken === 'string' ? hashToken(manageToken) : '';
      const config = await ctx.catalogue.get();
      return db.transaction(async (tx) => {
        const scope = 'booking.rescheduleAppointment';
        const replay = await claimKey<Appointment>(tx, ctx.sealer, scope, request.idempotencyKey, requestFingerprint(request, tokenHash), nowMs(), operation);
        if (replay.replayed) return replay.value;
        const old = await managed(tx, manageToken, operation, true);
        if (old.status === 'cancelled') {
          throw new AdapterError('conflict', 'This appointment was cancelled and cannot be rescheduled.', { operation });
        }
        feeMustBeAcknowledged(config, old, request.acknowledgedFee, operation);
        const hold = await liveHold(tx, request.holdId, operation);
        // The link moves to the new visit; the old one is cancelled only once the new one is booked.
        await tx.run('UPDATE appointments SET manage_token_hash = NULL WHERE id = $1', [old.id]);
        const row = await bookHold(
          tx,
          hold,
          {
            patientId: old.patient_id,
            coverage: old.coverage ? (JSON.parse(old.coverage) as Coverage) : undefined,
            consents: JSON.parse(old.consents) as ReminderConsent[],
            manageTokenHash: tokenHash,
            rescheduledFromId: old.id,
          },
          config,
          operation,
        );
        await cancelRow(tx, old, 'rescheduled');
        await eligibility.moveAppointment(tx, old.id, row.id, Number(row.start_ms));
        const appointment = appointmentOf(row, manageToken);
        await Promise.all([
          storeReply(tx, ctx.sealer, scope, request.idempotencyKey, appointment),
          scheduleReminders(tx, ctx, row, manageToken, JSON.parse(old.consents) as ReminderConsent[], { recordConsents: false }),
        ]);
        return appointment;
      });
    },

    async joinWaitlist(request: WaitlistRequest): Promise<WaitlistEntry> {
      const operation = 'booking.joinWaitlist';
      const config = await ctx.catalogue.get();
      ctx.catalogue.location(config, request.locationId, operation);
      ctx.catalogue.appointmentType(config, request.appointmentTypeId, operation);
      if (request.providerId && !config.providers.some((p) => p.id === request.providerId)) {
        throw new AdapterError('not_found', 'Unknown provider.', { operation, issues: [{ path: 'providerId', message: 'Unknown provider.' }] });
      }
      return db.transaction(async (tx) => {
        const scope = 'booking.joinWaitlist';
        const print = requestFingerprint(request);
        const replay = await claimKey<WaitlistEntry>(tx, ctx.sealer, scope, request.idempotencyKey, print, nowMs(), operation);
        if (replay.replayed) return replay.value;
        const entry: WaitlistEntry = {
          id: newId('wait'),
          locationId: request.locationId,
          appointmentTypeId: request.appointmentTypeId,
          ...(request.providerId ? { providerId: request.providerId } : {}),
          createdAt: new Date(nowMs()).toISOString(),
        };
        await tx.run(
          `INSERT INTO waitlist_entries (id, location_id, appointment_type_id, provider_id, preferences, patient, consents, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            entry.id,
            entry.locationId,
            entry.appointmentTypeId,
            entry.providerId ?? null,
            JSON.stringify({
              preferredWeekdays: request.preferredWeekdays,
              preferredTimesOfDay: request.preferredTimesOfDay,
              ...(request.earliestDate ? { earliestDate: request.earliestDate } : {}),
            }),
            JSON.stringify(request.patient),
            JSON.stringify(request.consents),
            nowMs(),
          ],
        );
        await storeReply(tx, ctx.sealer, scope, request.idempotencyKey, entry);
        return entry;
      });
    },

    async verifyEligibility(coverage: Coverage, signal?: AbortSignal): Promise<EligibilityResult> {
      if (!ctx.eligibility) throw new AdapterError('unsupported', 'This server checks no eligibility.', { operation: 'booking.verifyEligibility' });
      // Cached, timed out into "we'll confirm", or the provider's answer (a malformed one is the backend's fault).
      const result = await eligibility.verify(coverage, signal);
      return parseResponse(EligibilityResultSchema, result, 'booking.verifyEligibility');
    },
  };
}

export type BookingService = ReturnType<typeof createBookingService>;
