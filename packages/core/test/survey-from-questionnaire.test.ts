import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SurveyDefinitionSchema, surveyFromQuestionnaire } from '@pxm/core/survey';
import { demoSurveyQuestionnaire } from '@pxm/core/demo';

describe('surveyFromQuestionnaire', () => {
  it('turns the demo Questionnaire into the survey it describes', () => {
    const { definition, issues } = surveyFromQuestionnaire(demoSurveyQuestionnaire);
    assert.ok(definition, JSON.stringify(issues));
    assert.equal(SurveyDefinitionSchema.safeParse(definition).success, true);
    assert.equal(definition.title, 'How was your care at Cedar Ridge?');
    assert.deepEqual(definition.questions.map((q) => `${q.id}:${q.type}`), ['nps:nps', 'why-detractor:text', 'therapist:csat', 'goals:single-choice']);
    const why = definition.questions[1];
    assert.ok(why?.type === 'text' && typeof why.prompt === 'object');
    assert.equal(why.prompt.detractor, 'We are sorry we fell short. What should we have done better?');
    assert.equal(why.prompt.passive, 'What would have made your care excellent?');
    assert.equal(why.prompt.promoter, 'We are glad! What did you value most?');
    assert.equal(definition.questions[0]?.required, true);
    const merged = issues.filter((issue) => /^Merged into/.test(issue.message)).map((issue) => issue.linkId);
    assert.deepEqual(merged, ['why-passive', 'why-promoter']);
  });

  it('reports what is not a Questionnaire instead of guessing', () => {
    const { definition, issues } = surveyFromQuestionnaire({ resourceType: 'Patient' });
    assert.equal(definition, undefined);
    assert.ok(issues.length > 0);
  });

  it('reports a Questionnaire with nothing a survey can ask', () => {
    const { definition, issues } = surveyFromQuestionnaire({
      resourceType: 'Questionnaire',
      status: 'active',
      title: 'Dates only',
      item: [{ linkId: 'born', type: 'date', text: 'Date of birth' }],
    });
    assert.equal(definition, undefined);
    assert.ok(issues.some((issue) => issue.linkId === 'born'));
  });
});
