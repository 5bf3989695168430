/**
 * Servers that advertise the IHE ITI Scheduling operations book through them: `$find` for
 * times, `$hold`, `$book` (and `$book` with `cancelled` to release or cancel). Medplum's
 * fhir-router implements none of them, so this scripted server stands in for an EHR scheduler
 * and the test checks the requests the adapter makes and how it reads the answers.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { requireCapability } from '@pxm/core';
import { expectAdapterError } from '@pxm/adapter-testkit';
import { demoAppointmentTypes, demoLocations, demoPractice, demoProviders } from '@pxm/core/demo';
import { createFhirAdapter } from '../src/index.js';
import { IDENTIFIER } from '../src/fhir/namespace.js';
import type { Appointment, Parameters, Resource } from '../src/fhir/types.js';
import { practiceResources } from '../src/provision/index.js';
import { VISIT_TYPE_SYSTEM } from '../src/booking/appointment-type-mapping.js';
import { outcome, searchset, startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const NOW = new Date('2027-03-01T16:00:00Z');
const catalogue = practiceResources({ practice: demoPractice, locations: demoLocations, appointmentTypes: demoAppointmentTypes, providers: demoProviders });

const capabilityStatement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  kind: 'instance',
  fhirVersion: '4.0.1',
  rest: [
    {
      mode: 'server',
      resource: [
        {
          type: 'Appointment',
          operation: [
            { name: 'find', definition: 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-find' },
            { name: 'hold', definition: 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-hold' },
            { name: '$book', definition: 'https://profiles.ihe.net/ITI/Scheduling/OperationDefinition/appointment-book' },
          ],
        },
      ],
    },
  ],
};

function proposal(id: string | undefined, start: string, end: string): Appointment {
  return {
    resourceType: 'Appointment',
    ...(id ? { id } : {}),
    status: 'proposed',
    serviceType: [{ coding: [{ system: VISIT_TYPE_SYSTEM, code: 'telehealth-check-in' }] }],
    start,
    end,
    participant: [
      { actor: { reference: 'Practitioner/ana-rivera' }, status: 'needs-action' },
      { actor: { reference: 'Location/denver-highlands' }, status: 'needs-action' },
    ],
  };
}

interface SchedulerState {
  appointments: Map<string, Appointment>;
  held: Set<string>;
}

async function startScheduler(): Promise<{ server: ScriptedServer; state: SchedulerState }> {
  const state: SchedulerState = { appointments: new Map(), held: new Set() };
  state.appointments.set('prop-1', proposal('prop-1', '2027-03-10T09:00:00-07:00', '2027-03-10T09:30:00-07:00'));
  let counter = 0;
  const server = await startScriptedServer((request) => {
    const [path = '', query = ''] = request.path.split('?');
    const params = new URLSearchParams(query);
    if (path === 'metadata') return { status: 200, body: capabilityStatement };
    if (path === 'Organization/cedar-ridge') return { status: 200, body: catalogue[0] };
    const type = path.split('/')[0]!;
    if (path === 'Appointment/$find') {
      return { status: 200, body: searchset([state.appointments.get('prop-1'), proposal(undefined, '2027-03-11T10:00:00-07:00', '2027-03-11T10:30:00-07:00')]) };
    }
    if (path === 'Appointment/$hold') {
      const input = (request.body as Parameters).parameter?.[0];
      const id = input?.valueReference?.reference?.split('/')[1] ?? `held-${++counter}`;
      if (state.held.has(id)) return { status: 409, body: outcome('conflict', 'Already held') };
      state.held.add(id);
      const base = input?.resource ? (input.resource as Appointment) : state.appointments.get(id)!;
      const pending: Appointment = { ...base, id, status: 'pending' };
      state.appointments.set(id, pending);
      return { status: 200, body: searchset([pending]) };
    }
    if (path === 'Appointment/$book') {
      const appointment = (request.body as Parameters).parameter?.find((p) => p.name === 'appointment-resource')?.resource as Appointment;
      const next: Appointment = { ...appointment, status: appointment.status === 'cancelled' ? 'cancelled' : 'booked' };
      state.appointments.set(next.id!, next);
      return { status: 200, body: searchset([next]) };
    }
    if (path.startsWith('Appointment/') && request.method === 'GET') {
      const found = state.appointments.get(path.split('/')[1]!);
      return found ? { status: 200, body: found } : { status: 404, body: outcome('not-found', 'Not found') };
    }
    if (path === 'Appointment') {
      const wanted = params.get('identifier') ?? '';
      const value = wanted.split('|')[1];
      return { status: 200, body: searchset([...state.appointments.values()].filter((a) => a.identifier?.some((id) => id.value === value))) };
    }
    if (path === 'Patient' && request.method === 'POST') return { status: 201, body: { ...(request.body as Resource), id: 'pat-new-1' } };
    if (request.method === 'GET' && !path.includes('/')) return { status: 200, body: searchset(catalogue.filter((resource) => resource.resourceType === type)) };
    return { status: 404, body: outcome('not-found', `No route for ${request.method} ${path}`) };
  });
  return { server, state };
}

let running: ScriptedServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('fhir adapter: $find, $hold and $book when the server advertises them', () => {
  it('finds, holds, books, views and cancels through the operations', async () => {
    const { server, state } = await startScheduler();
    running = server;
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW }), 'booking');

    const slots = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'telehealth-check-in', providerId: 'ana-rivera', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
    assert.deepEqual(slots.map((s) => s.start), ['2027-03-10T09:00:00-07:00', '2027-03-11T10:00:00-07:00']);
    assert.ok(slots.every((s) => s.providerId === 'ana-rivera' && s.appointmentTypeId === 'telehealth-check-in' && s.end.endsWith('-07:00')));
    const find = new URLSearchParams(server.requests.find((r) => r.path.startsWith('Appointment/$find'))!.path.split('?')[1]);
    assert.equal(find.get('location'), 'Location/denver-highlands');
    assert.equal(find.get('practitioner'), 'Practitioner/ana-rivera');
    assert.equal(find.get('visit-type'), `${VISIT_TYPE_SYSTEM}|telehealth-check-in`);
    assert.equal(find.get('start'), '2027-03-08T07:00:00.000Z');

    const hold = await booking.holdSlot(slots[0]!.id);
    assert.equal(hold.expiresAt, new Date(NOW.getTime() + 10 * 60_000).toISOString());
    const holdRequest = server.requests.find((r) => r.path === 'Appointment/$hold')!.body as Parameters;
    assert.deepEqual(holdRequest.parameter?.[0], { name: 'appointment-reference', valueReference: { reference: 'Appointment/prop-1' } });
    await expectAdapterError(booking.holdSlot(slots[0]!.id), 'slot_unavailable');
    // A proposal without an id is held by value.
    const second = await booking.holdSlot(slots[1]!.id);
    assert.equal((server.requests.filter((r) => r.path === 'Appointment/$hold').at(-1)!.body as Parameters).parameter?.[0]?.name, 'appointment-resource');
    await booking.releaseHold(second.id);
    assert.equal(state.appointments.get(second.id.split('~')[1]!.split('/')[1]!)?.status, 'cancelled', 'release is $book with status cancelled');

    const appointment = await booking.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Jo', lastName: 'Tester', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'jo@example.com' },
      consents: [],
      idempotencyKey: 'ops-book-1',
    });
    assert.equal(appointment.status, 'booked');
    assert.equal(appointment.id, 'prop-1');
    const bookRequest = server.requests.find((r) => r.path === 'Appointment/$book' && (r.body as Parameters).parameter?.[0]?.resource?.['status' as never] === 'pending')!;
    const sent = (bookRequest.body as Parameters).parameter?.[0]?.resource as Appointment;
    assert.ok(sent.participant?.some((p) => p.actor?.reference === 'Patient/pat-new-1'), 'the patient joins the held appointment');
    assert.ok(sent.identifier?.some((id) => id.system === IDENTIFIER.requestKey && id.value === 'ops-book-1'));
    const again = await booking.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Jo', lastName: 'Tester', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'jo@example.com' },
      consents: [],
      idempotencyKey: 'ops-book-1',
    });
    assert.equal(again.id, appointment.id, 'a retry with the same key returns the booking');

    const view = await booking.getAppointment(appointment.manageToken);
    assert.equal(view.appointment.id, 'prop-1');
    const cancelled = await booking.cancelAppointment(appointment.manageToken, { reason: 'Moving away' });
    assert.equal(cancelled.status, 'cancelled');
    const cancel = (server.requests.filter((r) => r.path === 'Appointment/$book').at(-1)!.body as Parameters).parameter?.[0]?.resource as Appointment;
    assert.equal(cancel.cancelationReason?.text, 'Moving away');
  });

  it('keeps the Slot fallback when told to, even on such a server', async () => {
    const { server } = await startScheduler();
    running = server;
    const booking = requireCapability(createFhirAdapter({ baseUrl: server.baseUrl, practice: { organization: 'cedar-ridge' }, now: () => NOW, schedulingOperations: 'never' }), 'booking');
    await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
    assert.ok(!server.requests.some((r) => r.path.startsWith('Appointment/$find') || r.path === 'metadata'));
    assert.ok(server.requests.some((r) => r.path.startsWith('Slot?')));
  });
});
