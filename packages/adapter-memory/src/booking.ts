/** Scheduling on the memory backend: the same rules a real backend keeps, in one process. */
import { AdapterError, createId, createToken, parseRequest, type BookingApi, type CallOptions } from '@pxm/core';
import {
  demoPayerEligibility,
  lateChangeWindow,
  AppointmentSchema,
  AppointmentTypeListQuerySchema,
  BookRequestSchema,
  CancelRequestSchema,
  CoverageSchema,
  ProviderListQuerySchema,
  RescheduleRequestSchema,
  SlotQuerySchema,
  WaitlistRequestSchema,
  decodeSlotId,
  generateSlots,
  holdExpiry,
  holdIsLive,
  requireLateFeeAcknowledged,
  requireLiveHold,
  requireManageLinkOpen,
  requireTypeEligibility,
  resolveReturningPatient,
  slotSearchWindow,
  type Appointment,
  type AppointmentType,
  type BookRequest,
  type BusyInterval,
  type Coverage,
  type Hold,
  type Location,
  type ManagedAppointment,
  type PatientDetails,
  type Slot,
  type WaitlistEntry,
} from '@pxm/core/booking';
import type { ReferralBookingContext } from '@pxm/core/referral';
import { eachDate, localDateIn, localDayClock, minutesOfDay, toZonedIso } from '@pxm/core/time';
import type { MemoryContext } from './context.js';
import { simulateLatency } from './latency.js';

interface StoredHold {
  hold: Hold;
  /** Set once a booking used it; a used hold cannot book again. */
  consumedBy?: string;
  released?: boolean;
}

export interface StoredAppointment {
  appointment: Appointment;
  patientId: string;
  coverage: Coverage | undefined;
}

/** A patient record; `unverified` marks one made for a returning patient nobody matched. */
interface StoredPatient {
  id: string;
  firstName?: string;
  lastName: string;
  dateOfBirth: string;
  phone?: string | undefined;
  email?: string | undefined;
  unverified?: boolean;
}

/** Idempotency record: the key, what it was used for, and the result it produced. */
interface IdempotentResult<T> {
  fingerprint: string;
  result: T;
}

/** What a memory booking stores that its test and demo helpers read too. */
export interface BookingRecords {
  appointments: Map<string, StoredAppointment>;
  referralLinks: Map<string, ReferralBookingContext>;
  /** The referral link token each appointment was booked with, by appointment id. */
  bookedWithReferral: Map<string, string>;
}

export const newBookingRecords = (): BookingRecords => ({ appointments: new Map(), referralLinks: new Map(), bookedWithReferral: new Map() });

export interface MemoryBookingApi extends BookingApi {
  verifyEligibility: NonNullable<BookingApi['verifyEligibility']>;
  getReferralContext: NonNullable<BookingApi['getReferralContext']>;
  /** Test and demo helper: a referral booking link for a visit type (what the admin API issues on a server). */
  createReferralBookingLink(appointmentTypeId: string, discipline: ReferralBookingContext['discipline']): string;
  /** Test and demo helper: the referral link token a stored appointment was booked with. */
  referralTokenOf(appointmentId: string): string | undefined;
  confirmAppointment: NonNullable<BookingApi['confirmAppointment']>;
  /** Test and demo helper: every stored appointment. */
  listStoredAppointments(): Appointment[];
}

/** The helpers only tests and demos call: `createMemoryAdapter` has them, the script-tag adapter does not. */
type BookingHelpers = Pick<MemoryBookingApi, 'createReferralBookingLink' | 'referralTokenOf' | 'listStoredAppointments'>;

