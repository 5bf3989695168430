/**
 * Idempotency keys cover the whole request, a key's own concurrent retries never lose to each
 * other, concurrent reschedules of one visit get one behaviour on both databases (never "link not
 * valid" for a valid link), and a submitted intake's link no longer hands its answers back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_INTAKE_REASSESSMENT_TOKEN, DEMO_INTAKE_TOKEN, DEMO_MANAGE_TOKENS, DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import { postgresUnavailable, startTestServer, type Dialect, type TestServer } from './harness.js';

const at = CONTRACT_NOW.toISOString();
const patient = { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 't@example.com' };
const week = new URLSearchParams({ locationId: 'denver-highlands', appointmentTypeId: 'follow-up', from: '2027-03-08T00:00:00-07:00', to: '2027-03-13T00:00:00-07:00' });

function suite(dialect: Dialect, skip: () => string | undefined) {
  describe(`idempotency and races (${dialect})`, () => {
    let server: TestServer | undefined;
    let slotIds: string[] = [];
    let nextSlot = 0;
    const freeSlot = () => slotIds[nextSlot++]!;

    before(async () => {
      if (skip()) return;
      server = await startTestServer(dialect, { now: CONTRACT_NOW, serverOptions: { seed: 'demo' } });
      const page = (await (await fetch(`${server.url}/booking/slots?${week}&limit=2000`)).json()) as { items: Array<{ id: string; start: string }> };
      // Slots an hour apart on each provider's calendar, so holding one never takes another.
      const lastStart = new Map<string, number>();
      slotIds = page.items
        .filter((slot) => {
          const provider = slot.id.split('|')[3]!;
          const start = Date.parse(slot.start);
          if (start - (lastStart.get(provider) ?? -Infinity) < 3_600_000) return false;
          lastStart.set(provider, start);
          return true;
        })
        .map((slot) => slot.id);
    });
    after(() => server?.dispose());

    const post = (path: string, body: unknown, key?: string) =>
      fetch(`${server!.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify(body),
      });

    async function hold(key?: string): Promise<string> {
      const response = await post('/booking/holds', { slotId: freeSlot() }, key);
      assert.equal(response.status, 201);
      return ((await response.json()) as { id: string }).id;
    }

    it('the same key with another patient for the same hold is 409 conflict, not the first booking replayed', async (t) => {
      if (skip()) return t.skip(skip());
      const evaluation = new URLSearchParams({ ...Object.fromEntries(week), appointmentTypeId: 'initial-evaluation' });
      const page = (await (await fetch(`${server!.url}/booking/slots?${evaluation}`)).json()) as { items: Array<{ id: string }> };
      const held = await post('/booking/holds', { slotId: page.items.at(-1)!.id });
      assert.equal(held.status, 201);
      const holdId = ((await held.json()) as { id: string }).id;
      const body = { holdId, patient, consents: [{ channel: 'sms', granted: true, recordedAt: at }] };
      const first = await post('/booking/appointments', body, 'whole-request-book-0001');
      assert.equal(first.status, 201);
      const same = await post('/booking/appointments', { consents: body.consents, patient, holdId }, 'whole-request-book-0001');
      assert.equal(same.status, 201, 'the same body, keys in another order, replays');
      const other = await post('/booking/appointments', { ...body, patient: { ...patient, lastName: 'Someone-Else' } }, 'whole-request-book-0001');
      assert.equal(other.status, 409);
      assert.equal(((await other.json()) as { code: string }).code, 'conflict');
    });

    it('the same key with another waitlist request is 409 conflict', async (t) => {
      if (skip()) return t.skip(skip());
      const body = { locationId: 'denver-highlands', appointmentTypeId: 'follow-up', preferredWeekdays: [1], preferredTimesOfDay: ['morning'], patient, consents: [] };
      assert.equal((await post('/booking/waitlist', body, 'whole-request-wait-0001')).status, 201);
      const other = await post('/booking/waitlist', { ...body, preferredWeekdays: [2] }, 'whole-request-wait-0001');
      assert.equal(other.status, 409);
    });

    it('an intake submission with the same key and other answers is 409 conflict, not the first reply replayed', async (t) => {
      if (skip()) return t.skip(skip());
      const token = DEMO_INTAKE_REASSESSMENT_TOKEN;
      const first = await post(`/intake/${token}/submission`, { answers: {} }, 'intake-whole-request-0001');
      assert.equal(first.status, 201, await first.clone().text());
      const same = await post(`/intake/${token}/submission`, { answers: {} }, 'intake-whole-request-0001');
      assert.equal(same.status, 201);
      assert.deepEqual(await same.json(), await first.json(), 'the same request replays');
      const other = await post(`/intake/${token}/submission`, { answers: { note: 'something else' } }, 'intake-whole-request-0001');
      assert.equal(other.status, 409);
      assert.equal(((await other.json()) as { code: string }).code, 'conflict');
      const anotherKey = await post(`/intake/${token}/submission`, { answers: {} }, 'intake-whole-request-0002');
      assert.equal(((await anotherKey.json()) as { code: string }).code, 'already_submitted');
    });

    it('a survey submission with the same key and other answers is 409 conflict, not the first reply replayed', async (t) => {
      if (skip()) return t.skip(skip());
      const token = DEMO_SURVEY_TOKENS.open;
      const first = await post(`/survey/${token}/response`, { answers: { nps: 9 } }, 'survey-whole-request-0001');
      assert.equal(first.status, 201, await first.clone().text());
      const same = await post(`/survey/${token}/response`, { answers: { nps: 9 } }, 'survey-whole-request-0001');
      assert.equal(same.status, 201);
      assert.deepEqual(await same.json(), await first.json(), 'the same request replays');
      const other = await post(`/survey/${token}/response`, { answers: { nps: 3 } }, 'survey-whole-request-0001');
      assert.equal(other.status, 409);
      assert.equal(((await other.json()) as { code: string }).code, 'conflict');
      const anotherKey = await post(`/survey/${token}/response`, { answers: { nps: 9 } }, 'survey-whole-request-0002');
      assert.equal(anotherKey.status, 409);
      assert.equal(((await anotherKey.json()) as { code: string }).code, 'already_submitted');
    });

    it("a key's own concurrent retries of a hold all get the one hold, never slot_unavailable", async (t) => {
      if (skip()) return t.skip(skip());
      for (let round = 0; round < 12; round++) {
        const slotId = freeSlot();
        const key = `hold-race-${dialect}-${round}-0001`;
        const answers = await Promise.all(Array.from({ length: 5 }, () => post('/booking/holds', { slotId }, key)));
        const bodies = (await Promise.all(answers.map((r) => r.json()))) as Array<{ id?: string; code?: string }>;
        assert.deepEqual(
          answers.map((r) => r.status),
          [201, 201, 201, 201, 201],
          `round ${round}: ${JSON.stringify(bodies.map((b) => b.code ?? 'ok'))}`,
        );
        assert.equal(new Set(bodies.map((b) => b.id)).size, 1, `round ${round}: one hold`);
      }
    });

    it('ten concurrent reschedules of one visit all act on the link where it is, never token_invalid', async (t) => {
      if (skip()) return t.skip(skip());
      const token = DEMO_MANAGE_TOKENS.upcoming;
      const holds = [];
      for (let i = 0; i < 10; i++) holds.push(await hold());
      const answers = await Promise.all(holds.map((holdId, i) => post(`/booking/appointments/${token}/reschedule`, { holdId }, `reschedule-race-${i}-0001`)));
      const codes = await Promise.all(answers.map(async (r) => (r.status === 201 ? 201 : `${r.status} ${((await r.json()) as { code: string }).code}`)));
      assert.deepEqual(codes, Array(10).fill(201));
      // The link names exactly one booked visit, the last one made.
      const managed = (await (await fetch(`${server!.url}/booking/appointments/${token}`)).json()) as { appointment: { status: string } };
      assert.equal(managed.appointment.status, 'booked');
      const booked = await server!.server.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM appointments WHERE status = 'booked' AND manage_token_hash IS NOT NULL AND rescheduled_from_id IS NOT NULL",
      );
      assert.equal(Number(booked!.n), 1);
    });

    it("a submitted intake's link no longer returns its answers as a draft", async (t) => {
      if (skip()) return t.skip(skip());
      const saved = await fetch(`${server!.url}/intake/${DEMO_INTAKE_TOKEN}/draft`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'if-none-match': '*' },
        body: JSON.stringify({ answers: { firstName: 'Ada' } }),
      });
      assert.equal(saved.status, 200);
      const form = (await (await fetch(`${server!.url}/intake/${DEMO_INTAKE_TOKEN}`)).json()) as { definition: unknown };
      assert.ok(form.definition);
      const submitted = await post(`/intake/${DEMO_INTAKE_TOKEN}/submission`, { answers: { firstName: 'Ada' } }, 'intake-submit-0001');
      assert.ok(submitted.status === 201, `submit: ${submitted.status} ${await submitted.text()}`);
      const after = (await (await fetch(`${server!.url}/intake/${DEMO_INTAKE_TOKEN}`)).json()) as { status: string; draft: unknown };
      assert.equal(after.status, 'submitted');
      assert.equal(after.draft, null);
      const row = await server!.server.db.get<{ draft_answers: string | null }>('SELECT draft_answers FROM intake_links WHERE response_id IS NOT NULL');
      assert.equal(row!.draft_answers, null);
    });
  });
}

let postgresSkip: string | undefined;
before(async () => {
  postgresSkip = await postgresUnavailable();
});

suite('sqlite', () => undefined);
suite('postgres', () => postgresSkip);
