/**
 * The booking capability on FHIR. Catalogue reads come from the practice's Organization and what
 * hangs off it; times come from the server's own scheduler when its CapabilityStatement
 * advertises `Appointment/$find`, `$hold` and `$book`, and otherwise from Slots (the fallback).
 */
import { AdapterError, parseRequest, type BookingApi, type CallOptions } from '@pxm/core';
import {
  AppointmentTypeListQuerySchema,
  BookRequestSchema,
  CancelRequestSchema,
  ProviderListQuerySchema,
  RescheduleRequestSchema,
  SlotQuerySchema,
  WaitlistRequestSchema,
  CoverageSchema,
  slotSearchWindow,
} from '@pxm/core/booking';
import type { FhirContext } from '../context.js';
import { identifierValue, MANAGE_TOKEN_IDENTIFIER } from '../area-plumbing.js';
import { advertises } from '../http/capabilities.js';
import { bookHeldSlot, replayBooking } from './book-slot.js';
import { catalogueReader } from './catalogue.js';
import { verifyEligibility } from './eligibility.js';
import { findFallbackSlots } from './find-slots.js';
import { confirmAttendance } from './confirm-attendance.js';
import { cancelVisit, findManaged, managedView, requireFeeAcknowledged } from './manage-appointment.js';
import { rescheduledFromId } from './appointment-mapping.js';
import { schedulingOperations, type SchedulingOperations } from './scheduling-operations.js';
import { holdFallbackSlot, releaseFallbackHold, renewFallbackHold } from './slot-holds.js';
import { decodeSlotRef } from './slot-ids.js';
import { joinWaitlist } from './waitlist.js';
import { readReferralContext } from '../referral/referral-context.js';

export interface FhirBookingOptions {
  /** Offer `verifyEligibility` through `CoverageEligibilityRequest/$submit`. */
  eligibility?: boolean | undefined;
}

