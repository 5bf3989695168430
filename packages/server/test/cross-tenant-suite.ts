/**
 * The cross-tenant suite: two practices on one server, each with its own admin key, bookings,
 * links and referrals. Every capability of practice A (link tokens, hold ids, record ids, its
 * admin key, idempotency keys) is tried against practice B's routes, and B's against A's: each is
 * refused, the body names nothing of the other practice, and the answer is the same (status and
 * body) as for a capability that exists nowhere. Timing of the two is compared roughly.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createRestAdapter } from '@pxm/adapter-rest';
import { CONTRACT_NOW, referralInput } from '@pxm/adapter-testkit';
import type { PxmAdapter } from '@pxm/core';
import { demoHepProgram, demoIntakeForm, demoSurvey } from '@pxm/core/demo';
import { startTestServer, type Dialect, type TestServer } from './harness.js';

const KEY_A = 'practice-a-admin-key-0123456789';
const KEY_B = 'practice-b-admin-key-0123456789';
const OPERATOR_KEY = 'operator-key-0123456789-abcdefgh';
const DENVER = 'denver-highlands';

/** What a practice has issued: its capabilities, and the ids of what they name. */
interface Issued {
  intakeToken: string;
  intakeId: string;
  hepToken: string;
  hepId: string;
  surveyToken: string;
  progressToken: string;
  progressId: string;
  manageToken: string;
  appointmentId: string;
  holdId: string;
  referralId: string;
  bookingLinkToken: string;
}

/** A token shaped like the real ones that no practice issued. */
const nowhereToken = () => randomBytes(32).toString('base64url');

interface Reply {
  status: number;
  /** The body with the per-request id taken out: what must match between two refusals. */
  shape: unknown;
  text: string;
}

