/**
 * Eligibility providers: the X12 path over a clearinghouse's HTTP API (against a local stand-in),
 * the fallback when it is down or slow ("we'll confirm" and a queued staff re-check), the cache
 * with its as-of time, the check before the visit, the staff view with raw and normalized forms,
 * and no member id in logs, URLs, plain columns or the patient's answer.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW } from '@pxm/adapter-testkit';
import type { BookingApi } from '@pxm/core';
import type { Appointment, InsuranceCoverage } from '@pxm/core/booking';
import { createClearinghouseEligibility, type StaffEligibilityCheck } from '../src/index.js';
import { fixture271, startClearinghouseStandIn, STAND_IN_API_KEY, type StandIn } from './clearinghouse-stand-in.js';
import { postgresUnavailable, startTestServer } from './harness.js';

const RANGE = { from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };
const ADMIN_KEY = 'admin-key-for-eligibility-tests-0123456789';
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const coverageOf = (memberId: string): InsuranceCoverage => ({ kind: 'insurance', payerName: 'Acme Health', payerId: '60054', memberId, relationship: 'self' });

function clearinghouse(standIn: StandIn) {
  return createClearinghouseEligibility({
    endpoint: standIn.endpoint,
    apiKey: STAND_IN_API_KEY,
    practice: { name: 'Cedar Ridge Physical Therapy', npi: '1234567893' },
    visitPrice: usd(12_000),
    selfPayPrice: usd(9_500),
  });
}

async function book(api: BookingApi, coverage: InsuranceCoverage): Promise<Appointment> {
  const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
  const hold = await api.holdSlot(slots[0]!.id);
  return api.book({
    holdId: hold.id,
    patient: { kind: 'new', firstName: 'Rosa', lastName: 'Parks', dateOfBirth: '1980-02-04', phone: '+1 303-555-0111', email: 'rosa@example.com' },
    coverage,
    consents: [],
    idempotencyKey: `eligibility-test-${Math.random()}`,
  });
}

describe('the clearinghouse provider (X12 over HTTP)', () => {
  let standIn: StandIn;
  before(async () => (standIn = await startClearinghouseStandIn()));
  after(async () => standIn.close());
  const context = { now: CONTRACT_NOW };

  it('posts a 270 and reads the 271 into a result with benefits and an estimate', async () => {
    const answer = await clearinghouse(standIn).inquire(coverageOf('ZX00000003'), context);
    assert.equal(answer.result.status, 'active');
    assert.equal(answer.result.checkedAt, CONTRACT_NOW.toISOString());
    assert.equal(answer.result.benefits?.payerName, 'BRIGHT MUTUAL');
    // $120 visit, $400 of deductible left: the whole visit goes toward it.
    assert.deepEqual(answer.result.estimate, { amount: usd(12_000), basis: 'deductible' });
    assert.deepEqual(answer.result.selfPayPrice, usd(9_500));
    assert.match(answer.exchange!.request, /^ISA\*.*ST\*270\*/s);
    assert.match(answer.exchange!.request, /NM1\*IL\*1\*\*\*\*\*\*MI\*ZX00000003~/);
    assert.equal(answer.exchange!.response, fixture271('03-coinsurance-deductible-not-met'));
    const sent = standIn.requests.at(-1)!;
    assert.equal(sent.headers.authorization, STAND_IN_API_KEY);
    assert.equal(sent.url, '/2024-04-01/change/medicalnetwork/eligibility/v3/raw-x12');
  });

  it('a copay plan answers with the copay; unknown segments are reported, not fatal', async () => {
    const answer = await clearinghouse(standIn).inquire(coverageOf('ZX00000012'), context);
    assert.deepEqual(answer.result.copay, usd(3000));
    assert.deepEqual(answer.result.estimate, { amount: usd(3000), basis: 'copay' });
    assert.deepEqual(answer.exchange!.unknownSegments, [
      { tag: 'ZZQ', position: 12 },
      { tag: 'XYZ', position: 15 },
    ]);
  });

  it('AAA: payer unavailable is "confirm later"; an unknown member is a message to check the card', async () => {
    const unavailable = await clearinghouse(standIn).check(coverageOf('ZX00000011'), context);
    assert.deepEqual(unavailable, { status: 'unknown', checkedAt: CONTRACT_NOW.toISOString(), confirmLater: true, selfPayPrice: usd(9_500) });
    const invalid = await clearinghouse(standIn).inquire(coverageOf('ZX00000009'), context);
    assert.equal(invalid.result.status, 'unknown');
    assert.equal(invalid.result.confirmLater, undefined);
    assert.match(invalid.result.message!, /member id/);
    assert.deepEqual(invalid.exchange!.rejections, [{ loop: 'subscriber', reason: '72', followUp: 'C' }]);
  });

  it('a payer it cannot reach by id, and self-pay, are answered without a request', async () => {
    const before = standIn.requests.length;
    const provider = clearinghouse(standIn);
    assert.equal((await provider.check({ ...coverageOf('ZX00000001'), payerId: undefined, payerName: 'Small Local Plan' } as InsuranceCoverage, context)).status, 'unknown');
    assert.deepEqual(await provider.check({ kind: 'self-pay' }, context), { status: 'unknown', checkedAt: CONTRACT_NOW.toISOString(), selfPayPrice: usd(9_500) });
    assert.equal(standIn.requests.length, before);
  });
});

