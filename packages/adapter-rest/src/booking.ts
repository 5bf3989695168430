import {
  AppointmentSchema,
  AppointmentTypeListQuerySchema,
  AppointmentTypeListSchema,
  BookRequestSchema,
  CancelRequestSchema,
  CoverageSchema,
  EligibilityResultSchema,
  HoldSchema,
  LocationListSchema,
  ManagedAppointmentSchema,
  PracticeSchema,
  ProviderListQuerySchema,
  ProviderListSchema,
  RescheduleRequestSchema,
  SlotListSchema,
  SlotQuerySchema,
  WaitlistEntrySchema,
  WaitlistRequestSchema,
} from '@pxm/core/booking';
import { parseRequest, type BookingApi } from '@pxm/core';
import { allPages } from './pages.js';
import { checkId, checkToken, keyed, newKey } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestBooking(send: Send, withEligibility: boolean): BookingApi {
  const api: BookingApi = {
    getPractice: (options) => send('booking.getPractice', PracticeSchema, {}, options),

    listLocations: (options) => allPages(send, 'booking.listLocations', LocationListSchema, {}, options),

    async listAppointmentTypes(query = {}, options) {
      const q = parseRequest(AppointmentTypeListQuerySchema, query, 'booking.listAppointmentTypes');
      return allPages(send, 'booking.listAppointmentTypes', AppointmentTypeListSchema, { query: q }, options);
    },

    async listProviders(query = {}, options) {
      const q = parseRequest(ProviderListQuerySchema, query, 'booking.listProviders');
      return allPages(send, 'booking.listProviders', ProviderListSchema, { query: q }, options);
    },

    // The backend refuses an empty or overlong range (it knows its own limit).
    async findSlots(query, options) {
      return allPages(send, 'booking.findSlots', SlotListSchema, { query: parseRequest(SlotQuerySchema, query, 'booking.findSlots') }, options);
    },

    // A key per hold makes a retried hold the same hold, never a second one.
    async holdSlot(slotId, options) {
      const operation = 'booking.holdSlot';
      return send(operation, HoldSchema, { json: { slotId: checkId(slotId, 'slotId', operation) }, headers: { 'idempotency-key': newKey() } }, options);
    },

    async renewHold(holdId, options) {
      return send('booking.renewHold', HoldSchema, { params: { holdId: checkId(holdId, 'holdId', 'booking.renewHold') } }, options);
    },

    async releaseHold(holdId, options) {
      await send('booking.releaseHold', undefined, { params: { holdId: checkId(holdId, 'holdId', 'booking.releaseHold') } }, options);
    },

    async book(request, options) {
      return send('booking.book', AppointmentSchema, keyed(parseRequest(BookRequestSchema, request, 'booking.book')), options);
    },

    async getAppointment(manageToken, options) {
      const operation = 'booking.getAppointment';
      return send(operation, ManagedAppointmentSchema, { params: { manageToken: checkToken(manageToken, operation) } }, options);
    },

    async cancelAppointment(manageToken, request, options) {
      const operation = 'booking.cancelAppointment';
      const json = parseRequest(CancelRequestSchema, request, operation);
      return send(operation, AppointmentSchema, { params: { manageToken: checkToken(manageToken, operation) }, json }, options);
    },

    async rescheduleAppointment(manageToken, request, options) {
      const operation = 'booking.rescheduleAppointment';
      const call = keyed(parseRequest(RescheduleRequestSchema, request, operation));
      return send(operation, AppointmentSchema, { ...call, params: { manageToken: checkToken(manageToken, operation) } }, options);
    },

    async joinWaitlist(request, options) {
      return send('booking.joinWaitlist', WaitlistEntrySchema, keyed(parseRequest(WaitlistRequestSchema, request, 'booking.joinWaitlist')), options);
    },
  };
  if (withEligibility) {
    api.verifyEligibility = async (coverage, options) =>
      send('booking.verifyEligibility', EligibilityResultSchema, { json: parseRequest(CoverageSchema, coverage, 'booking.verifyEligibility') }, options);
  }
  return api;
}
