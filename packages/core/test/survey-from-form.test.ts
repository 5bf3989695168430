import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormDefinitionSchema, type FormDefinition } from '@pxm/core/forms';
import { SurveyDefinitionSchema, surveyFromFormDefinition } from '@pxm/core/survey';

const form: FormDefinition = {
  id: 'discharge-nps',
  version: '3',
  title: 'Tell us about your care',
  locale: 'es',
  pages: [
    {
      id: 'p1',
      title: 'Survey',
      items: [
        { id: 'intro', type: 'display', text: 'It takes two minutes.' },
        { id: 'score', type: 'scale', min: 0, max: 10, label: 'How likely are you to recommend us?', required: true, minLabel: 'Unlikely', maxLabel: 'Very likely' },
        { id: 'why-low', type: 'long-text', label: 'What went wrong?', maxLength: 500, visibleWhen: { item: 'score', op: 'lte', value: 6 } },
        { id: 'why-mid', type: 'long-text', label: 'What would make it a 10?', visibleWhen: { all: [{ item: 'score', op: 'gte', value: 7 }, { item: 'score', op: 'lte', value: 8 }] } },
        { id: 'why-high', type: 'long-text', label: 'What did you like?', visibleWhen: { item: 'score', op: 'gt', value: 8 } },
        {
          id: 'more',
          type: 'section',
          items: [
            { id: 'therapist', type: 'scale', min: 1, max: 5, label: 'Your therapist?' },
            { id: 'again', type: 'yes-no', label: 'Would you come back?', visibleWhen: { item: 'therapist', op: 'gte', value: 3 } },
            { id: 'effort', type: 'scale', min: 1, max: 7, label: 'How easy was booking?' },
            { id: 'born', type: 'date', label: 'Date of birth' },
            { id: 'contacts', type: 'group', items: [{ id: 'name', type: 'text', label: 'Name' }] },
          ],
        },
      ],
    },
  ],
};

describe('surveyFromFormDefinition', () => {
  it('maps scales, text, choices and segment follow-ups into a valid survey', () => {
    assert.equal(FormDefinitionSchema.safeParse(form).success, true, 'the fixture is a valid form');
    const { definition, issues } = surveyFromFormDefinition(form);
    assert.ok(definition);
    assert.equal(SurveyDefinitionSchema.safeParse(definition).success, true);
    assert.equal(definition.intro, 'It takes two minutes.');
    assert.deepEqual(definition.questions.map((q) => `${q.id}:${q.type}`), ['score:nps', 'why-low:text', 'therapist:csat', 'again:single-choice', 'effort:single-choice']);
    const [nps, why, , again, effort] = definition.questions;
    assert.deepEqual(nps, { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?', required: true, lowLabel: 'Unlikely', highLabel: 'Very likely' });
    assert.deepEqual(why, {
      id: 'why-low',
      type: 'text',
      afterScore: true,
      maxLength: 2000,
      prompt: { default: 'What went wrong?', detractor: 'What went wrong?', passive: 'What would make it a 10?', promoter: 'What did you like?' },
    });
    assert.deepEqual(again?.type === 'single-choice' && again.options.map((o) => o.label), ['Sí', 'No'], 'labels follow the form locale');
    assert.equal(effort?.type === 'single-choice' && effort.options.length, 7);
    const byId = (linkId: string) => issues.filter((i) => i.linkId === linkId).map((i) => i.message);
    assert.match(byId('why-mid')[0] ?? '', /Merged into "why-low"/);
    assert.match(byId('again')[0] ?? '', /always shown/);
    assert.match(byId('born')[0] ?? '', /not a survey question/);
    assert.match(byId('contacts')[0] ?? '', /Repeating groups/);
  });

  it('keeps a follow-up for some segments only, saying who sees the default wording', () => {
    const partial: FormDefinition = {
      ...form,
      pages: [{ id: 'p', title: 'P', items: [form.pages[0]!.items[1]!, { id: 'sorry', type: 'long-text', label: 'What went wrong?', required: true, visibleWhen: { item: 'score', op: 'lt', value: 7 } }] }],
    };
    const { definition, issues } = surveyFromFormDefinition(partial);
    const sorry = definition?.questions[1];
    assert.equal(sorry?.type === 'text' && sorry.required, false, 'no longer required: passives and promoters see it too');
    assert.ok(issues.some((i) => i.linkId === 'sorry' && /No wording for passive and promoter/.test(i.message)));
  });

  it('does not treat a condition that splits a segment as segment wording', () => {
    const split: FormDefinition = {
      ...form,
      pages: [{ id: 'p', title: 'P', items: [form.pages[0]!.items[1]!, { id: 'eight-up', type: 'long-text', label: 'Why so high?', visibleWhen: { item: 'score', op: 'gte', value: 8 } }] }],
    };
    const { definition, issues } = surveyFromFormDefinition(split);
    assert.equal(definition?.questions[1]?.type === 'text' && definition.questions[1].prompt, 'Why so high?');
    assert.ok(issues.some((i) => i.linkId === 'eight-up' && /always shown/.test(i.message)));
  });

  it('returns no definition, with a reason, when nothing can be asked', () => {
    const empty: FormDefinition = { ...form, pages: [{ id: 'p', title: 'P', items: [{ id: 'sig', type: 'signature', label: 'Sign' }] }] };
    const { definition, issues } = surveyFromFormDefinition(empty);
    assert.equal(definition, undefined);
    assert.ok(issues.some((i) => /no item a survey can ask/.test(i.message)));
  });
});