for (const dialect of ['sqlite', 'postgres'] as const) describe(`eligibility on the server (${dialect})`, () => {
  it('caches with as-of, falls back to "we will confirm" when the provider is slow or down, re-checks, shows staff the raw 271, and never exposes a member id', async (t) => {
    if (dialect === 'postgres') {
      const why = await postgresUnavailable();
      if (why) return t.skip(why);
    }
    const standIn = await startClearinghouseStandIn();
    const logLines: string[] = [];
    const stderr: string[] = [];
    const originalWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      stderr.push(String(chunk));
      return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    const server = await startTestServer(dialect, {
      now: CONTRACT_NOW,
      serverOptions: {
        eligibility: clearinghouse(standIn),
        eligibilityPolicy: { timeoutMs: 250, pollIntervalMs: false, selfPayPrice: usd(9_500) },
        adminApiKey: ADMIN_KEY,
        log: (line) => logLines.push(line),
      },
    });
    const memberIds = ['ZX00000001', 'ZX00000006'];
    try {
      const api = server.adapter.booking!;
      // A fresh answer, then the same one from the cache (its as-of time unchanged, no new request).
      const first = await api.verifyEligibility!(coverageOf('ZX00000001'));
      assert.equal(first.status, 'active');
      const requestsAfterFirst = standIn.requests.length;
      server.clock.advance(60 * 60_000);
      const cached = await api.verifyEligibility!(coverageOf('ZX00000001'));
      assert.deepEqual(cached, first);
      assert.equal(cached.checkedAt, CONTRACT_NOW.toISOString(), 'the as-of time of the cached answer');
      assert.equal(standIn.requests.length, requestsAfterFirst);

      // Slow: booking proceeds with "we'll confirm", a re-check is queued.
      standIn.mode = 'slow';
      const slow = await api.verifyEligibility!(coverageOf('ZX00000006'));
      assert.equal(slow.confirmLater, true);
      assert.equal(slow.status, 'unknown');
      assert.deepEqual(slow.selfPayPrice, usd(9_500));
      // Down: the same.
      standIn.mode = 'down';
      assert.equal((await api.verifyEligibility!({ ...coverageOf('ZX00000006'), groupNumber: 'G1' })).confirmLater, true);

      const appointment = await book(api, coverageOf('ZX00000006'));
      const queued = await server.server.db.all<{ state: string; recheck_at: number }>(
        'SELECT state, recheck_at FROM eligibility_checks WHERE appointment_id = $1',
        [appointment.id],
      );
      assert.deepEqual(queued.map((row) => row.state), ['confirm-later']);

      // Still down when the re-check runs: tried again later.
      server.clock.advance(20 * 60_000);
      assert.deepEqual(await server.server.recheckEligibility(), { checked: 0, stillWaiting: 2, dropped: 0 });
      standIn.mode = 'ok';
      server.clock.advance(20 * 60_000);
      const recheck = await fetch(`${server.url}/admin/eligibility/recheck`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      assert.deepEqual(await recheck.json(), { checked: 2, stillWaiting: 0, dropped: 0 }, 'the booked visit and the check that was never booked, both within a day');

      // The staff view: both checks of the visit, raw and normalized.
      const view = await fetch(`${server.url}/admin/appointments/${appointment.id}/eligibility`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      assert.equal(view.status, 200);
      const { items } = (await view.json()) as { items: StaffEligibilityCheck[] };
      assert.deepEqual(items.map((item) => item.state), ['confirm-later', 'answered']);
      assert.equal(items[0]!.attempts, 2);
      assert.equal(items[1]!.result.benefits?.disciplines.length, 3);
      assert.equal(items[1]!.raw?.response, fixture271('06-shared-pool'));
      assert.match(items[1]!.raw!.request, /ST\*270\*/);
      const unauthorized = await fetch(`${server.url}/admin/appointments/${appointment.id}/eligibility`);
      assert.equal(unauthorized.status, 401);

      // A visit booked after an answered check is checked again 48 h before it starts.
      const secondVisit = await book(api, coverageOf('ZX00000001'));
      const beforeVisit = await server.server.db.get<{ recheck_at: number }>('SELECT recheck_at FROM eligibility_checks WHERE appointment_id = $1', [secondVisit.id]);
      assert.equal(Number(beforeVisit!.recheck_at), Date.parse(secondVisit.start) - 48 * 3_600_000);

      // No member id in the URLs the provider was called on, the access log, diagnostics, plain columns or answers.
      const plainColumns = await server.server.db.all<Record<string, unknown>>('SELECT id, coverage_key, appointment_id, state, checked_at, recheck_at FROM eligibility_checks');
      const exposed = [
        ...standIn.requests.map((request) => request.url),
        ...logLines,
        ...stderr,
        JSON.stringify(plainColumns),
        JSON.stringify([first, slow]),
      ].join('\n');
      for (const memberId of memberIds) assert.ok(!exposed.includes(memberId), `${memberId} leaked`);
      assert.ok(stderr.some((line) => /eligibility elig_\S+ confirm-later timeout; re-check queued/.test(line)), 'the fallback is noted, by id and code');
      assert.ok(standIn.requests.some((request) => request.body.includes('ZX00000006')), 'the member id does travel, in the body');
    } finally {
      process.stderr.write = originalWrite;
      await server.dispose();
      await standIn.close();
    }
  });
});

describe('the check before the visit', () => {
  it('a visit booked without a check is checked 48 h before it; a reschedule takes its checks along', async () => {
    const server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { eligibilityPolicy: { pollIntervalMs: false } } });
    try {
      const api = server.adapter.booking!;
      const coverage: InsuranceCoverage = { kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' };
      const visit = await book(api, coverage);
      const rows = () => server.server.db.all<{ appointment_id: string; state: string; recheck_at: number | null }>('SELECT appointment_id, state, recheck_at FROM eligibility_checks ORDER BY created_at');
      assert.deepEqual(
        (await rows()).map((row) => ({ ...row, recheck_at: row.recheck_at === null ? null : Number(row.recheck_at) })),
        [{ appointment_id: visit.id, state: 'unchecked', recheck_at: Date.parse(visit.start) - 48 * 3_600_000 }],
      );
      const slots = await api.findSlots({ locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', ...RANGE });
      const moved = await api.rescheduleAppointment(visit.manageToken, { holdId: (await api.holdSlot(slots.at(-1)!.id)).id, idempotencyKey: 'eligibility-reschedule-1' });
      assert.deepEqual((await rows()).map((row) => row.appointment_id), [moved.id]);
      server.clock.advance(Date.parse(moved.start) - 47 * 3_600_000 - CONTRACT_NOW.getTime());
      assert.deepEqual(await server.server.recheckEligibility(), { checked: 1, stillWaiting: 0, dropped: 0 });
      assert.deepEqual((await rows()).map((row) => [row.appointment_id, row.state, row.recheck_at]), [
        [moved.id, 'unchecked', null],
        [moved.id, 'answered', null],
      ]);
    } finally {
      await server.dispose();
    }
  });
});
