/**
 * The admin API issues working links (tokens shown once, stored only as hashes), and the seeded
 * demo practice is the one the embedded demo backend has: same catalogue, same free slots, same
 * demo links in the same states.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createManualClock, createMemoryAdapter } from '@pxm/adapter-memory';
import { CONTRACT_NOW, expectAdapterError } from '@pxm/adapter-testkit';
import type { PxmAdapter } from '@pxm/core';
import { DEMO_HEP_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_SURVEY_TOKENS, demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';
import { hashToken } from '../src/tokens.js';
import { startTestServer, type TestServer } from './harness.js';

const ADMIN_KEY = 'practice-admin-key-123456';

describe('admin API', () => {
  let server: TestServer;
  const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { adminApiKey: ADMIN_KEY } });
  });
  after(() => server.dispose());

  it('issues an intake link that opens the form, with a long random token stored only as a hash', async () => {
    const response = await admin('/admin/intake-links', { body: { form: demoIntakeForm, priorScores: [{ instrument: 'lefs', score: 41, recordedAt: '2027-02-01T16:00:00Z' }] } });
    assert.equal(response.status, 201);
    const link = (await response.json()) as { id: string; token: string; expiresAt: string };
    assert.ok(link.token.length >= 43, 'at least 256 bits, base64url');
    assert.equal(link.expiresAt, new Date(CONTRACT_NOW.getTime() + 30 * 86_400_000).toISOString());
    const session = await server.adapter.intake!.loadForm(link.token);
    assert.equal(session.definition.id, demoIntakeForm.id);
    assert.deepEqual(session.priorScores.map((s) => s.score), [41]);
    const stored = await server.server.db.all<{ token_hash: string }>('SELECT token_hash FROM intake_links WHERE id = $1', [link.id]);
    assert.deepEqual(stored, [{ token_hash: hashToken(link.token) }]);
    const everything = JSON.stringify(await server.server.db.all('SELECT * FROM intake_links'));
    assert.ok(!everything.includes(link.token), 'the token itself is not in the database');
  });

  it('revokes manage, intake, HEP and survey links: each then answers token_invalid, its record kept', async () => {
    const issue = async (path: string, body: unknown) => (await (await admin(path, { body })).json()) as { id: string; token: string };
    const intake = await issue('/admin/intake-links', { form: demoIntakeForm });
    const hep = await issue('/admin/hep-programs', { program: demoHepProgram });
    const survey = await issue('/admin/survey-invitations', { survey: demoSurvey });
    const booking = server.adapter.booking!;
    const slots = await booking.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
    const hold = await booking.holdSlot(slots.at(-1)!.id);
    const visit = await booking.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Lee', lastName: 'Chen', dateOfBirth: '1979-09-09', phone: '+1 303-555-0177', email: 'lee@example.com' },
      consents: [],
      idempotencyKey: 'revocation-booking-1',
    });
    // Every link opens before.
    await server.adapter.intake!.loadForm(intake.token);
    await server.adapter.hep!.loadProgram(hep.token);
    await server.adapter.survey!.loadInvitation(survey.token);
    await booking.getAppointment(visit.manageToken);

    // Without the key: refused, and nothing is revoked.
    const anonymous = await fetch(`${server.url}/admin/link-revocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'intake', id: intake.id }) });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), 'application/problem+json');
    await server.adapter.intake!.loadForm(intake.token);

    for (const request of [
      { kind: 'intake', id: intake.id },
      { kind: 'hep', id: hep.id },
      { kind: 'survey', token: survey.token },
      { kind: 'manage', id: visit.id },
    ]) {
      const response = await admin('/admin/link-revocations', { body: request });
      assert.equal(response.status, 200, JSON.stringify(request));
      assert.equal(((await response.json()) as { id: string }).id, 'id' in request ? request.id : survey.id);
    }
    await expectAdapterError(server.adapter.intake!.loadForm(intake.token), 'token_invalid');
    await expectAdapterError(server.adapter.hep!.loadProgram(hep.token), 'token_invalid');
    await expectAdapterError(server.adapter.survey!.loadInvitation(survey.token), 'token_invalid');
    await expectAdapterError(booking.getAppointment(visit.manageToken), 'token_invalid');
    await expectAdapterError(booking.cancelAppointment(visit.manageToken, {}), 'token_invalid');

    // The records stay; again is the same answer; unknown is 404; both id and token is 400.
    assert.equal((await server.server.db.get<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [visit.id]))!.status, 'booked');
    assert.equal((await admin('/admin/link-revocations', { body: { kind: 'intake', id: intake.id } })).status, 200);
    assert.equal((await admin('/admin/link-revocations', { body: { kind: 'hep', id: 'hep_nope' } })).status, 404);
    assert.equal((await admin('/admin/link-revocations', { body: { kind: 'hep', id: hep.id, token: hep.token } })).status, 400);
    assert.equal((await admin('/admin/link-revocations', { body: { kind: 'referral', id: hep.id } })).status, 400);
  });

  it('issues and edits a HEP program: the version goes up and the old schedule is kept', async () => {
    const issued = (await (await admin('/admin/hep-programs', { body: { program: demoHepProgram } })).json()) as { id: string; token: string; version: number };
    assert.equal(issued.version, demoHepProgram.version);
    const edited = { ...demoHepProgram, exercises: demoHepProgram.exercises.map((e) => ({ ...e, frequency: { timesPerDay: 3 } })) };
    const update = await admin(`/admin/hep-programs/${issued.id}`, { method: 'PUT', body: { program: edited } });
    assert.equal(update.status, 200);
    assert.deepEqual(await update.json(), { id: issued.id, version: issued.version + 1 });
    const program = await server.adapter.hep!.loadProgram(issued.token);
    assert.equal(program.version, issued.version + 1);
    assert.equal(program.exercises[0]!.frequency.timesPerDay, 3);
    const kept = program.revisions?.at(-1);
    assert.equal(kept?.version, issued.version, 'the schedule it replaced is kept as a revision');
    assert.equal(kept?.exercises[0]?.frequency.timesPerDay, demoHepProgram.exercises[0]!.frequency.timesPerDay);
    assert.equal((await admin('/admin/hep-programs/hep_nope', { method: 'PUT', body: { program: edited } })).status, 404);
  });

  it('issues a survey invitation that is answered once', async () => {
    const issued = (await (await admin('/admin/survey-invitations', { body: { survey: demoSurvey, expiresAt: '2027-04-01T00:00:00Z' } })).json()) as { token: string };
    const invitation = await server.adapter.survey!.loadInvitation(issued.token);
    assert.equal(invitation.status, 'open');
    assert.equal(invitation.expiresAt, '2027-04-01T00:00:00.000Z');
    await server.adapter.survey!.submit(issued.token, { answers: { nps: 10 }, idempotencyKey: 'admin-survey-1' });
    assert.equal((await server.adapter.survey!.loadInvitation(issued.token)).status, 'answered');
  });

  it('lists the reminder outbox without contact details', async () => {
    const response = await admin('/admin/reminders?status=pending', { method: 'GET' });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { items: unknown[] };
    assert.ok(Array.isArray(body.items));
    assert.equal((await admin('/admin/reminders?status=lost', { method: 'GET' })).status, 400);
  });

  it('is off without a configured key', async () => {
    const closed = await startTestServer('sqlite', { now: CONTRACT_NOW });
    try {
      const response = await fetch(`${closed.url}/admin/survey-invitations`, { method: 'POST', headers: { authorization: 'Bearer anything' } });
      assert.equal(response.status, 401);
    } finally {
      await closed.dispose();
    }
  });
});

describe('the seeded demo practice matches the embedded demo backend', () => {
  let server: TestServer;
  let memory: PxmAdapter;
  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW });
    memory = createMemoryAdapter({ now: createManualClock(CONTRACT_NOW).now });
  });
  after(() => server.dispose());

  it('same practice, locations, appointment types and providers', async () => {
    const [rest, mem] = [server.adapter.booking!, memory.booking!];
    assert.deepEqual(await rest.getPractice(), await mem.getPractice());
    assert.deepEqual(await rest.listLocations(), await mem.listLocations());
    assert.deepEqual(await rest.listAppointmentTypes(), await mem.listAppointmentTypes());
    assert.deepEqual(await rest.listProviders(), await mem.listProviders());
  });

  it('same free slots at every location, for every visit type, over three months', async () => {
    const from = CONTRACT_NOW.toISOString();
    const to = new Date(CONTRACT_NOW.getTime() + 90 * 86_400_000).toISOString();
    let compared = 0;
    for (const location of await memory.booking!.listLocations()) {
      for (const type of await memory.booking!.listAppointmentTypes({ locationId: location.id })) {
        const query = { locationId: location.id, appointmentTypeId: type.id, from, to };
        const [rest, mem] = await Promise.all([server.adapter.booking!.findSlots(query), memory.booking!.findSlots(query)]);
        assert.deepEqual(rest, mem, `${location.id} ${type.id}`);
        compared += rest.length;
      }
    }
    assert.ok(compared > 1000, `${compared} slots compared`);
  });

  it('same demo links, in the same states', async () => {
    const strip = <T extends { id?: string }>(value: T) => ({ ...value, id: undefined });
    for (const token of Object.values(DEMO_SURVEY_TOKENS).filter((t) => t !== DEMO_SURVEY_TOKENS.invalid)) {
      const [rest, mem] = await Promise.all([server.adapter.survey!.loadInvitation(token), memory.survey!.loadInvitation(token)]);
      assert.deepEqual(strip(rest), strip(mem), token);
    }
    assert.deepEqual(await server.adapter.intake!.loadForm(DEMO_INTAKE_TOKEN), await memory.intake!.loadForm(DEMO_INTAKE_TOKEN));
    assert.deepEqual(await server.adapter.hep!.loadProgram(DEMO_HEP_TOKEN), await memory.hep!.loadProgram(DEMO_HEP_TOKEN));
    for (const token of Object.values(DEMO_MANAGE_TOKENS)) {
      const [rest, mem] = await Promise.allSettled([server.adapter.booking!.getAppointment(token), memory.booking!.getAppointment(token)]);
      assert.equal(rest.status, mem.status, token);
      if (rest.status === 'fulfilled' && mem.status === 'fulfilled') assert.deepEqual(rest.value, mem.value, token);
      if (rest.status === 'rejected' && mem.status === 'rejected') assert.equal(rest.reason.code, mem.reason.code, token);
    }
  });
});
