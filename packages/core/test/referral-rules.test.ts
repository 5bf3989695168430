import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequest } from '@pxm/core';
import {
  formatReferralReference,
  isIcd10CmShape,
  isReferralReference,
  isValidNpi,
  luhnCheckDigit,
  normalizeIcd10Code,
  normalizeNpi,
  normalizeReferralInput,
  referralDuplicateKey,
  ReferralInputSchema,
  type ReferralInput,
} from '@pxm/core/referral';

describe('isValidNpi: Luhn check digit over 80840 and the first nine digits', () => {
  it('accepts NPIs whose tenth digit is the check digit', () => {
    // 1234567893 is the worked example in the CMS check-digit paper; the others appear in NPPES and FHIR examples.
    for (const npi of ['1234567893', '1245319599', '1003000126', '1679576722', '1003000118']) {
      assert.equal(isValidNpi(npi), true, npi);
    }
  });

  it('refuses a wrong check digit, a transposition and a changed digit', () => {
    assert.equal(isValidNpi('1234567890'), false);
    assert.equal(isValidNpi('1234567894'), false);
    // Neighbours swapped: the Luhn check catches every adjacent transposition except 09/90.
    assert.equal(isValidNpi('1243567893'), false);
    assert.equal(isValidNpi('1245319598'), false);
    assert.equal(isValidNpi('1518060555'), false);
  });

  it('refuses anything but ten digits', () => {
    for (const value of ['', '123456789', '12345678931', '123456789X', '1234 567893', ' 1234567893']) {
      assert.equal(isValidNpi(value), false, JSON.stringify(value));
    }
  });

  it('computes the CMS worked example: 80840123456789 gives 3', () => {
    assert.equal(luhnCheckDigit('80840123456789'), 3);
  });

  it('normalizes spaces and dashes an office types', () => {
    assert.equal(normalizeNpi(' 1234-567 893 '), '1234567893');
  });
});

describe('isIcd10CmShape and normalizeIcd10Code', () => {
  it('accepts category codes and codes with up to four characters after the dot', () => {
    for (const code of ['M17', 'M17.11', 'M54.50', 'S83.511A', 'T14.8XXA', 'M1A.0110', 'Z96.651', 'R26.89', 'I63.9']) {
      assert.equal(isIcd10CmShape(code), true, code);
    }
  });

  it('refuses what is not the shape of a code', () => {
    for (const code of ['', 'M1', '17.11', 'MM7.11', 'M17.', 'M17.11111', 'm17.11', 'M17 11', 'M1711', 'M17.1-1']) {
      assert.equal(isIcd10CmShape(code), false, JSON.stringify(code));
    }
  });

  it('puts typed codes in the written form', () => {
    assert.equal(normalizeIcd10Code(' m17.11 '), 'M17.11');
    assert.equal(normalizeIcd10Code('m1711'), 'M17.11');
    assert.equal(normalizeIcd10Code('s83511a'), 'S83.511A');
    assert.equal(normalizeIcd10Code('m17'), 'M17');
    assert.equal(normalizeIcd10Code(' knee pain '), 'knee pain', 'not a code: left as typed');
    assert.equal(normalizeIcd10Code('knee'), 'knee');
  });
});

describe('referral references and duplicate keys', () => {
  it('formats eight random bytes as REF-XXXX-XXXX without 0, O, 1 or I', () => {
    const reference = formatReferralReference(new Uint8Array([0, 1, 2, 3, 31, 32, 255, 100]));
    assert.equal(reference, 'REF-2345-Z2Z6');
    assert.equal(isReferralReference(reference), true);
    assert.equal(isReferralReference('REF-0000-1111'), false);
    assert.throws(() => formatReferralReference(new Uint8Array(4)), RangeError);
  });

  it('keys a referral by patient name without accents or case, birth date and NPI', () => {
    const key = referralDuplicateKey({
      patient: { givenName: 'José', familyName: 'Núñez ', birthDate: '1960-04-02', phone: '555-010-0000' },
      referrer: { name: 'Dr. Ada Lee', npi: '1234567893', phone: '555-010-0001' },
    });
    assert.deepEqual(key, { patientNameKey: 'nunez jose', birthDate: '1960-04-02', referrerNpi: '1234567893' });
  });
});

describe('ReferralInputSchema', () => {
  const valid: ReferralInput = {
    idempotencyKey: 'referral-key-0001',
    patient: { givenName: 'Ana', familyName: 'Ruiz', birthDate: '1958-11-30', phone: '(555) 010-2000', preferredLanguage: 'es' },
    referrer: { name: 'Dr. Ada Lee', npi: '1234567893', practice: 'Lakeside Orthopedics', phone: '555-010-0001', fax: '555-010-0002', directAddress: 'ada.lee@direct.lakeside.example' },
    diagnoses: ['M17.11', 'Z96.651'],
    order: { discipline: 'physical-therapy', visitsPerWeek: 2, durationWeeks: 6, precautions: 'Weight bearing as tolerated.' },
    urgency: 'routine',
    consentToContact: true,
    attachmentIds: [],
  };

  it('accepts a complete referral', () => {
    assert.deepEqual(parseRequest(ReferralInputSchema, valid, 'submitReferral'), valid);
  });

  it('names the field that breaks a rule', () => {
    const cases: [unknown, string][] = [
      [{ ...valid, referrer: { ...valid.referrer, npi: '1234567890' } }, 'referrer.npi'],
      [{ ...valid, diagnoses: ['M17.11', '17.11'] }, 'diagnoses.1'],
      [{ ...valid, diagnoses: [] }, 'diagnoses'],
      [{ ...valid, consentToContact: false }, 'consentToContact'],
      [{ ...valid, order: { ...valid.order, visitsPerWeek: 8 } }, 'order.visitsPerWeek'],
      [{ ...valid, order: { ...valid.order, precautions: 'x'.repeat(2001) } }, 'order.precautions'],
      [{ ...valid, attachmentIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'attachmentIds'],
      [{ ...valid, referrer: { ...valid.referrer, directAddress: 'not an address' } }, 'referrer.directAddress'],
      [{ ...valid, extra: 1 }, ''],
    ];
    for (const [input, path] of cases) {
      assert.throws(
        () => parseRequest(ReferralInputSchema, input, 'submitReferral'),
        (error: { code?: string; issues?: { path: string }[] }) => error.code === 'validation' && (error.issues ?? []).some((issue) => issue.path === path),
        path,
      );
    }
  });
});

describe('normalizeReferralInput', () => {
  it('keeps a repeated code or attachment once and leaves the idempotency key out', () => {
    const normalized = normalizeReferralInput({
      idempotencyKey: 'referral-key-0002',
      patient: { givenName: 'Ana', familyName: 'Ruiz', birthDate: '1958-11-30', phone: '555-010-2000' },
      referrer: { name: 'Dr. Ada Lee', npi: '1234567893', phone: '555-010-0001' },
      diagnoses: ['M17.11', 'Z96.651', 'M17.11'],
      order: { discipline: 'occupational-therapy' },
      urgency: 'urgent',
      consentToContact: true,
      attachmentIds: ['att_1', 'att_1'],
    });
    assert.deepEqual(normalized.diagnoses, ['M17.11', 'Z96.651']);
    assert.deepEqual(normalized.attachmentIds, ['att_1']);
    assert.equal('idempotencyKey' in normalized, false);
  });
});
