/** Contract: referrals in from a physician's office (files first, then the referral), anonymous and idempotent. */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { requireCapability, type ReferralApi } from '@pxm/core';
import { referralReplySchemas } from '@pxm/core/referral';
import { isReferralReference, type ReferralInput } from '@pxm/core/referral';
import { expectAdapterError } from './expect-error.js';
import { freshKey } from './fixtures.js';
import { conformingReplies } from './reply-conformance.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

/** A referral as an office fills it; 1234567893 is the CMS worked example of a valid NPI. */
export function referralInput(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    idempotencyKey: freshKey('referral'),
    patient: { givenName: 'Test', familyName: 'Patient', birthDate: '1958-11-30', phone: '+1 303-555-0142', preferredLanguage: 'es' },
    referrer: { name: 'Dr. Test Referrer', npi: '1234567893', practice: 'Test Orthopedics', phone: '+1 303-555-0100', fax: '+1 303-555-0101' },
    diagnoses: ['M17.11', 'Z96.651'],
    order: { discipline: 'physical-therapy', visitsPerWeek: 2, durationWeeks: 6, precautions: 'Weight bearing as tolerated.' },
    urgency: 'routine',
    consentToContact: true,
    attachmentIds: [],
    ...overrides,
  };
}

const pdfFile = (text = 'order') => new Blob([`%PDF-1.4\n% ${text}\n%%EOF\n`], { type: 'application/pdf' });
const pngFile = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])], { type: 'image/png' });

export function referralSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: ReferralApi, t: TestContext) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, (t) =>
      // Every reply in every test is held to the reply schemas (adapters do not check their own).
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, conformingReplies(requireCapability(subject.adapter, 'referral'), 'referral', referralReplySchemas), t)),
    );

  describe(`${options.name}: referral`, { skip: options.skip?.referral ?? false }, () => {
    test('receives a referral with its files and answers with a quotable reference', async (_s, api) => {
      const order = await api.uploadReferralAttachment(pdfFile());
      assert.equal(order.contentType, 'application/pdf');
      assert.ok(order.size > 0);
      const photo = await api.uploadReferralAttachment(pngFile());
      assert.equal(photo.contentType, 'image/png');
      const receipt = await api.submitReferral(referralInput({ attachmentIds: [order.id, photo.id] }));
      assert.ok(isReferralReference(receipt.reference), receipt.reference);
      // The backend's now: CONTRACT_NOW, plus the real time a backend in another process lets pass.
      const receivedAt = Date.parse(receipt.receivedAt);
      assert.ok(receivedAt >= CONTRACT_NOW.getTime() && receivedAt < CONTRACT_NOW.getTime() + 10 * 60_000, receipt.receivedAt);
    });

    test('a retried or double-clicked submit stores one referral and returns the same receipt', async (_s, api) => {
      const input = referralInput();
      const receipts = await Promise.all(Array.from({ length: 5 }, () => api.submitReferral(input)));
      assert.equal(new Set(receipts.map((receipt) => receipt.reference)).size, 1);
      const retry = await api.submitReferral(input);
      assert.deepEqual(retry, receipts[0]);
      const other = await api.submitReferral(referralInput());
      assert.notEqual(other.reference, retry.reference, 'another key is another referral');
    });

    test('the same key with another referral is a conflict', async (_s, api) => {
      const input = referralInput();
      await api.submitReferral(input);
      await expectAdapterError(api.submitReferral({ ...input, urgency: 'urgent' }), 'conflict');
    });

    test('refuses a wrong NPI check digit, a code that is not ICD-10-CM shaped, and no consent', async (_s, api) => {
      const base = referralInput();
      const cases: ReferralInput[] = [
        { ...base, referrer: { ...base.referrer, npi: '1234567890' } },
        { ...base, diagnoses: ['M17.11', 'knee pain'] },
        { ...base, diagnoses: [] },
        { ...base, consentToContact: false },
        { ...base, order: { discipline: 'physical-therapy', visitsPerWeek: 9 } },
      ];
      for (const input of cases) {
        const error = await expectAdapterError(api.submitReferral({ ...input, idempotencyKey: freshKey('referral') }), 'validation');
        assert.ok((error.issues ?? []).length > 0, 'names the field');
      }
    });

    test('refuses a file of another type, and an empty one', async (_s, api) => {
      await expectAdapterError(api.uploadReferralAttachment(new Blob(['<html></html>'], { type: 'text/html' })), 'validation');
      await expectAdapterError(api.uploadReferralAttachment(new Blob([], { type: 'application/pdf' })), 'validation');
    });

    test('a file belongs to one referral; an unknown file refuses the referral, which can then be sent again', async (_s, api) => {
      const order = await api.uploadReferralAttachment(pdfFile('first'));
      await api.submitReferral(referralInput({ attachmentIds: [order.id] }));
      await expectAdapterError(api.submitReferral(referralInput({ attachmentIds: [order.id] })), 'validation');
      const input = referralInput({ attachmentIds: ['refatt_unknown_0000000000'] });
      await expectAdapterError(api.submitReferral(input), 'validation');
      // Nothing was kept of the refused referral: its key sends the corrected one.
      const replacement = await api.uploadReferralAttachment(pdfFile('second'));
      const receipt = await api.submitReferral({ ...input, attachmentIds: [replacement.id] });
      assert.ok(isReferralReference(receipt.reference));
    });
  });
}