export function crossTenantSuite(dialect: Dialect, skip?: string): void {
  describe(`practices are isolated (${dialect})`, { skip }, () => {
    let server: TestServer;
    let adapterB: PxmAdapter;
    let issuedA: Issued;
    let issuedB: Issued;
    const base = { a: '', b: '' };

    async function call(prefix: string, method: string, path: string, init: { key?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<Reply> {
      const response = await fetch(`${server.url}${prefix}${path}`, {
        method,
        headers: {
          ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await response.text();
      let shape: unknown = text;
      try {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        delete parsed.requestId;
        shape = parsed;
      } catch {
        // not JSON: compared as text
      }
      return { status: response.status, shape, text };
    }

    async function issue(prefix: string, key: string, adapter: PxmAdapter): Promise<Issued> {
      const created = async (path: string, body: unknown) => {
        const reply = await call(prefix, 'POST', path, { key, body });
        assert.equal(reply.status, 201, `${prefix}${path}: ${reply.text}`);
        return reply.shape as { id: string; token: string };
      };
      const intake = await created('/admin/intake-links', { form: demoIntakeForm });
      const hep = await created('/admin/hep-programs', { program: demoHepProgram });
      const survey = await created('/admin/survey-invitations', { survey: demoSurvey });
      const progress = await created('/admin/progress-episodes', {
        episode: { id: `ep-${prefix.length}`, title: 'Left hip', status: 'active', startedAt: '2027-02-01T09:00:00-07:00', timeZone: 'America/Denver', practiceName: 'Practice' },
        goals: [],
        assignments: [],
      });
      const slots = await adapter.booking!.findSlots({ locationId: DENVER, appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' });
      const hold = await adapter.booking!.holdSlot(slots[0]!.id);
      const appointment = await adapter.booking!.book({
        holdId: hold.id,
        patient: { kind: 'new', firstName: 'Test', lastName: 'Patient', dateOfBirth: '1990-05-17', phone: '+1 303-555-0100', email: 'test.patient@example.com', reasonForVisit: 'Knee pain' },
        consents: [{ channel: 'sms', granted: true, recordedAt: CONTRACT_NOW.toISOString() }],
        idempotencyKey: `book-${prefix}-${randomBytes(4).toString('hex')}`,
      });
      const otherHold = await adapter.booking!.holdSlot(slots[slots.length - 1]!.id);
      const receipt = await adapter.referral!.submitReferral(referralInput());
      const listed = (await call(prefix, 'GET', '/admin/referrals', { key })).shape as { items: Array<{ id: string; reference: string }> };
      const referral = listed.items.find((item) => item.reference === receipt.reference)!;
      const link = await created(`/admin/referrals/${referral.id}/booking-links`, {});
      return {
        intakeToken: intake.token,
        intakeId: intake.id,
        hepToken: hep.token,
        hepId: hep.id,
        surveyToken: survey.token,
        progressToken: progress.token,
        progressId: progress.id,
        manageToken: appointment.manageToken!,
        appointmentId: appointment.id,
        holdId: otherHold.id,
        referralId: referral.id,
        bookingLinkToken: link.token,
      };
    }

    before(async () => {
      if (skip) return;
      server = await startTestServer(dialect, { now: CONTRACT_NOW, serverOptions: { adminApiKey: KEY_A, operatorKey: OPERATOR_KEY } });
      const created = await call('', 'POST', '/operator/practices', { key: OPERATOR_KEY, body: { id: 'practice-b', name: 'Practice B', adminApiKey: KEY_B, settings: { seed: 'demo', timeZone: 'America/Denver' } } });
      assert.equal(created.status, 201, created.text);
      base.b = '/practices/practice-b';
      adapterB = createRestAdapter({ baseUrl: `${server.url}${base.b}`, timeoutMs: 15_000 });
      issuedA = await issue(base.a, KEY_A, server.adapter);
      issuedB = await issue(base.b, KEY_B, adapterB);
    });
    after(async () => {
      if (!skip) await server.dispose();
    });

    /** Every route that takes a capability or a record id, with the capability it takes. */
    const probes: Array<{ name: string; method: string; path: (issued: Issued | undefined) => string; admin?: boolean; body?: unknown; idempotent?: boolean }> = [
      { name: 'intake form', method: 'GET', path: (i) => `/intake/${i?.intakeToken ?? nowhereToken()}` },
      { name: 'intake draft', method: 'PUT', path: (i) => `/intake/${i?.intakeToken ?? nowhereToken()}/draft`, body: { answers: {}, expectedVersion: 0 } },
      { name: 'intake submission', method: 'POST', path: (i) => `/intake/${i?.intakeToken ?? nowhereToken()}/submission`, body: { answers: {}, idempotencyKey: 'k-1' } },
      { name: 'hep program', method: 'GET', path: (i) => `/hep/${i?.hepToken ?? nowhereToken()}` },
      { name: 'hep activity', method: 'GET', path: (i) => `/hep/${i?.hepToken ?? nowhereToken()}/activity` },
      { name: 'survey', method: 'GET', path: (i) => `/survey/${i?.surveyToken ?? nowhereToken()}` },
      { name: 'progress', method: 'GET', path: (i) => `/progress/${i?.progressToken ?? nowhereToken()}` },
      { name: 'managed appointment', method: 'GET', path: (i) => `/booking/appointments/${i?.manageToken ?? nowhereToken()}` },
      { name: 'cancellation', method: 'POST', path: (i) => `/booking/appointments/${i?.manageToken ?? nowhereToken()}/cancellation`, body: { reason: 'x', idempotencyKey: 'cancel-1' } },
      { name: 'referral booking context', method: 'GET', path: (i) => `/booking/referral-context/${i?.bookingLinkToken ?? nowhereToken()}` },
      { name: 'hold renewal', method: 'POST', path: (i) => `/booking/holds/${i?.holdId ?? `hold_${randomBytes(12).toString('hex')}`}/renewal` },
      // Releasing is idempotent: 204 for any hold id, and a foreign one is left as it was.
      { name: 'hold release', method: 'DELETE', idempotent: true, path: (i) => `/booking/holds/${i?.holdId ?? `hold_${randomBytes(12).toString('hex')}`}` },
      { name: 'admin appointment', method: 'GET', admin: true, path: (i) => `/admin/appointments/${i?.appointmentId ?? `appt_${randomBytes(12).toString('hex')}`}` },
      { name: 'admin referral', method: 'GET', admin: true, path: (i) => `/admin/referrals/${i?.referralId ?? `ref_${randomBytes(12).toString('hex')}`}` },
      { name: 'admin referral triage', method: 'POST', admin: true, path: (i) => `/admin/referrals/${i?.referralId ?? `ref_${randomBytes(12).toString('hex')}`}/triage`, body: { status: 'accepted', actor: 'staff' } },
      { name: 'admin hep program update', method: 'PUT', admin: true, path: (i) => `/admin/hep-programs/${i?.hepId ?? `hep_${randomBytes(12).toString('hex')}`}`, body: { program: demoHepProgram } },
      { name: 'admin progress visit', method: 'POST', admin: true, path: (i) => `/admin/progress-episodes/${i?.progressId ?? `ep_${randomBytes(12).toString('hex')}`}/visits`, body: { at: '2027-03-01T10:00:00Z' } },
    ];

    for (const [from, to] of [['a', 'b'], ['b', 'a']] as const) {
      for (const probe of probes) {
        it(`${probe.name}: practice ${from.toUpperCase()}'s capability on ${to.toUpperCase()} is answered like one that exists nowhere`, async () => {
          const issued = from === 'a' ? issuedA : issuedB;
          const foreign = from === 'a' ? issuedB : issuedA;
          const key = to === 'a' ? KEY_A : KEY_B;
          const init = { ...(probe.admin ? { key } : {}), ...(probe.body !== undefined ? { body: probe.body } : {}) };
          const theirs = await call(base[to], probe.method, probe.path(issued), init);
          const nowhere = await call(base[to], probe.method, probe.path(undefined), init);
          if (!probe.idempotent) assert.ok(theirs.status >= 400, `refused (${theirs.status}: ${theirs.text})`);
          assert.equal(theirs.status, nowhere.status);
          assert.deepEqual(theirs.shape, nowhere.shape);
          for (const value of Object.values(foreign).concat(Object.values(issued))) assert.ok(!theirs.text.includes(value), 'nothing of either practice in the body');
          // And the capability still works where it belongs.
          const home = await call(base[from], probe.method === 'GET' ? 'GET' : 'GET', probe.path(issued).replace(/\/(draft|submission|cancellation|renewal|triage|visits)$/, ''), probe.admin ? { key: from === 'a' ? KEY_A : KEY_B } : {});
          if (probe.method === 'GET') assert.equal(home.status, 200, `${probe.name} works in its own practice: ${home.text}`);
          if (probe.idempotent) assert.equal((await call(base[from], 'POST', `/booking/holds/${issued.holdId}/renewal`)).status, 200, 'the hold is still held at home');
        });
      }
    }

    it("an admin key opens its own practice's admin API only, like a wrong key", async () => {
      for (const [prefix, foreignKey, ownKey] of [[base.b, KEY_A, KEY_B], [base.a, KEY_B, KEY_A]] as const) {
        for (const [method, path, body] of [['GET', '/admin/referrals', undefined], ['GET', '/admin/reminders', undefined], ['POST', '/admin/intake-links', { form: demoIntakeForm }], ['POST', '/admin/reminders/dispatch', {}]] as const) {
          const foreign = await call(prefix, method, path, { key: foreignKey, ...(body ? { body } : {}) });
          const wrong = await call(prefix, method, path, { key: `${foreignKey}-wrong`, ...(body ? { body } : {}) });
          assert.equal(foreign.status, 401);
          assert.deepEqual(foreign.shape, wrong.shape);
          assert.ok((await call(prefix, 'GET', '/admin/referrals', { key: ownKey })).status === 200);
        }
      }
      // The operator key is not an admin key, and no admin key is the operator's.
      assert.equal((await call(base.b, 'GET', '/admin/referrals', { key: OPERATOR_KEY })).status, 401);
      for (const key of [KEY_A, KEY_B]) {
        assert.equal((await call('', 'POST', '/operator/practices', { key, body: { id: 'practice-c', name: 'C', adminApiKey: 'c'.repeat(30) } })).status, 401);
      }
    });

    it("admin searches list their own practice's records only", async () => {
      for (const [prefix, key, own, foreign] of [[base.a, KEY_A, issuedA, issuedB], [base.b, KEY_B, issuedB, issuedA]] as const) {
        const referrals = await call(prefix, 'GET', '/admin/referrals', { key });
        assert.equal(referrals.status, 200);
        assert.ok(referrals.text.includes(own.referralId));
        assert.ok(!referrals.text.includes(foreign.referralId));
        const reminders = await call(prefix, 'GET', '/admin/reminders', { key });
        assert.equal(reminders.status, 200);
        assert.ok(!reminders.text.includes(foreign.appointmentId));
      }
    });

    it('a booking in one practice takes nothing from the other: the same slot stays free there', async () => {
      const query = { locationId: DENVER, appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
      const slotsA = await server.adapter.booking!.findSlots(query);
      const [first] = slotsA;
      const holdA = await server.adapter.booking!.holdSlot(first!.id);
      const slotsB = await adapterB.booking!.findSlots(query);
      assert.ok(slotsB.some((slot) => slot.id === first!.id), "A's hold leaves B's slot of the same id free");
      const holdB = await adapterB.booking!.holdSlot(first!.id);
      assert.notEqual(holdA.id, holdB.id);
    });

    it('an idempotency key is scoped to its practice: the same key in B replays nothing of A', async () => {
      const idempotencyKey = `shared-${randomBytes(6).toString('hex')}`;
      const submit = (adapter: PxmAdapter) => adapter.referral!.submitReferral(referralInput({ idempotencyKey }));
      const inA = await submit(server.adapter);
      const inB = await submit(adapterB);
      assert.notEqual(inA.reference, inB.reference);
      assert.equal((await submit(adapterB)).reference, inB.reference, "a replay within B answers B's own reply");
    });

    it('an unknown practice is answered like an unknown path, and bad practice ids name nothing', async () => {
      const unknown = await call('/practices/no-such-practice', 'GET', '/booking/locations');
      const nowhere = await call('', 'GET', '/no/such/path');
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.shape, nowhere.shape);
      for (const id of ['Practice-B', 'practice_b', 'practice-b%2F..', 'practice-b%2Fadmin']) {
        assert.equal((await call(`/practices/${id}`, 'GET', '/booking/locations')).status, 404);
      }
      // The default practice under its own name is the un-prefixed one.
      assert.deepEqual((await call('/practices/default', 'GET', '/booking/locations')).shape, (await call('', 'GET', '/booking/locations')).shape);
    });

    it('the operator API refuses a taken id and a bad request, and keeps no key', async () => {
      const taken = await call('', 'POST', '/operator/practices', { key: OPERATOR_KEY, body: { id: 'practice-b', name: 'Again', adminApiKey: 'x'.repeat(30) } });
      assert.equal(taken.status, 409);
      const defaultId = await call('', 'POST', '/operator/practices', { key: OPERATOR_KEY, body: { id: 'default', name: 'Again', adminApiKey: 'x'.repeat(30) } });
      assert.equal(defaultId.status, 409);
      const bad = await call('', 'POST', '/operator/practices', { key: OPERATOR_KEY, body: { id: 'B', name: '', adminApiKey: 'short', settings: { timeZone: 'Mars/Olympus' } } });
      assert.equal(bad.status, 400);
      const stored = JSON.stringify(await server.server.db.all('SELECT * FROM practices'));
      assert.ok(!stored.includes(KEY_B), 'only the digest of a practice key is kept');
    });

    it('an id no practice has opens nothing', async () => {
      const practices = server.server.practices!;
      const opened = (await practices.opened()).length;
      assert.equal(opened, 1);
      assert.equal(await practices.serverFor('practice-z'), undefined);
    });

    it("the timing of a foreign capability and of one that exists nowhere is alike (rough: medians within 2x + 5 ms)", async (t) => {
      const samples = { foreign: [] as number[], nowhere: [] as number[] };
      for (let round = 0; round < 40; round++) {
        for (const kind of round % 2 === 0 ? (['foreign', 'nowhere'] as const) : (['nowhere', 'foreign'] as const)) {
          const started = performance.now();
          await call(base.b, 'GET', `/intake/${kind === 'foreign' ? issuedA.intakeToken : nowhereToken()}`);
          samples[kind].push(performance.now() - started);
        }
      }
      const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
      const [foreign, nowhere] = [median(samples.foreign), median(samples.nowhere)];
      t.diagnostic(`${dialect}: median ms, foreign token ${foreign.toFixed(2)}, nowhere ${nowhere.toFixed(2)}`);
      assert.ok(Math.abs(foreign - nowhere) < Math.min(foreign, nowhere) + 5, `${foreign} vs ${nowhere}`);
    });
  });
}
