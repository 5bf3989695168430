/**
 * Every 271 fixture (written from the 005010X279A1 rules) normalizes to the summary written here
 * by hand from the fixture, not produced by the reader.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { BenefitsSummarySchema, type BenefitsSummary, type DisciplineBenefits } from '@pxm/core/booking';
import { normalize271 } from '../src/eligibility/x12/normalize-271.js';
import { read271, X12ReadError, type Read271 } from '../src/eligibility/x12/read-271.js';

const FIXTURES = new URL('./fixtures/x12-271/', import.meta.url);
const AS_OF = '2027-03-01T16:06:00.000Z';
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const fixture = (name: string) => readFileSync(new URL(`${name}.x12`, FIXTURES), 'utf8');

const pt = (rest: Omit<DisciplineBenefits, 'discipline'>): DisciplineBenefits => ({ discipline: 'physical-therapy', ...rest });
const ot = (rest: Omit<DisciplineBenefits, 'discipline'>): DisciplineBenefits => ({ discipline: 'occupational-therapy', ...rest });
const st = (rest: Omit<DisciplineBenefits, 'discipline'>): DisciplineBenefits => ({ discipline: 'speech-therapy', ...rest });

interface Expected {
  summary: Omit<BenefitsSummary, 'asOf'>;
  rejections?: Read271['rejections'];
  unknownSegments?: string[];
}

const EXPECTED: Record<string, Expected> = {
  '01-active-copay': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [pt({ coverage: 'active', network: 'in', copay: usd(3000), priorAuthorization: false })],
      unknown: ['occupational-therapy', 'speech-therapy', 'deductible', 'out-of-pocket', 'visits'],
    },
  },
  '02-inactive': {
    summary: { payerName: 'ACME HEALTH', planName: 'GOLD PPO', coverage: 'inactive', disciplines: [], unknown: [] },
  },
  '03-coinsurance-deductible-not-met': {
    summary: {
      payerName: 'BRIGHT MUTUAL',
      planName: 'SILVER HMO',
      coverage: 'active',
      disciplines: [pt, ot, st].map((line) =>
        line({
          coverage: 'active',
          network: 'in',
          coinsurancePercent: 20,
          deductible: { individual: { total: usd(150_000), remaining: usd(40_000) }, family: { total: usd(300_000), remaining: usd(180_000) } },
          outOfPocket: { individual: { total: usd(400_000), remaining: usd(260_000) } },
          priorAuthorization: false,
        }),
      ),
      unknown: ['visits'],
    },
  },
  '04-deductible-met': {
    summary: {
      payerName: 'BRIGHT MUTUAL',
      planName: 'BRONZE PPO',
      coverage: 'active',
      disciplines: [pt({ coverage: 'active', coinsurancePercent: 10, deductible: { individual: { total: usd(50_000), remaining: usd(0) } } })],
      unknown: ['occupational-therapy', 'speech-therapy', 'out-of-pocket', 'visits', 'prior-authorization'],
    },
  },
  '05-visits-used-remaining': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [
        pt({ coverage: 'active', network: 'in', copay: usd(2500), visits: { allowed: 20, period: 'calendar-year', used: 8, remaining: 12 }, priorAuthorization: false }),
      ],
      unknown: ['occupational-therapy', 'speech-therapy', 'deductible', 'out-of-pocket'],
    },
  },
  '06-shared-pool': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [
        pt({ coverage: 'active', network: 'in', copay: usd(2500), priorAuthorization: false, visits: { allowed: 30, period: 'calendar-year', remaining: 3, sharedWith: ['occupational-therapy', 'speech-therapy'] } }),
        ot({ coverage: 'active', network: 'in', copay: usd(2500), priorAuthorization: false, visits: { allowed: 30, period: 'calendar-year', remaining: 3, sharedWith: ['physical-therapy', 'speech-therapy'] } }),
        st({ coverage: 'active', network: 'in', copay: usd(2500), priorAuthorization: false, visits: { allowed: 30, period: 'calendar-year', remaining: 3, sharedWith: ['physical-therapy', 'occupational-therapy'] } }),
      ],
      unknown: ['deductible', 'out-of-pocket'],
    },
  },
  '07-prior-auth': {
    summary: {
      payerName: 'NORTHSTAR CARE',
      planName: 'CHOICE EPO',
      coverage: 'active',
      disciplines: [
        pt({ coverage: 'active', network: 'in', copay: usd(4000), priorAuthorization: true }),
        ot({ coverage: 'active', network: 'in', copay: usd(4000), priorAuthorization: false }),
      ],
      unknown: ['speech-therapy', 'deductible', 'out-of-pocket', 'visits'],
    },
  },
  '08-out-of-network': {
    summary: {
      payerName: 'NORTHSTAR CARE',
      planName: 'CHOICE EPO',
      coverage: 'active',
      disciplines: [
        pt({ coverage: 'active', network: 'out', coinsurancePercent: 40, deductible: { individual: { total: usd(300_000), remaining: usd(300_000) } }, priorAuthorization: false }),
      ],
      unknown: ['occupational-therapy', 'speech-therapy', 'out-of-pocket', 'visits'],
    },
  },
  '09-medicare': {
    summary: {
      payerName: 'CMS',
      planName: 'MEDICARE PART B',
      coverage: 'active',
      disciplines: [pt, ot, st].map((line) => line({ coverage: 'active', coinsurancePercent: 20, deductible: { individual: { total: usd(28_300), remaining: usd(0) } } })),
      medicare: { thresholdAmount: usd(248_000), amountUsed: usd(95_000), year: 2027 },
      unknown: ['out-of-pocket', 'visits', 'prior-authorization'],
    },
  },
  '10-aaa-invalid-member': {
    summary: { payerName: 'ACME HEALTH', coverage: 'unknown', disciplines: [], unknown: ['coverage'] },
    rejections: [{ loop: 'subscriber', validRequest: false, reason: '72', followUp: 'C' }],
  },
  '11-aaa-payer-unavailable': {
    summary: { payerName: 'ACME HEALTH', coverage: 'unknown', disciplines: [], unknown: ['coverage'] },
    rejections: [{ loop: 'payer', validRequest: true, reason: '42', followUp: 'R' }],
  },
  '12-unknown-segments': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [pt({ coverage: 'active', network: 'in', copay: usd(3000), priorAuthorization: false })],
      unknown: ['occupational-therapy', 'speech-therapy', 'deductible', 'out-of-pocket', 'visits'],
    },
    unknownSegments: ['ZZQ*EXTRA*1', 'XYZ*PAYER*SPECIFIC*NOTE'],
  },
  '13-speech-not-covered': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [pt({ coverage: 'active', copay: usd(2000) }), ot({ coverage: 'active', copay: usd(2000) }), st({ coverage: 'inactive' })],
      unknown: ['deductible', 'out-of-pocket', 'visits', 'prior-authorization'],
    },
  },
  '14-physical-medicine': {
    summary: {
      payerName: 'ACME HEALTH',
      planName: 'GOLD PPO',
      coverage: 'active',
      disciplines: [pt, ot].map((line) => line({ coverage: 'active', network: 'in', copay: usd(3500), visits: { allowed: 24, period: 'calendar-year' }, priorAuthorization: false })),
      unknown: ['speech-therapy', 'deductible', 'out-of-pocket'],
    },
  },
};

describe('271 fixtures', () => {
  it('are at least 12, each with an expected summary, each with a correct SE count', () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.x12')).map((file) => file.replace(/\.x12$/, ''));
    assert.ok(files.length >= 12);
    assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort());
    for (const name of files) {
      const segments = fixture(name).split('~').map((segment) => segment.trim()).filter(Boolean);
      const start = segments.findIndex((segment) => segment.startsWith('ST*'));
      const end = segments.findIndex((segment) => segment.startsWith('SE*'));
      assert.equal(Number(segments[end]!.split('*')[1]), end - start + 1, `${name}: SE01 counts ST through SE`);
    }
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} normalizes to the summary written by hand`, () => {
      const read = read271(fixture(name));
      const summary = normalize271(read, AS_OF);
      assert.deepEqual(summary, { asOf: AS_OF, ...expected.summary });
      assert.deepEqual(BenefitsSummarySchema.parse(summary), summary, 'a valid core summary');
      assert.deepEqual(read.rejections, expected.rejections ?? []);
      assert.deepEqual(read.unknownSegments.map((segment) => segment.text), expected.unknownSegments ?? []);
    });
  }

  it('reports unknown segments with their tag and position', () => {
    const read = read271(fixture('12-unknown-segments'));
    assert.deepEqual(read.unknownSegments.map(({ tag, position }) => ({ tag, position })), [
      { tag: 'ZZQ', position: 12 },
      { tag: 'XYZ', position: 15 },
    ]);
  });

  it('refuses what is not a 271', () => {
    assert.throws(() => read271('hello'), X12ReadError);
    assert.throws(() => read271(fixture('01-active-copay').replace('ST*271', 'ST*270')), X12ReadError);
  });
});
