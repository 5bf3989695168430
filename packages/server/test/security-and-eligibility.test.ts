/**
 * CORS only for the configured origins, nothing reachable by guessing or counting ids, safe
 * response headers, and eligibility through a pluggable provider.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_NOW, expectAdapterError } from '@pxm/adapter-testkit';
import type { EligibilityProvider } from '../src/index.js';
import { startTestServer, type TestServer } from './harness.js';

const ORIGIN = 'https://cedarridge.example';
const RANGE = { locationId: 'denver-highlands', appointmentTypeId: 'initial-evaluation', from: '2027-03-08T00:00:00-07:00', to: '2027-03-20T00:00:00-06:00' };

describe('security', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { corsOrigins: [ORIGIN] } });
  });
  after(() => server.dispose());

  it('answers CORS only for configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/booking/appointments`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
      });
    const allowed = await preflight(ORIGIN);
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
    const refused = await preflight('https://evil.example');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const simple = await fetch(`${server.url}/booking/practice`, { headers: { origin: 'https://evil.example' } });
    assert.equal(simple.headers.get('access-control-allow-origin'), null);
    assert.match((await fetch(`${server.url}/booking/practice`, { headers: { origin: ORIGIN } })).headers.get('access-control-expose-headers') ?? '', /ETag/);
  });

  it('marks every reply uncacheable and unsniffable', async () => {
    for (const path of ['/booking/practice', '/intake/demo-intake-new-patient', '/nope']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.ok(response.headers.get('x-request-id'), path);
    }
  });

  it('finds nothing by id: appointment, hold and response ids open nothing', async () => {
    const api = server.adapter.booking!;
    const slot = (await api.findSlots(RANGE))[0]!;
    const hold = await api.holdSlot(slot.id);
    assert.match(hold.id, /^hold_[\w-]{22}$/, 'hold ids carry 128 random bits');
    const booked = await api.book({
      holdId: hold.id,
      patient: { kind: 'new', firstName: 'Ida', lastName: 'Wells', dateOfBirth: '1962-07-16', phone: '+1 303-555-0123', email: 'ida@example.com' },
      consents: [],
      idempotencyKey: 'security-booking-1',
    });
    assert.ok(booked.manageToken.length >= 43, 'manage tokens carry 256 random bits');
    await expectAdapterError(api.getAppointment(booked.id), 'token_invalid');
    await expectAdapterError(api.cancelAppointment(booked.id, {}), 'token_invalid');
    const response = await server.adapter.survey!.submit('demo-survey-open', { answers: { nps: 8 }, idempotencyKey: 'security-survey-1' });
    await expectAdapterError(server.adapter.survey!.loadInvitation(response.invitationId), 'token_invalid');
    // Two bookings never share a token, and tokens do not count up.
    const second = await api.book({
      holdId: (await api.holdSlot((await api.findSlots(RANGE))[0]!.id)).id,
      patient: { kind: 'new', firstName: 'Ida', lastName: 'Wells', dateOfBirth: '1962-07-16', phone: '+1 303-555-0123', email: 'ida@example.com' },
      consents: [],
      idempotencyKey: 'security-booking-2',
    });
    assert.notEqual(second.manageToken, booked.manageToken);
    assert.notEqual(second.manageToken.slice(0, 8), booked.manageToken.slice(0, 8));
  });
});

describe('eligibility', () => {
  it('asks the configured provider, with the coverage and the server clock', async () => {
    const seen: unknown[] = [];
    const provider: EligibilityProvider = {
      async check(coverage, { now }) {
        seen.push(coverage);
        return { status: 'inactive', checkedAt: now.toISOString(), message: 'Plan ended last month.' };
      },
    };
    const server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { eligibility: provider } });
    try {
      const result = await server.adapter.booking!.verifyEligibility!({ kind: 'insurance', payerName: 'Cigna', memberId: 'C77', relationship: 'self' });
      assert.deepEqual(result, { status: 'inactive', checkedAt: CONTRACT_NOW.toISOString(), message: 'Plan ended last month.' });
      assert.deepEqual(seen, [{ kind: 'insurance', payerName: 'Cigna', memberId: 'C77', relationship: 'self' }]);
    } finally {
      await server.dispose();
    }
  });

  it('uses the demo payer rules by default', async () => {
    const server = await startTestServer('sqlite', { now: CONTRACT_NOW });
    try {
      const api = server.adapter.booking!;
      assert.deepEqual((await api.verifyEligibility!({ kind: 'insurance', payerName: 'Aetna', memberId: 'W123456789', relationship: 'self' })).copay, { amountMinor: 3000, currency: 'USD' });
      assert.equal((await api.verifyEligibility!({ kind: 'insurance', payerName: 'Aetna', memberId: 'W1234567890', relationship: 'self' })).status, 'inactive');
      assert.equal((await api.verifyEligibility!({ kind: 'self-pay' })).status, 'unknown');
    } finally {
      await server.dispose();
    }
  });

  it('reports a provider\'s malformed answer as the backend\'s fault, and answers unsupported when turned off', async () => {
    const broken: EligibilityProvider = { check: async () => ({ status: 'maybe' }) as never };
    const server = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { eligibility: broken } });
    try {
      await expectAdapterError(server.adapter.booking!.verifyEligibility!({ kind: 'self-pay' }), 'server');
    } finally {
      await server.dispose();
    }
    const none = await startTestServer('sqlite', { now: CONTRACT_NOW, serverOptions: { eligibility: false } });
    try {
      await expectAdapterError(none.adapter.booking!.verifyEligibility!({ kind: 'self-pay' }), 'unsupported');
    } finally {
      await none.dispose();
    }
  });
});