export function createFhirBooking(ctx: FhirContext, options: FhirBookingOptions = {}): BookingApi {
  const catalogue = catalogueReader(ctx);
  const operations: SchedulingOperations = schedulingOperations(ctx);

  /** Whether this server books through its own scheduler operations. */
  async function useOperations(signal?: AbortSignal): Promise<boolean> {
    if (ctx.schedulingOperations === 'never') return false;
    const capabilities = await ctx.capabilities(signal);
    return ['find', 'hold', 'book'].every((op) => advertises(capabilities, 'Appointment', op));
  }

  const api: BookingApi = {
    async getPractice(opts?: CallOptions) {
      const operation = 'booking.getPractice';
      return (await catalogue(operation, opts?.signal)).practice;
    },

    async listLocations(opts?: CallOptions) {
      const operation = 'booking.listLocations';
      const cat = await catalogue(operation, opts?.signal);
      return [...cat.locations.values()];
    },

    async listAppointmentTypes(query = {}, opts?: CallOptions) {
      const operation = 'booking.listAppointmentTypes';
      const q = parseRequest(AppointmentTypeListQuerySchema, query, operation);
      const cat = await catalogue(operation, opts?.signal);
      const types = [...cat.types.values()].map((visit) => visit.type).filter((t) => !q.locationId || !t.locationIds || t.locationIds.includes(q.locationId));
      return types;
    },

    async getReferralContext(referralToken, opts?: CallOptions) {
      const operation = 'booking.getReferralContext';
      return readReferralContext(ctx, await catalogue(operation, opts?.signal), referralToken, operation, opts?.signal);
    },

    async listProviders(query = {}, opts?: CallOptions) {
      const operation = 'booking.listProviders';
      const q = parseRequest(ProviderListQuerySchema, query, operation);
      const cat = await catalogue(operation, opts?.signal);
      const providers = [...cat.providers.values()].filter(
        (p) => (!q.locationId || p.locationIds.includes(q.locationId)) && (!q.appointmentTypeId || p.appointmentTypeIds.includes(q.appointmentTypeId)),
      );
      return providers;
    },

    async findSlots(query, opts?: CallOptions) {
      const operation = 'booking.findSlots';
      const q = parseRequest(SlotQuerySchema, query, operation);
      const { fromMs, toMs } = slotSearchWindow(q, ctx.now().getTime(), operation);
      const cat = await catalogue(operation, opts?.signal);
      const search = { locationId: q.locationId, typeId: q.appointmentTypeId, providerId: q.providerId, fromMs, toMs };
      const slots = (await useOperations(opts?.signal))
        ? await operations.find(cat, search, operation, opts?.signal)
        : await findFallbackSlots(ctx, cat, search, operation, opts?.signal);
      return slots;
    },

    async holdSlot(slotId, opts?: CallOptions) {
      const operation = 'booking.holdSlot';
      const cat = await catalogue(operation, opts?.signal);
      if (await useOperations(opts?.signal)) return await operations.hold(cat, slotId, operation, opts?.signal);
      const ref = decodeSlotRef(slotId);
      if (!ref) throw new AdapterError('validation', 'Unknown slot id format.', { operation, issues: [{ path: 'slotId', message: 'Invalid slot id.' }] });
      return await holdFallbackSlot(ctx, cat, ref, operation, opts?.signal);
    },

    async renewHold(holdId, opts?: CallOptions) {
      const operation = 'booking.renewHold';
      const cat = await catalogue(operation, opts?.signal);
      const hold = (await useOperations(opts?.signal))
        ? await operations.renew(cat, holdId, operation, opts?.signal)
        : await renewFallbackHold(ctx, cat, holdId, operation, opts?.signal);
      return hold;
    },

    async releaseHold(holdId, opts?: CallOptions) {
      const operation = 'booking.releaseHold';
      const cat = await catalogue(operation, opts?.signal);
      if (await useOperations(opts?.signal)) await operations.release(cat, holdId, operation, opts?.signal);
      else await releaseFallbackHold(ctx, cat, holdId, operation, opts?.signal);
    },

    async book(request, opts?: CallOptions) {
      const operation = 'booking.book';
      const req = parseRequest(BookRequestSchema, request, operation);
      const cat = await catalogue(operation, opts?.signal);
      const plan = { holdId: req.holdId, requestKey: req.idempotencyKey, patient: req.patient, coverage: req.coverage, consents: req.consents };
      return (await useOperations(opts?.signal))
        ? operations.book(cat, plan, operation, opts?.signal)
        : bookHeldSlot(ctx, cat, plan, operation, opts?.signal);
    },

    async getAppointment(manageToken, opts?: CallOptions) {
      const operation = 'booking.getAppointment';
      const cat = await catalogue(operation, opts?.signal);
      return managedView(ctx, cat, await findManaged(ctx, cat, manageToken, operation, opts?.signal));
    },

    async cancelAppointment(manageToken, request, opts?: CallOptions) {
      const operation = 'booking.cancelAppointment';
      const req = parseRequest(CancelRequestSchema, request, operation);
      const cat = await catalogue(operation, opts?.signal);
      const visit = await findManaged(ctx, cat, manageToken, operation, opts?.signal);
      if (visit.appointment.status === 'cancelled') return visit.appointment;
      requireFeeAcknowledged(ctx, cat, visit.appointment, req.acknowledgedFee, operation);
      const reason = { code: 'pat-cpp' as const, text: req.reason ?? 'Cancelled by the patient online' };
      if (await useOperations(opts?.signal)) return operations.cancel(cat, visit, reason, operation, opts?.signal);
      return cancelVisit(ctx, cat, visit, reason, operation, opts?.signal);
    },

    async confirmAppointment(manageToken, opts?: CallOptions) {
      const operation = 'booking.confirmAppointment';
      const cat = await catalogue(operation, opts?.signal);
      return confirmAttendance(ctx, cat, await findManaged(ctx, cat, manageToken, operation, opts?.signal), operation, opts?.signal);
    },

    async rescheduleAppointment(manageToken, request, opts?: CallOptions) {
      const operation = 'booking.rescheduleAppointment';
      const req = parseRequest(RescheduleRequestSchema, request, operation);
      const cat = await catalogue(operation, opts?.signal);
      const viaOperations = await useOperations(opts?.signal);
      // A retry of a reschedule that went through returns the new visit (which now carries the
      // manage token); a key used for anything else is a conflict.
      const replayed = await replayBooking(
        ctx,
        cat,
        req.idempotencyKey,
        (a) => rescheduledFromId(a) !== undefined && identifierValue(a, MANAGE_TOKEN_IDENTIFIER) === manageToken,
        operation,
        opts?.signal,
      );
      if (replayed) return replayed;
      const previous = await findManaged(ctx, cat, manageToken, operation, opts?.signal);
      if (previous.appointment.status === 'cancelled') {
        throw new AdapterError('conflict', 'This appointment was cancelled and cannot be rescheduled.', { operation });
      }
      requireFeeAcknowledged(ctx, cat, previous.appointment, req.acknowledgedFee, operation);
      const patientId = previous.resource.participant?.map((p) => p.actor?.reference).find((ref) => ref?.startsWith('Patient/'))?.slice('Patient/'.length);
      if (!patientId) throw new AdapterError('server', 'The appointment names no patient.', { operation, retryable: false });
      const plan = {
        holdId: req.holdId,
        requestKey: req.idempotencyKey,
        patient: { kind: 'existing' as const, patientId },
        consents: [],
        manageToken,
        rescheduledFromId: previous.appointment.id,
      };
      const next = viaOperations ? await operations.book(cat, plan, operation, opts?.signal) : await bookHeldSlot(ctx, cat, plan, operation, opts?.signal);
      const reason = { code: 'pat' as const, text: 'Rescheduled by the patient online' };
      if (viaOperations) await operations.cancel(cat, previous, reason, operation, opts?.signal);
      else await cancelVisit(ctx, cat, previous, reason, operation, opts?.signal);
      return next;
    },

    async joinWaitlist(request, opts?: CallOptions) {
      const operation = 'booking.joinWaitlist';
      const req = parseRequest(WaitlistRequestSchema, request, operation);
      return joinWaitlist(ctx, await catalogue(operation, opts?.signal), req, operation, opts?.signal);
    },
  };

  if (options.eligibility) {
    api.verifyEligibility = async (coverage, opts?: CallOptions) => {
      const operation = 'booking.verifyEligibility';
      const c = parseRequest(CoverageSchema, coverage, operation);
      return verifyEligibility(ctx, await catalogue(operation, opts?.signal), c, operation, opts?.signal);
    };
  }
  return api;
}
