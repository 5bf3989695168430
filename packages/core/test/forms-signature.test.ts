import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignatureRecordSchema, type FormItem } from '@pxm/core/forms';
import { consentTextToSign, createSignatureRecord, readSignatureSvg, sha256Hex, strokesToSvg } from '@pxm/core/signing';

const consent: Extract<FormItem, { type: 'consent' }> = {
  id: 'consent',
  type: 'consent',
  consentId: 'treatment',
  version: '2027-01',
  title: 'Consent to treatment',
  text: 'I consent to evaluation\r\nand treatment.',
  disclosure: 'You may ask for paper copies.',
};

describe('consent signing', () => {
  it('hashes with SHA-256 (FIPS 180-2 test vector)', async () => {
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('normalizes the signed text: line endings and Unicode composition do not change the hash', async () => {
    const text = consentTextToSign(consent, consent.disclosure!);
    assert.equal(text, 'Consent to treatment (version 2027-01)\n\nI consent to evaluation\nand treatment.\n\nYou may ask for paper copies.');
    const decomposed = consentTextToSign({ ...consent, text: 'Jose\u0301 consents' }, '');
    const composed = consentTextToSign({ ...consent, text: 'Jos\u00e9 consents' }, '');
    assert.equal(await sha256Hex(decomposed), await sha256Hex(composed));
    const other = consentTextToSign({ ...consent, version: '2027-02' }, consent.disclosure!);
    assert.notEqual(await sha256Hex(text), await sha256Hex(other), 'a new version is a different document');
  });

  it('records a typed signature with name, UTC time, version and hash', async () => {
    const record = await createSignatureRecord({ signerName: '  Ada   Lovelace ', consent, signedAt: new Date('2027-03-01T08:30:00-07:00'), userAgent: 'TestBrowser/1.0' });
    assert.deepEqual(record, {
      signerName: 'Ada Lovelace',
      signedAt: '2027-03-01T15:30:00.000Z',
      method: 'typed',
      consentId: 'treatment',
      consentVersion: '2027-01',
      textSha256: await sha256Hex(consentTextToSign(consent, consent.disclosure!)),
      userAgent: 'TestBrowser/1.0',
    });
    assert.equal(SignatureRecordSchema.safeParse(record).success, true);
  });

  it('records drawn strokes as SVG and reads them back', async () => {
    const strokes = [
      [
        { x: 10, y: 100 },
        { x: 40.04, y: 60.06 },
        { x: 80, y: 120 },
      ],
      [{ x: 200, y: 90 }],
    ];
    const record = await createSignatureRecord({ signerName: 'Ada Lovelace', consent, strokes, box: { width: 600, height: 200 }, signedAt: new Date('2027-03-01T15:30:00Z') });
    assert.equal(record.method, 'drawn');
    assert.match(record.svg!, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 200"/);
    const read = readSignatureSvg(record.svg!);
    assert.deepEqual(read, { box: { width: 600, height: 200 }, paths: ['M10 100L40 60.1L80 120', 'M200 90l0.1 0'] });
    assert.equal(SignatureRecordSchema.safeParse(record).success, true);
  });

  it('keeps a long scribble within the record size limit', () => {
    const stroke = Array.from({ length: 50_000 }, (_, index) => ({ x: (index % 600) + 0.123, y: 100 + Math.sin(index) * 50 }));
    const svg = strokesToSvg([stroke], { width: 600, height: 200 });
    assert.ok(svg.length < 500_000, `${svg.length} characters`);
    assert.equal(readSignatureSvg(svg)!.paths.length, 1);
    assert.equal(readSignatureSvg('<svg><script>alert(1)</script></svg>'), undefined);
  });
});
