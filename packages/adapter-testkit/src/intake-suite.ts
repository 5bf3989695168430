/** Contract: intake drafts, attachments and the single submission. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, intakeReplySchemas, requireCapability, type IntakeApi } from '@pxm/core';
import { checkFormDefinition, type Answers } from '@pxm/core/forms';
import { assertConforms, conformingApi } from './conforming-replies.js';
import { DEMO_INTAKE_REASSESSMENT_TOKEN, DEMO_INTAKE_TOKEN, demoIntakeForm } from '@pxm/core/demo';
import { expectAdapterError } from './expect-error.js';
import { freshKey } from './fixtures.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function intakeSuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: IntakeApi) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, () =>
      // Every reply of every test is held to `intakeReplySchemas`: adapters no longer validate their own.
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, conformingApi(requireCapability(subject.adapter, 'intake'), 'intake', intakeReplySchemas))),
    );

  describe(`${options.name}: intake`, { skip: options.skip?.intake ?? false }, () => {
    test('loads the form by token, with no draft at first', async (_s, api) => {
      const session = await api.loadForm(DEMO_INTAKE_TOKEN);
      assert.equal(session.status, 'open');
      assert.equal(session.draft, null);
      assert.ok(session.definition.pages.length > 0);
    });

    test('every reply conforms to intakeReplySchemas', async (subject) => {
      // Called without the checking wrapper, so the check is this test's own.
      const api = requireCapability(subject.adapter, 'intake');
      assertConforms(intakeReplySchemas.loadForm, await api.loadForm(DEMO_INTAKE_TOKEN), 'intake.loadForm');
      assertConforms(intakeReplySchemas.loadForm, await api.loadForm(DEMO_INTAKE_REASSESSMENT_TOKEN), 'intake.loadForm');
      const bytes = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], { type: 'image/jpeg' });
      const front = await api.uploadAttachment(DEMO_INTAKE_TOKEN, bytes, { contentType: 'image/jpeg', purpose: 'insurance-card-front' });
      assertConforms(intakeReplySchemas.uploadAttachment, front, 'intake.uploadAttachment');
      const draft = await api.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada', insuranceCard: { front } }, pageId: 'about-you', baseVersion: 0 });
      assertConforms(intakeReplySchemas.saveDraft, draft, 'intake.saveDraft');
      assertConforms(intakeReplySchemas.loadForm, await api.loadForm(DEMO_INTAKE_TOKEN), 'intake.loadForm');
      const response = await api.submit(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada', 'nprs.current': 3 }, idempotencyKey: freshKey('intake') });
      assertConforms(intakeReplySchemas.submit, response, 'intake.submit');
      assertConforms(intakeReplySchemas.loadForm, await api.loadForm(DEMO_INTAKE_TOKEN), 'intake.loadForm');
    });

    test('unknown and expired tokens are refused', async (_s, api) => {
      await expectAdapterError(api.loadForm('no-such-intake-token'), 'token_invalid');
      await expectAdapterError(api.loadForm('demo-intake-expired'), 'token_expired');
    });

    test('saves drafts with versions and reports a conflicting save', async (_s, api) => {
      const first = await api.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada' }, pageId: 'about-you', baseVersion: 0 });
      assert.equal(first.version, 1);
      const second = await api.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada', lastName: 'Lovelace' }, pageId: 'complaint', baseVersion: 1 });
      assert.equal(second.version, 2);
      await expectAdapterError(api.saveDraft(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Stale' }, baseVersion: 1 }), 'conflict');
      const resumed = await api.loadForm(DEMO_INTAKE_TOKEN);
      assert.equal(resumed.draft?.version, 2);
      assert.equal(resumed.draft?.pageId, 'complaint');
      assert.deepEqual(resumed.draft?.answers, { firstName: 'Ada', lastName: 'Lovelace' });
    });

    test('stores attachments as references', async (_s, api) => {
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
      const ref = await api.uploadAttachment(DEMO_INTAKE_TOKEN, new Blob([bytes], { type: 'image/jpeg' }), { contentType: 'image/jpeg', purpose: 'insurance-card-front' });
      assert.ok(ref.id.length > 0);
      assert.equal(ref.size, bytes.length);
      assert.equal(ref.contentType, 'image/jpeg');
      await expectAdapterError(
        api.uploadAttachment(DEMO_INTAKE_TOKEN, new Blob([bytes]), { contentType: 'text/html' }),
        'validation',
      );
    });

    test('submits once: a retry returns the same response, another submit is already_submitted', async (_s, api) => {
      const request = { answers: { firstName: 'Ada' }, idempotencyKey: freshKey('intake') };
      const [a, b] = await Promise.all([api.submit(DEMO_INTAKE_TOKEN, request), api.submit(DEMO_INTAKE_TOKEN, request)]);
      assert.equal(a.id, b.id);
      await expectAdapterError(api.submit(DEMO_INTAKE_TOKEN, { ...request, idempotencyKey: freshKey('intake') }), 'already_submitted');
      await expectAdapterError(api.saveDraft(DEMO_INTAKE_TOKEN, { answers: {}, baseVersion: 0 }), 'already_submitted');
      const session = await api.loadForm(DEMO_INTAKE_TOKEN);
      assert.equal(session.status, 'submitted');
      assert.equal(session.responseId, a.id);
    });

    test('serves a definition that passes the form checks, with the demo pages', async (_s, api) => {
      const session = await api.loadForm(DEMO_INTAKE_TOKEN);
      assert.deepEqual(checkFormDefinition(session.definition).problems, []);
      assert.deepEqual(
        session.definition.pages.map((page) => page.id),
        demoIntakeForm.pages.map((page) => page.id),
      );
      assert.equal(session.formId, demoIntakeForm.id);
    });

    test('keeps every kind of answer in a draft exactly', async (_s, api) => {
      const answers: Answers = {
        firstName: 'Ada',
        dateOfBirth: '1985-04-12',
        homeAddress: { line1: '1200 W 38th Ave', city: 'Denver', region: 'CO', postalCode: '80211', country: 'US' },
        insuranceCard: { front: { id: 'att-front', contentType: 'image/jpeg', size: 182_000, purpose: 'insurance-card-front' } },
        conditions: ['arthritis', 'high-blood-pressure'],
        takesMedications: true,
        medications: [{ medicationName: 'Ibuprofen', medicationDose: '200 mg', medicationFrequency: 'as-needed' }, { medicationName: 'Lisinopril' }],
        'nprs.current': 6,
        hadSurgery: false,
        treatmentConsent: { agreed: true, agreedAt: '2027-03-01T16:00:00.000Z', version: '2027-01' },
        signature: {
          signerName: 'Ada Lovelace',
          signedAt: '2027-03-01T16:01:00.000Z',
          method: 'drawn',
          consentId: 'treatment-and-billing',
          consentVersion: '2027-01',
          textSha256: 'a'.repeat(64),
          svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 200"><path d="M1 1L2 2"/></svg>',
        },
      };
      const saved = await api.saveDraft(DEMO_INTAKE_TOKEN, { answers, pageId: 'consent', baseVersion: 0 });
      assert.deepEqual(saved.answers, answers);
      const resumed = await api.loadForm(DEMO_INTAKE_TOKEN);
      assert.deepEqual(resumed.draft?.answers, answers);
      assert.equal(resumed.draft?.pageId, 'consent');
    });

    test('refuses empty attachments', async (_s, api) => {
      await expectAdapterError(api.uploadAttachment(DEMO_INTAKE_TOKEN, new Blob([]), { contentType: 'image/jpeg' }), 'validation');
    });

    test('serves prior outcome scores with the progress-check form', async (_s, api) => {
      const session = await api.loadForm(DEMO_INTAKE_REASSESSMENT_TOKEN);
      const instruments = session.priorScores.map((score) => score.instrument).sort();
      assert.deepEqual(instruments, ['lefs', 'nprs', 'psfs']);
      for (const score of session.priorScores) assert.ok(Number.isFinite(score.score) && Date.parse(score.recordedAt) < CONTRACT_NOW.getTime());
    });

    test('a submitted response names the form and its version', async (_s, api) => {
      const response = await api.submit(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada' }, idempotencyKey: freshKey('intake') });
      assert.equal(response.formId, demoIntakeForm.id);
      assert.equal(response.formVersion, demoIntakeForm.version);
      assert.ok(Date.parse(response.submittedAt) > 0);
    });

    test('refuses to store answers the form refuses (a pain rating off the scale), and scores none', async (_s, api) => {
      const offScale = await expectAdapterError(api.submit(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada', 'nprs.current': 2.5 }, idempotencyKey: freshKey('intake') }), 'validation');
      assert.deepEqual(
        offScale.issues.map((issue) => issue.path),
        ['answers.nprs.current'],
      );
      assert.equal((await api.loadForm(DEMO_INTAKE_TOKEN)).status, 'open');
      const accepted = await api.submit(DEMO_INTAKE_TOKEN, { answers: { firstName: 'Ada', 'nprs.current': 3 }, idempotencyKey: freshKey('intake') });
      assert.deepEqual(
        accepted.scores?.map((entry) => [entry.instrument, entry.score]),
        [['nprs', 3]],
      );
    });

    test('rejects malformed drafts with validation', async (_s, api) => {
      await expectAdapterError(api.saveDraft(DEMO_INTAKE_TOKEN, { answers: { x: { nested: { deep: Symbol('x') } } } as never, baseVersion: 0 }), 'validation');
      await expectAdapterError(api.saveDraft(DEMO_INTAKE_TOKEN, { answers: {}, baseVersion: -1 }), 'validation');
      const error = await expectAdapterError(api.submit(DEMO_INTAKE_TOKEN, { answers: {}, idempotencyKey: '' }), 'validation');
      assert.ok(AdapterError.is(error));
    });
  });
}
