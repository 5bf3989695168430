import {
  AppointmentTypeListQuerySchema,
  BookRequestSchema,
  CancelRequestSchema,
  CoverageSchema,
  ProviderListQuerySchema,
  RescheduleRequestSchema,
  SlotQuerySchema,
  WaitlistRequestSchema,
} from '@pxm/core/booking';
import { IdSchema } from '@pxm/core';
import type { Hono } from 'hono';
import * as z from 'zod/mini';
import { decodeCursor, encodeCursor, limitOf, offsetPage, queryParams, type Page } from '../http/pagination.js';
import { readObject, strict } from '../http/request-body.js';
import { idempotencyKey } from '../http/request-headers.js';
import type { BookingService } from '../services/booking-service.js';
import type { AppEnv } from '../app-env.js';

const HoldRequestSchema = z.strictObject({ slotId: IdSchema });
const SlotCursorSchema = z.object({ s: z.int(), p: z.string() });

export function bookingRoutes(app: Hono<AppEnv>, booking: BookingService): void {
  app.get('/booking/practice', async (c) => c.json(await booking.getPractice()));

  app.get('/booking/locations', async (c) => {
    const { params, limit, cursor } = queryParams(c.req.url);
    strict(z.strictObject({}), params, 'booking.listLocations');
    return c.json(offsetPage(await booking.listLocations(), limitOf(limit, 100, 500), cursor));
  });

  app.get('/booking/appointment-types', async (c) => {
    const { params, limit, cursor } = queryParams(c.req.url);
    const query = strict(AppointmentTypeListQuerySchema, params, 'booking.listAppointmentTypes');
    return c.json(offsetPage(await booking.listAppointmentTypes(query), limitOf(limit, 100, 500), cursor));
  });

  app.get('/booking/providers', async (c) => {
    const { params, limit, cursor } = queryParams(c.req.url);
    const query = strict(ProviderListQuerySchema, params, 'booking.listProviders');
    return c.json(offsetPage(await booking.listProviders(query), limitOf(limit, 100, 500), cursor));
  });

  app.get('/booking/slots', async (c) => {
    const operation = 'booking.findSlots';
    const { params, limit, cursor } = queryParams(c.req.url);
    const query = strict(SlotQuerySchema, params, operation);
    const size = limitOf(limit, 500, 2000);
    const after = decodeCursor(cursor, SlotCursorSchema);
    const all = await booking.findSlots(query);
    // Slots are sorted by start, then provider: continue strictly after the last one sent.
    const rest = after
      ? all.filter((s) => Date.parse(s.start) > after.s || (Date.parse(s.start) === after.s && s.providerId > after.p))
      : all;
    const items = rest.slice(0, size);
    const last = items[items.length - 1];
    const page: Page<(typeof items)[number]> = {
      items,
      nextCursor: rest.length > size && last ? encodeCursor({ s: Date.parse(last.start), p: last.providerId }) : null,
    };
    return c.json(page);
  });

  app.post('/booking/holds', async (c) => {
    const body = strict(HoldRequestSchema, await readObject(c, 'booking.holdSlot'), 'booking.holdSlot');
    return c.json(await booking.holdSlot(body.slotId, idempotencyKey(c, false)), 201);
  });

  app.post('/booking/holds/:holdId/renewal', async (c) => c.json(await booking.renewHold(c.req.param('holdId'))));

  app.delete('/booking/holds/:holdId', async (c) => {
    await booking.releaseHold(c.req.param('holdId'));
    return c.body(null, 204);
  });

  app.post('/booking/appointments', async (c) => {
    const operation = 'booking.book';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(BookRequestSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await booking.book(request), 201);
  });

  app.get('/booking/appointments/:manageToken', async (c) => c.json(await booking.getAppointment(c.req.param('manageToken'))));

  app.post('/booking/appointments/:manageToken/cancellation', async (c) => {
    const operation = 'booking.cancelAppointment';
    const request = strict(CancelRequestSchema, await readObject(c, operation), operation);
    return c.json(await booking.cancelAppointment(c.req.param('manageToken'), request));
  });

  app.post('/booking/appointments/:manageToken/confirmation', async (c) => c.json(await booking.confirmAppointment(c.req.param('manageToken'))));

  app.post('/booking/appointments/:manageToken/reschedule', async (c) => {
    const operation = 'booking.rescheduleAppointment';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(RescheduleRequestSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await booking.rescheduleAppointment(c.req.param('manageToken'), request), 201);
  });

  app.post('/booking/waitlist', async (c) => {
    const operation = 'booking.joinWaitlist';
    const key = idempotencyKey(c, true);
    const body = await readObject(c, operation, ['idempotencyKey']);
    const request = strict(WaitlistRequestSchema, { ...body, idempotencyKey: key }, operation);
    return c.json(await booking.joinWaitlist(request), 201);
  });

  // Without a provider the endpoint stays and says so (501 unsupported) rather than vanishing.
  app.post('/booking/eligibility', async (c) => {
    const operation = 'booking.verifyEligibility';
    const coverage = strict(CoverageSchema, await readObject(c, operation), operation);
    return c.json(await booking.verifyEligibility(coverage, c.req.raw.signal));
  });
}