export function createMemoryBooking(ctx: MemoryContext, records: BookingRecords): Omit<MemoryBookingApi, keyof BookingHelpers> {
  const { appointments, referralLinks, bookedWithReferral } = records;
  const holds = new Map<string, StoredHold>();
  const openReferralLink = (token: string, operation: string): ReferralBookingContext => {
    const link = referralLinks.get(token);
    if (!link) throw new AdapterError('token_invalid', 'This referral link is not valid.', { operation });
    if (Date.parse(link.expiresAt) <= nowMs()) throw new AdapterError('token_expired', 'This referral link has expired.', { operation });
    return link;
  };
  const byManageToken = new Map<string, string>();
  const bookingKeys = new Map<string, IdempotentResult<Appointment>>();
  const waitlistKeys = new Map<string, IdempotentResult<WaitlistEntry>>();
  const patients = new Map<string, StoredPatient>(ctx.seed.patients.map((p) => [p.id, p]));

  const findLocation = (id: string) => ctx.seed.locations.find((l) => l.id === id);
  const findAppointmentType = (id: string) => ctx.seed.appointmentTypes.find((t) => t.id === id);

  // Bookings the seed says were made before this backend started (the demo's manage links).
  for (const seeded of ctx.seed.bookings ?? []) {
    const { patientId, ...fields } = seeded;
    const appointment = AppointmentSchema.parse({ ...fields, timeZone: findLocation(seeded.locationId)?.timeZone });
    appointments.set(appointment.id, { appointment, patientId, coverage: undefined });
    byManageToken.set(appointment.manageToken, appointment.id);
  }

  const nowMs = () => ctx.now().getTime();

  function location(id: string, operation: string): Location {
    const found = findLocation(id);
    if (!found) throw new AdapterError('not_found', `Unknown location ${id}.`, { operation });
    return found;
  }

  function appointmentType(id: string, operation: string): AppointmentType {
    const found = findAppointmentType(id);
    if (!found) throw new AdapterError('not_found', `Unknown appointment type ${id}.`, { operation });
    return found;
  }

  /** A visit, or a held time, keeps its provider busy until its end plus its visit type's buffer. */
  const busyDuring = (visit: Pick<Slot, 'providerId' | 'appointmentTypeId' | 'start' | 'end'>): BusyInterval => ({
    providerId: visit.providerId,
    startMs: Date.parse(visit.start),
    endMs: Date.parse(visit.end) + (findAppointmentType(visit.appointmentTypeId)?.bufferMinutes ?? 0) * 60_000,
  });

  /** Existing visits (seeded and booked) and live holds of the given providers in a range. */
  function busyIntervals(loc: Location, providerIds: readonly string[], fromMs: number, toMs: number, exceptHoldId?: string): BusyInterval[] {
    const busy: BusyInterval[] = [];
    const fromDate = localDateIn(fromMs - 86_400_000, loc.timeZone);
    const toDate = localDateIn(toMs + 86_400_000, loc.timeZone);
    for (const providerId of providerIds) {
      for (const date of eachDate(fromDate, toDate)) {
        for (const block of ctx.seed.busyBlocks(providerId, date, ctx.seed.workingHours)) {
          const blockZone = findLocation(block.locationId)?.timeZone ?? loc.timeZone;
          const clock = localDayClock(block.date, blockZone);
          const startMs = clock.instantOf(minutesOfDay(block.start));
          const endMs = clock.instantOf(minutesOfDay(block.end));
          if (startMs !== undefined && endMs !== undefined) busy.push({ providerId, startMs, endMs });
        }
      }
    }
    for (const stored of appointments.values()) if (stored.appointment.status === 'booked') busy.push(busyDuring(stored.appointment));
    const now = nowMs();
    for (const [id, stored] of holds) {
      if (id === exceptHoldId || stored.consumedBy || stored.released) continue;
      if (holdIsLive(stored.hold.expiresAt, now)) busy.push(busyDuring(stored.hold.slot));
    }
    return busy;
  }

  function closuresBetween(fromMs: number, toMs: number) {
    const closures = [];
    for (let year = new Date(fromMs).getUTCFullYear() - 1; year <= new Date(toMs).getUTCFullYear() + 1; year++) {
      closures.push(...ctx.seed.closuresForYear(year));
    }
    return closures;
  }

  function freeSlots(query: { locationId: string; appointmentTypeId: string; providerId?: string | undefined; fromMs: number; toMs: number }, operation: string, exceptHoldId?: string): Slot[] {
    const loc = location(query.locationId, operation);
    const type = appointmentType(query.appointmentTypeId, operation);
    const providers = ctx.seed.providers.filter(
      (p) => (!query.providerId || p.id === query.providerId) && p.locationIds.includes(loc.id) && p.appointmentTypeIds.includes(type.id),
    );
    return generateSlots({
      location: loc,
      appointmentType: type,
      providers,
      workingHours: ctx.seed.workingHours,
      closures: closuresBetween(query.fromMs, query.toMs),
      busy: busyIntervals(loc, providers.map((p) => p.id), query.fromMs, query.toMs, exceptHoldId),
      fromMs: query.fromMs,
      toMs: query.toMs,
      nowMs: nowMs(),
    });
  }

  /** The slot behind `slotId`, which must still be free right now (ignoring one hold, the caller's own). */
  function requireStillFree(slotId: string, operation: string, exceptHoldId?: string): Slot {
    const key = decodeSlotId(slotId);
    const slot = key
      ? freeSlots(
          { locationId: key.locationId, appointmentTypeId: key.appointmentTypeId, providerId: key.providerId, fromMs: key.startMs, toMs: key.startMs + 1 },
          operation,
          exceptHoldId,
        ).find((free) => free.id === slotId)
      : undefined;
    if (!slot) throw new AdapterError('slot_unavailable', 'This time is no longer available.', { operation });
    return slot;
  }

  /** When a hold taken or renewed now expires. */
  const holdExpiresAt = () => new Date(holdExpiry(nowMs(), ctx.holdTtlMs)).toISOString();

  function liveHold(holdId: string, operation: string): StoredHold {
    const stored = holds.get(holdId);
    requireLiveHold(stored && { expiresAt: stored.hold.expiresAt, consumed: Boolean(stored.consumedBy), released: Boolean(stored.released) }, nowMs(), operation);
    return stored!;
  }

  /** The patient to book for: a new record, the one match, or an unverified record (core's rule: never "not found"). */
  function patientFor(patient: PatientDetails): string {
    const id = `pat-${createId()}`;
    if (patient.kind === 'new') {
      patients.set(id, { id, firstName: patient.firstName, lastName: patient.lastName, dateOfBirth: patient.dateOfBirth, phone: patient.phone, email: patient.email });
      return id;
    }
    const resolved = resolveReturningPatient(
      patients.values(),
      (known) => ({ lastNames: [known.lastName], dateOfBirth: known.dateOfBirth, phones: [known.phone], emails: [known.email], unverified: known.unverified }),
      patient,
    );
    if (resolved.kind === 'matched') return resolved.record.id;
    patients.set(id, { id, ...resolved.record });
    return id;
  }

  function createAppointment(hold: StoredHold, patientId: string, coverage: Coverage | undefined, manageToken: string, rescheduledFromId?: string): Appointment {
    const loc = location(hold.hold.slot.locationId, 'booking.book');
    // Built in the contract's shape; replies are validated once, at the element boundary.
    const appointment: Appointment = {
      id: `appt-${createId()}`,
      status: 'booked',
      locationId: hold.hold.slot.locationId,
      providerId: hold.hold.slot.providerId,
      appointmentTypeId: hold.hold.slot.appointmentTypeId,
      start: hold.hold.slot.start,
      end: hold.hold.slot.end,
      timeZone: loc.timeZone,
      manageToken,
      createdAt: toZonedIso(nowMs(), loc.timeZone),
      ...(rescheduledFromId ? { rescheduledFromId } : {}),
    };
    appointments.set(appointment.id, { appointment, patientId, coverage });
    byManageToken.set(manageToken, appointment.id);
    return appointment;
  }

  function replay<T>(store: Map<string, IdempotentResult<T>>, key: string, fingerprint: string, operation: string): T | undefined {
    const previous = store.get(key);
    if (!previous) return undefined;
    if (previous.fingerprint !== fingerprint) {
      throw new AdapterError('conflict', 'This idempotency key was already used for a different request.', { operation });
    }
    return previous.result;
  }

  function managed(token: string, operation: string): StoredAppointment {
    const id = byManageToken.get(token);
    const stored = id ? appointments.get(id) : undefined;
    if (!stored) throw new AdapterError('token_invalid', 'This link is not valid.', { operation });
    requireManageLinkOpen(Date.parse(stored.appointment.end), nowMs(), operation);
    return stored;
  }

  function feeMustBeAcknowledged(appointment: Appointment, acknowledgedFee: boolean | undefined, operation: string): void {
    requireLateFeeAcknowledged(appointment, ctx.seed.practice.cancellationPolicy, nowMs(), acknowledgedFee, operation);
  }

  function cancelStored(stored: StoredAppointment): Appointment {
    const cancelled: Appointment = { ...stored.appointment, status: 'cancelled', cancelledAt: toZonedIso(nowMs(), stored.appointment.timeZone) };
    stored.appointment = cancelled;
    return cancelled;
  }

  return {
    async getPractice(options?: CallOptions) {
      await simulateLatency(ctx, options);
      return structuredClone(ctx.seed.practice);
    },

    async listLocations(options?: CallOptions) {
      await simulateLatency(ctx, options);
      return structuredClone(ctx.seed.locations);
    },

    async listAppointmentTypes(query = {}, options?: CallOptions) {
      const q = parseRequest(AppointmentTypeListQuerySchema, query, 'booking.listAppointmentTypes');
      await simulateLatency(ctx, options);
      return structuredClone(
        ctx.seed.appointmentTypes.filter((t) => !q.locationId || !t.locationIds || t.locationIds.includes(q.locationId)),
      );
    },

    async listProviders(query = {}, options?: CallOptions) {
      const q = parseRequest(ProviderListQuerySchema, query, 'booking.listProviders');
      await simulateLatency(ctx, options);
      return structuredClone(
        ctx.seed.providers.filter(
          (p) =>
            (!q.locationId || p.locationIds.includes(q.locationId)) &&
            (!q.appointmentTypeId || p.appointmentTypeIds.includes(q.appointmentTypeId)),
        ),
      );
    },

    async findSlots(query, options?: CallOptions) {
      const operation = 'booking.findSlots';
      const q = parseRequest(SlotQuerySchema, query, operation);
      const { fromMs, toMs } = slotSearchWindow(q, nowMs(), operation);
      await simulateLatency(ctx, options);
      return freeSlots({ ...q, fromMs, toMs }, operation);
    },

    async holdSlot(slotId, options?: CallOptions) {
      const operation = 'booking.holdSlot';
      if (typeof slotId !== 'string' || !decodeSlotId(slotId)) {
        throw new AdapterError('validation', 'Unknown slot id format.', { operation, issues: [{ path: 'slotId', message: 'Invalid slot id.' }] });
      }
      await simulateLatency(ctx, options);
      const slot = requireStillFree(slotId, operation);
      const hold: Hold = {
        id: `hold-${createId()}`,
        slot,
        expiresAt: holdExpiresAt(),
      };
      holds.set(hold.id, { hold });
      return structuredClone(hold);
    },

    async renewHold(holdId, options?: CallOptions) {
      await simulateLatency(ctx, options);
      const stored = liveHold(holdId, 'booking.renewHold');
      stored.hold = { ...stored.hold, expiresAt: holdExpiresAt() };
      return structuredClone(stored.hold);
    },

    async releaseHold(holdId, options?: CallOptions) {
      await simulateLatency(ctx, options);
      const stored = holds.get(holdId);
      if (stored && !stored.consumedBy) stored.released = true;
    },

    async book(request: BookRequest, options?: CallOptions) {
      const operation = 'booking.book';
      const req = parseRequest(BookRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const replayed = replay(bookingKeys, req.idempotencyKey, req.holdId, operation);
      if (replayed) return structuredClone(replayed);
      const hold = liveHold(req.holdId, operation);
      const type = appointmentType(hold.hold.slot.appointmentTypeId, operation);
      requireTypeEligibility(type, req.patient.kind, operation);
      if (req.referralToken !== undefined && openReferralLink(req.referralToken, operation).appointmentTypeId !== type.id) {
        throw new AdapterError('validation', 'This referral books another visit type.', { operation, issues: [{ path: 'referralToken', message: 'Visit type differs.' }] });
      }
      requireStillFree(hold.hold.slot.id, operation, hold.hold.id);
      const patientId = patientFor(req.patient);
      const appointment = createAppointment(hold, patientId, req.coverage, createToken());
      hold.consumedBy = appointment.id;
      if (req.referralToken !== undefined) bookedWithReferral.set(appointment.id, req.referralToken);
      bookingKeys.set(req.idempotencyKey, { fingerprint: req.holdId, result: appointment });
      return structuredClone(appointment);
    },

    async getAppointment(manageToken, options?: CallOptions) {
      const operation = 'booking.getAppointment';
      await simulateLatency(ctx, options);
      const stored = managed(manageToken, operation);
      const view: ManagedAppointment = {
        appointment: stored.appointment,
        cancellationPolicy: ctx.seed.practice.cancellationPolicy,
        withinNoticeWindow: lateChangeWindow(stored.appointment, ctx.seed.practice.cancellationPolicy, nowMs()),
      };
      return structuredClone(view);
    },

    async cancelAppointment(manageToken, request, options?: CallOptions) {
      const operation = 'booking.cancelAppointment';
      const req = parseRequest(CancelRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const stored = managed(manageToken, operation);
      if (stored.appointment.status === 'cancelled') return structuredClone(stored.appointment);
      feeMustBeAcknowledged(stored.appointment, req.acknowledgedFee, operation);
      return structuredClone(cancelStored(stored));
    },

    async confirmAppointment(manageToken, options?: CallOptions) {
      const operation = 'booking.confirmAppointment';
      await simulateLatency(ctx, options);
      const stored = managed(manageToken, operation);
      if (stored.appointment.status === 'cancelled') throw new AdapterError('conflict', 'This appointment was cancelled.', { operation });
      stored.appointment.confirmedAt ??= toZonedIso(nowMs(), stored.appointment.timeZone);
      return structuredClone(stored.appointment);
    },

    async rescheduleAppointment(manageToken, request, options?: CallOptions) {
      const operation = 'booking.rescheduleAppointment';
      const req = parseRequest(RescheduleRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      const replayed = replay(bookingKeys, req.idempotencyKey, `${manageToken}|${req.holdId}`, operation);
      if (replayed) return structuredClone(replayed);
      const old = managed(manageToken, operation);
      if (old.appointment.status === 'cancelled') {
        throw new AdapterError('conflict', 'This appointment was cancelled and cannot be rescheduled.', { operation });
      }
      feeMustBeAcknowledged(old.appointment, req.acknowledgedFee, operation);
      const hold = liveHold(req.holdId, operation);
      requireStillFree(hold.hold.slot.id, operation, hold.hold.id);
      // The new visit is booked first; the old one is released only after, so the patient never has neither.
      const next = createAppointment(hold, old.patientId, old.coverage, manageToken, old.appointment.id);
      hold.consumedBy = next.id;
      cancelStored(old);
      bookingKeys.set(req.idempotencyKey, { fingerprint: `${manageToken}|${req.holdId}`, result: next });
      return structuredClone(next);
    },

    async joinWaitlist(request, options?: CallOptions) {
      const operation = 'booking.joinWaitlist';
      const req = parseRequest(WaitlistRequestSchema, request, operation);
      await simulateLatency(ctx, options);
      location(req.locationId, operation);
      appointmentType(req.appointmentTypeId, operation);
      const fingerprint = `${req.locationId}|${req.appointmentTypeId}|${req.providerId ?? ''}`;
      const replayed = replay(waitlistKeys, req.idempotencyKey, fingerprint, operation);
      if (replayed) return structuredClone(replayed);
      const entry: WaitlistEntry = {
        id: `wait-${createId()}`,
        locationId: req.locationId,
        appointmentTypeId: req.appointmentTypeId,
        ...(req.providerId ? { providerId: req.providerId } : {}),
        createdAt: new Date(nowMs()).toISOString(),
      };
      waitlistKeys.set(req.idempotencyKey, { fingerprint, result: entry });
      return structuredClone(entry);
    },

    async verifyEligibility(coverage, options?: CallOptions) {
      const operation = 'booking.verifyEligibility';
      const c = parseRequest(CoverageSchema, coverage, operation);
      await simulateLatency(ctx, options);
      return demoPayerEligibility(c, new Date(nowMs()).toISOString());
    },

    async getReferralContext(referralToken, options?: CallOptions) {
      const operation = 'booking.getReferralContext';
      await simulateLatency(ctx, options);
      return structuredClone(openReferralLink(referralToken, operation));
    },
  };
}

export function bookingHelpers(ctx: MemoryContext, { appointments, referralLinks, bookedWithReferral }: BookingRecords): BookingHelpers {
  return {
    createReferralBookingLink(appointmentTypeId, discipline) {
      const token = createId();
      referralLinks.set(token, { appointmentTypeId, discipline, expiresAt: new Date(ctx.now().getTime() + 30 * 86_400_000).toISOString() });
      return token;
    },

    referralTokenOf(appointmentId) {
      return bookedWithReferral.get(appointmentId);
    },

    listStoredAppointments() {
      return [...appointments.values()].map((stored) => structuredClone(stored.appointment));
    },
  };
}
