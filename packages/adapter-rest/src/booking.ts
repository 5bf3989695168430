/**
 * Booking over REST. Neither requests nor replies are validated here: the server validates what
 * it receives, and the element boundary validates what it is given (core's `bookingReplySchemas`),
 * so each check happens once. Only what goes into a URL path is refused before sending.
 */
import type { BookingApi } from '@pxm/core';
import { allPages } from './pages.js';
import { checkId, checkToken, keyed, newKey } from './request-parts.js';
import type { Send } from './transport.js';

export function createRestBooking(send: Send, withEligibility: boolean): BookingApi {
  const api: BookingApi = {
    getPractice: (options) => send('booking.getPractice', 'as-read', {}, options),

    listLocations: (options) => allPages(send, 'booking.listLocations', 'as-read', {}, options),

    listAppointmentTypes: (query = {}, options) => allPages(send, 'booking.listAppointmentTypes', 'as-read', { query: { ...query } }, options),

    listProviders: (query = {}, options) => allPages(send, 'booking.listProviders', 'as-read', { query: { ...query } }, options),

    // The backend refuses an empty or overlong range (core's slot search window).
    findSlots: (query, options) => allPages(send, 'booking.findSlots', 'as-read', { query: { ...query } }, options),

    // A key per hold makes a retried hold the same hold, never a second one.
    async holdSlot(slotId, options) {
      const operation = 'booking.holdSlot';
      return send(operation, 'as-read', { json: { slotId: checkId(slotId, 'slotId', operation) }, headers: { 'idempotency-key': newKey() } }, options);
    },

    async renewHold(holdId, options) {
      return send('booking.renewHold', 'as-read', { params: { holdId: checkId(holdId, 'holdId', 'booking.renewHold') } }, options);
    },

    async releaseHold(holdId, options) {
      await send('booking.releaseHold', undefined, { params: { holdId: checkId(holdId, 'holdId', 'booking.releaseHold') } }, options);
    },

    book: (request, options) => send('booking.book', 'as-read', keyed(request), options),

    async getAppointment(manageToken, options) {
      const operation = 'booking.getAppointment';
      return send(operation, 'as-read', { params: { manageToken: checkToken(manageToken, operation) } }, options);
    },

    async cancelAppointment(manageToken, request, options) {
      const operation = 'booking.cancelAppointment';
      return send(operation, 'as-read', { params: { manageToken: checkToken(manageToken, operation) }, json: request }, options);
    },

    async rescheduleAppointment(manageToken, request, options) {
      const operation = 'booking.rescheduleAppointment';
      return send(operation, 'as-read', { ...keyed(request), params: { manageToken: checkToken(manageToken, operation) } }, options);
    },

    // Confirming twice is harmless (the second returns the visit unchanged): safe to retry as a read.
    async confirmAppointment(manageToken, options) {
      const operation = 'booking.confirmAppointment';
      return send(operation, 'as-read', { params: { manageToken: checkToken(manageToken, operation) } }, options);
    },

    joinWaitlist: (request, options) => send('booking.joinWaitlist', 'as-read', keyed(request), options),

    async getReferralContext(referralToken, options) {
      const operation = 'booking.getReferralContext';
      return send(operation, 'as-read', { params: { token: checkToken(referralToken, operation) } }, options);
    },
  };
  if (withEligibility) {
    api.verifyEligibility = async (coverage, options) => send('booking.verifyEligibility', 'as-read', { json: coverage }, options);
  }
  return api;
}
