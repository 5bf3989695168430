/** Contract: survey invitations and exactly one response per token. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, requireCapability, type SurveyApi } from '@pxm/core';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { expectAdapterError } from './expect-error.js';
import { freshKey } from './fixtures.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function surveySuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: SurveyApi) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, () =>
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, requireCapability(subject.adapter, 'survey'))),
    );

  describe(`${options.name}: survey`, { skip: options.skip?.survey ?? false }, () => {
    test('loads invitations in each state', async (_s, api) => {
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.open)).status, 'open');
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.answered)).status, 'answered');
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.expired)).status, 'expired');
      await expectAdapterError(api.loadInvitation('no-such-survey-token'), 'token_invalid');
    });

    test('keeps partial answers so the same link resumes', async (_s, api) => {
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 9 });
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { why: 'Friendly staff' });
      const resumed = await api.loadInvitation(DEMO_SURVEY_TOKENS.open);
      assert.deepEqual(resumed.partialAnswers, { nps: 9, why: 'Friendly staff' });
      await expectAdapterError(api.savePartial(DEMO_SURVEY_TOKENS.expired, { nps: 3 }), 'token_expired');
    });

    test('concurrent submits from two tabs store exactly one response', async (_s, api) => {
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 10 }, idempotencyKey: freshKey('survey') })),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      for (const r of results) {
        if (r.status === 'rejected') {
          assert.ok(AdapterError.is(r.reason));
          assert.equal(r.reason.code, 'already_submitted');
        }
      }
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.open)).status, 'answered');
    });

    test('a retried submit with the same key returns the same response', async (_s, api) => {
      const request = { answers: { nps: 6, why: 'Waited a while' }, idempotencyKey: freshKey('survey') };
      const first = await api.submit(DEMO_SURVEY_TOKENS.open, request);
      const retry = await api.submit(DEMO_SURVEY_TOKENS.open, request);
      assert.equal(retry.id, first.id);
      assert.equal(first.npsScore, 6);
    });

    test('answered and expired invitations refuse submits', async (_s, api) => {
      await expectAdapterError(api.submit(DEMO_SURVEY_TOKENS.answered, { answers: { nps: 5 }, idempotencyKey: freshKey('survey') }), 'already_submitted');
      await expectAdapterError(api.submit(DEMO_SURVEY_TOKENS.expired, { answers: { nps: 5 }, idempotencyKey: freshKey('survey') }), 'token_expired');
    });

    test('rejects malformed answers with validation', async (_s, api) => {
      await expectAdapterError(api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: { score: 5 } } as never, idempotencyKey: freshKey('survey') }), 'validation');
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.open)).status, 'open', 'nothing stored');
    });
  });
}
