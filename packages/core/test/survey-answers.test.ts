import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@pxm/core';
import {
  DEFAULT_SURVEY_TEXT_MAX_LENGTH,
  SurveyInvitationSchema,
  characterCount,
  isAnswerEmpty,
  sanitizeSurveyAnswers,
  surveyDefinitionProblems,
  validateSurveyAnswers,
  type SurveyDefinition,
  type SurveyInvitation,
} from '@pxm/core/survey';
import { requireShowableSurvey } from '../src/survey/definition-problems.js';
import { demoSurvey } from '@pxm/core/demo';

const problems = (answers: Record<string, unknown>, partial = false) =>
  validateSurveyAnswers(demoSurvey, answers as never, { partial }).map((i) => `${i.questionId}:${i.problem}`);

describe('survey answers', () => {
  it('accept a complete, valid set', () => {
    assert.deepEqual(problems({ nps: 9, why: 'Kind staff', therapist: 5, goals: 'fully', helped: ['hands-on', 'home-program'], comments: '' }), []);
  });

  it('require the required question, except in partial answers', () => {
    assert.deepEqual(problems({ why: 'x' }), ['nps:required']);
    assert.deepEqual(problems({ nps: null }), ['nps:required']);
    assert.deepEqual(problems({ why: 'x' }, true), []);
  });

  it('reject scores and options that do not fit', () => {
    assert.deepEqual(problems({ nps: 11 }), ['nps:invalid']);
    assert.deepEqual(problems({ nps: 4.5 }), ['nps:invalid']);
    assert.deepEqual(problems({ nps: '9' }), ['nps:invalid']);
    assert.deepEqual(problems({ nps: 5, therapist: 0 }), ['therapist:invalid']);
    assert.deepEqual(problems({ nps: 5, therapist: 6 }), ['therapist:invalid']);
    assert.deepEqual(problems({ nps: 5, goals: 'maybe' }), ['goals:invalid']);
    assert.deepEqual(problems({ nps: 5, helped: ['hands-on', 'hands-on'] }), ['helped:invalid']);
    assert.deepEqual(problems({ nps: 5, helped: ['telepathy'] }), ['helped:invalid']);
    assert.deepEqual(problems({ nps: 5, why: ['a'] }), ['why:invalid']);
    assert.deepEqual(problems({ nps: 5, stray: 'x' }), ['stray:unknown_question']);
    assert.deepEqual(problems({ nps: 12 }, true), ['nps:invalid'], 'partial answers still keep ranges');
  });

  it('never require a follow-up that waits for the score while there is none', () => {
    const definition: SurveyDefinition = {
      ...demoSurvey,
      questions: [
        { id: 'nps', type: 'nps', prompt: 'Recommend?' },
        { id: 'why', type: 'text', prompt: { default: 'Why?' }, required: true, afterScore: true },
      ],
    };
    assert.deepEqual(validateSurveyAnswers(definition, {}), []);
    assert.deepEqual(validateSurveyAnswers(definition, { nps: 3 }), [{ questionId: 'why', problem: 'required' }]);
  });

  it('limit text by characters as people count them, 2,000 by default', () => {
    assert.equal(DEFAULT_SURVEY_TEXT_MAX_LENGTH, 2000);
    assert.equal(characterCount('😀😀'), 2);
    assert.deepEqual(problems({ nps: 5, why: 'a'.repeat(1000) }), []);
    assert.deepEqual(problems({ nps: 5, why: 'a'.repeat(1001) }), ['why:too_long']);
    assert.deepEqual(problems({ nps: 5, why: '😀'.repeat(1000) }), [], 'emoji count once');
    assert.deepEqual(problems({ nps: 5, comments: 'a'.repeat(2001) }), ['comments:too_long']);
    assert.deepEqual(problems({ nps: 5, comments: 'a'.repeat(2001) }, true), [], 'a draft may run over for now');
  });

  it('treat blank text and empty selections as unanswered', () => {
    assert.equal(isAnswerEmpty('  '), true);
    assert.equal(isAnswerEmpty([]), true);
    assert.equal(isAnswerEmpty(null), true);
    assert.equal(isAnswerEmpty(0), false, 'a score of zero is an answer');
  });

  it('keep only resumable answers that still fit the definition', () => {
    const clean = sanitizeSurveyAnswers(demoSurvey, { nps: 0, therapist: 9, goals: 'fully', removed: 'x', why: '', helped: ['scheduling', 'gone'] });
    assert.deepEqual(clean, { nps: 0, goals: 'fully' });
  });

  it('find definitions that cannot work', () => {
    assert.deepEqual(surveyDefinitionProblems(demoSurvey), []);
    const broken: SurveyDefinition = {
      ...demoSurvey,
      questions: [
        { id: 'a', type: 'nps', prompt: 'A' },
        { id: 'a', type: 'nps', prompt: 'B' },
        { id: 'c', type: 'single-choice', prompt: 'C', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }] },
      ],
    };
    assert.deepEqual(
      surveyDefinitionProblems(broken).map((p) => p.path),
      ['questions.1.id', 'questions.1', 'questions.2.options.1.value'],
    );
  });

  it('refuse to show an invitation whose definition cannot work, naming where, after its schema', () => {
    const invitation: SurveyInvitation = {
      id: 'inv-1',
      status: 'open',
      expiresAt: '2027-03-31T16:00:00Z',
      definition: demoSurvey,
      partialAnswers: {},
      practiceName: 'Cedar',
      reviewLinks: [],
    };
    assert.equal(requireShowableSurvey(invitation), invitation);
    const broken = { ...invitation, definition: { ...demoSurvey, questions: [demoSurvey.questions[0]!, { ...demoSurvey.questions[1]!, id: demoSurvey.questions[0]!.id }] } };
    assert.equal(SurveyInvitationSchema.safeParse(broken).success, true, 'the schema alone lets it through');
    assert.throws(
      () => requireShowableSurvey(broken),
      (error: unknown) => AdapterError.is(error) && error.code === 'server' && error.issues[0]?.path === 'definition.questions.1.id',
    );
  });
});
