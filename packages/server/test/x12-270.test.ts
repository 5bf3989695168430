/** The 270 inquiry: valid 005010X279A1 envelopes, one EQ per service type, delimiters kept out of values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type X12Interchange, X12Parser } from 'node-x12';
import { build270, type Inquiry270 } from '../src/eligibility/x12/build-270.js';
import { dollarsToMinor, fractionToPercent, wholeNumber } from '../src/eligibility/x12/x12-values.js';

const INQUIRY: Inquiry270 = {
  senderId: 'PXMPRACTICE',
  receiverId: 'CLEARINGHOUSE',
  payer: { name: 'Acme Health', id: '60054' },
  provider: { name: 'Cedar Ridge Physical Therapy', npi: '1234567893' },
  subscriber: { memberId: 'W123456789', lastName: 'Doe*Smith', firstName: 'Jane', dateOfBirth: '1980-02-03' },
  controlNumber: 42,
  traceId: 'elig-7',
  at: new Date('2027-03-01T16:05:00Z'),
};

describe('build270', () => {
  it('writes a 270 that parses back, with the subscriber, the date and one EQ per service type', () => {
    const raw = build270(INQUIRY);
    const interchange = new X12Parser(true).parse(raw) as X12Interchange;
    assert.ok(raw.startsWith('ISA*00*'));
    assert.equal(raw.split('~')[0]!.split('*')[13], '000000042');
    assert.equal(interchange.header.valueOf(11), '^');
    const group = interchange.functionalGroups[0]!;
    assert.equal(group.header.valueOf(1), 'HS');
    assert.equal(group.header.valueOf(8), '005010X279A1');
    const transaction = group.transactions[0]!;
    assert.equal(transaction.header.valueOf(1), '270');
    const segments = transaction.segments.map((segment) => segment.toString().replace(/~$/, ''));
    assert.ok(segments.includes('BHT*0022*13*ELIG-7*20270301*1605'));
    assert.ok(segments.includes('NM1*PR*2*ACME HEALTH*****PI*60054'));
    assert.ok(segments.includes('NM1*1P*2*CEDAR RIDGE PHYSICAL THERAPY*****XX*1234567893'));
    assert.ok(segments.includes('NM1*IL*1*DOE SMITH*JANE****MI*W123456789'), 'a delimiter inside a name is not a new element');
    assert.ok(segments.includes('DMG*D8*19800203'));
    assert.ok(segments.includes('DTP*291*D8*20270301'));
    assert.deepEqual(segments.filter((segment) => segment.startsWith('EQ*')), ['EQ*30', 'EQ*PT', 'EQ*AD', 'EQ*AF', 'EQ*AE']);
    assert.equal(Number(transaction.trailer.valueOf(1)), transaction.segments.length + 2, 'SE01 counts ST through SE');
  });
});

describe('X12 values', () => {
  it('reads dollars, fractions and counts without float rounding', () => {
    assert.equal(dollarsToMinor('30'), 3000);
    assert.equal(dollarsToMinor('25.5'), 2550);
    assert.equal(dollarsToMinor('1500.00'), 150_000);
    assert.equal(dollarsToMinor('.99'), 99);
    assert.equal(dollarsToMinor('-5'), undefined);
    assert.equal(dollarsToMinor('abc'), undefined);
    assert.equal(fractionToPercent('.2'), 20);
    assert.equal(fractionToPercent('0.125'), 12.5);
    assert.equal(fractionToPercent('1'), 100);
    assert.equal(fractionToPercent('1.5'), undefined);
    assert.equal(wholeNumber('12'), 12);
    assert.equal(wholeNumber('3.5'), undefined);
  });
});
