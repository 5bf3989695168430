/** Contract: survey invitations and exactly one response per token. */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { AdapterError, requireCapability, surveyReplySchemas, type SurveyApi } from '@pxm/core';
import { DEMO_SURVEY_TOKENS } from '@pxm/core/demo';
import { expectAdapterError } from './expect-error.js';
import { freshKey } from './fixtures.js';
import { assertReplyConforms, conformingReplies } from './reply-conformance.js';
import { CONTRACT_NOW, type ContractOptions, type ContractSubject } from './subject.js';
import { withSubject } from './with-subject.js';

export function surveySuite(options: ContractOptions): void {
  const test = (title: string, body: (subject: ContractSubject, api: SurveyApi, t: TestContext) => Promise<void>) =>
    it(title, { skip: options.skip?.tests?.[title] ?? false }, (t) =>
      // Every reply in every test is held to the reply schemas (adapters no longer check their own).
      withSubject(options, CONTRACT_NOW, (subject) => body(subject, conformingReplies(requireCapability(subject.adapter, 'survey'), 'survey', surveyReplySchemas), t)),
    );

  describe(`${options.name}: survey`, { skip: options.skip?.survey ?? false }, () => {
    test('every reply conforms to the reply schemas', async (_s, api) => {
      for (const token of [DEMO_SURVEY_TOKENS.open, DEMO_SURVEY_TOKENS.answered, DEMO_SURVEY_TOKENS.expired]) {
        assertReplyConforms(surveyReplySchemas.loadInvitation, await api.loadInvitation(token), 'survey.loadInvitation');
      }
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 8 });
      assertReplyConforms(surveyReplySchemas.loadInvitation, await api.loadInvitation(DEMO_SURVEY_TOKENS.open), 'survey.loadInvitation');
      const response = await api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 8, why: 'Kind staff' }, idempotencyKey: freshKey('survey') });
      assertReplyConforms(surveyReplySchemas.submit, response, 'survey.submit');
      assertReplyConforms(surveyReplySchemas.loadInvitation, await api.loadInvitation(DEMO_SURVEY_TOKENS.open), 'survey.loadInvitation');
    });

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

    test('merges partial answers by question, and null clears one', async (_s, api) => {
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 4, why: 'Long waits' });
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 7, why: null });
      const resumed = await api.loadInvitation(DEMO_SURVEY_TOKENS.open);
      assert.equal(resumed.partialAnswers.nps, 7);
      assert.equal(resumed.partialAnswers.why ?? null, null, 'the cleared answer is gone');
    });

    test('refuses partial saves once the survey is answered', async (_s, api) => {
      await api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 9 }, idempotencyKey: freshKey('survey') });
      await expectAdapterError(api.savePartial(DEMO_SURVEY_TOKENS.open, { why: 'late edit' }), 'already_submitted');
      await expectAdapterError(api.savePartial(DEMO_SURVEY_TOKENS.answered, { nps: 2 }), 'already_submitted');
    });

    test('checks answers against the definition', async (_s, api) => {
      const open = DEMO_SURVEY_TOKENS.open;
      await expectAdapterError(api.submit(open, { answers: { nps: 11 }, idempotencyKey: freshKey('survey') }), 'validation');
      await expectAdapterError(api.submit(open, { answers: { nps: 6.5 }, idempotencyKey: freshKey('survey') }), 'validation');
      await expectAdapterError(api.submit(open, { answers: { why: 'no score given' }, idempotencyKey: freshKey('survey') }), 'validation');
      await expectAdapterError(api.submit(open, { answers: { nps: 5, 'no-such-question': 'x' }, idempotencyKey: freshKey('survey') }), 'validation');
      await expectAdapterError(api.savePartial(open, { nps: -1 }), 'validation');
      assert.equal((await api.loadInvitation(open)).status, 'open', 'nothing stored');
    });

    test('gives every invitation the same review links, whatever its state', async (_s, api) => {
      const open = await api.loadInvitation(DEMO_SURVEY_TOKENS.open);
      const answered = await api.loadInvitation(DEMO_SURVEY_TOKENS.answered);
      assert.ok(open.reviewLinks.length > 0, 'the demo practice has review links');
      assert.deepEqual(answered.reviewLinks, open.reviewLinks);
      for (const link of open.reviewLinks) assert.match(link.url, /^https?:\/\//);
    });

    test('an invitation that expires mid-way keeps its answers but refuses more', async (subject, api, t) => {
      if (!subject.advanceTime) {
        t.skip('the backend clock cannot be moved');
        return;
      }
      await api.savePartial(DEMO_SURVEY_TOKENS.open, { nps: 3 });
      await subject.advanceTime(31 * 86_400_000);
      await expectAdapterError(api.savePartial(DEMO_SURVEY_TOKENS.open, { why: 'more' }), 'token_expired');
      await expectAdapterError(api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 3 }, idempotencyKey: freshKey('survey') }), 'token_expired');
      const expired = await api.loadInvitation(DEMO_SURVEY_TOKENS.open);
      assert.equal(expired.status, 'expired');
      assert.equal(expired.partialAnswers.nps, 3, 'what was saved is kept');
    });

    test('takes private feedback once per idempotency key (optional capability)', async (_s, api, t) => {
      if (!api.sendFeedback) {
        t.skip('the adapter offers no private feedback');
        return;
      }
      const key = freshKey('feedback');
      await api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: 2 }, idempotencyKey: freshKey('survey') });
      await api.sendFeedback(DEMO_SURVEY_TOKENS.open, { message: 'Please call me back.', idempotencyKey: key });
      await api.sendFeedback(DEMO_SURVEY_TOKENS.open, { message: 'Please call me back.', idempotencyKey: key });
      await expectAdapterError(api.sendFeedback('no-such-survey-token', { message: 'x', idempotencyKey: freshKey('feedback') }), 'token_invalid');
      await expectAdapterError(api.sendFeedback(DEMO_SURVEY_TOKENS.expired, { message: 'x', idempotencyKey: freshKey('feedback') }), 'token_expired');
      await expectAdapterError(api.sendFeedback(DEMO_SURVEY_TOKENS.open, { message: '', idempotencyKey: freshKey('feedback') }), 'validation');
      const listFeedback = (api as { listFeedback?: () => unknown[] }).listFeedback;
      if (listFeedback) assert.equal(listFeedback.call(api).length, 1, 'the retry stored nothing new');
    });

    test('rejects malformed answers with validation', async (_s, api) => {
      await expectAdapterError(api.submit(DEMO_SURVEY_TOKENS.open, { answers: { nps: { score: 5 } } as never, idempotencyKey: freshKey('survey') }), 'validation');
      assert.equal((await api.loadInvitation(DEMO_SURVEY_TOKENS.open)).status, 'open', 'nothing stored');
    });
  });
}
