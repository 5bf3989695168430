import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canTriage,
  daysUntilRecertification,
  duplicateWindowStartMs,
  isPlanOfCareTransmissionLate,
  planOfCareTransmissionDueOn,
  recertificationDueOn,
  ReferralTriageRequestSchema,
  referrerChannel,
  visitTypeForReferral,
} from '@pxm/core/referral';
import type { AppointmentType } from '@pxm/core';

const ZONE = 'America/New_York';

describe('referral triage', () => {
  it('allows the inbox moves and refuses the others', () => {
    assert.equal(canTriage('new', 'contacted'), true);
    assert.equal(canTriage('contacted', 'scheduled'), true);
    assert.equal(canTriage('declined', 'new'), true);
    assert.equal(canTriage('declined', 'scheduled'), false);
    assert.equal(canTriage('new', 'new'), false);
  });

  it('needs a reason exactly when declining', () => {
    assert.equal(ReferralTriageRequestSchema.safeParse({ status: 'declined', by: 'kp' }).success, false);
    assert.equal(ReferralTriageRequestSchema.safeParse({ status: 'declined', reason: 'Out of network', by: 'kp' }).success, true);
    assert.equal(ReferralTriageRequestSchema.safeParse({ status: 'contacted', reason: 'x', by: 'kp' }).success, false);
  });

  it('counts the duplicate window in elapsed days', () => {
    assert.equal(duplicateWindowStartMs(Date.parse('2026-03-20T12:00:00Z'), 14), Date.parse('2026-03-06T12:00:00Z'));
  });
});

describe('plan of care and recertification dates in the clinic zone', () => {
  it('a first visit late on a day before spring forward is due 30 local days later, not a day off', () => {
    // 23:30 on 2026-03-07 in New York is 04:30Z on 03-08: the zone, not UTC, names the day.
    const firstVisitAt = '2026-03-08T04:30:00Z';
    assert.equal(planOfCareTransmissionDueOn(firstVisitAt, ZONE), '2026-04-06');
    assert.equal(isPlanOfCareTransmissionLate({ firstVisitAt }, new Date('2026-04-07T03:59:00Z'), ZONE), false);
    assert.equal(isPlanOfCareTransmissionLate({ firstVisitAt }, new Date('2026-04-07T04:00:00Z'), ZONE), true);
    assert.equal(isPlanOfCareTransmissionLate({ firstVisitAt, transmittedAt: '2026-04-07T03:00:00Z' }, new Date('2026-05-01T12:00:00Z'), ZONE), false);
  });

  it('recertification is 90 local days after certification, across fall back', () => {
    assert.equal(recertificationDueOn('2026-08-15'), '2026-11-13');
    // 23:30 local on 2026-11-12 (after the change, UTC-5) is 04:30Z on the 13th: one day left.
    assert.equal(daysUntilRecertification('2026-08-15', new Date('2026-11-13T04:30:00Z'), ZONE), 1);
    assert.equal(daysUntilRecertification('2026-08-15', new Date('2026-11-14T05:00:00Z'), ZONE), -1);
  });
});

describe('where a referrer hears back, and which visit a referral books', () => {
  it('Direct, then fax, then email where allowed', () => {
    assert.deepEqual(referrerChannel({ directAddress: 'dr@direct.example', fax: '+15550100' }, { emailAllowed: true }), { channel: 'direct', recipient: 'dr@direct.example' });
    assert.deepEqual(referrerChannel({ fax: '+15550100', email: 'dr@example.com' }, { emailAllowed: true }), { channel: 'fax', recipient: '+15550100' });
    assert.equal(referrerChannel({ email: 'dr@example.com' }, { emailAllowed: false }), undefined);
    assert.deepEqual(referrerChannel({ email: 'dr@example.com' }, { emailAllowed: true }), { channel: 'email', recipient: 'dr@example.com' });
  });

  it('picks the first visit type of the discipline a new patient may book', () => {
    const base = { durationMinutes: 60, bufferMinutes: 0, modality: 'in-clinic' } as const;
    const types = [
      { ...base, id: 'pt-follow', name: 'PT follow-up', patientEligibility: 'returning', discipline: 'physical-therapy' },
      { ...base, id: 'ot-eval', name: 'OT evaluation', patientEligibility: 'new', discipline: 'occupational-therapy' },
      { ...base, id: 'pt-eval', name: 'PT evaluation', patientEligibility: 'any', discipline: 'physical-therapy' },
    ] as AppointmentType[];
    assert.equal(visitTypeForReferral(types, 'physical-therapy')?.id, 'pt-eval');
    assert.equal(visitTypeForReferral(types, 'speech-therapy'), undefined);
  });
});
