import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FormEngine,
  checkFormDefinition,
  responseAnswersOf,
  type FormDefinition,
  type FormItem,
} from '@pxm/core/forms';

const TODAY = { today: '2027-03-01' };

const form = (items: FormItem[], pages: FormDefinition['pages'] = []): FormDefinition => ({
  id: 'f',
  version: '1',
  title: 'Form',
  pages: [{ id: 'p1', title: 'Page 1', items }, ...pages],
});

describe('form engine: visibility', () => {
  const definition = form([
    { id: 'surgery', type: 'yes-no', required: true },
    { id: 'surgeryDate', type: 'date', required: true, visibleWhen: { item: 'surgery', op: 'equals', value: true } },
    { id: 'surgeon', type: 'text', visibleWhen: { item: 'surgeryDate', op: 'exists' } },
    {
      id: 'details',
      type: 'section',
      visibleWhen: { item: 'surgery', op: 'equals', value: true },
      items: [{ id: 'hospital', type: 'text', required: true }],
    },
  ]);

  it('shows and hides along a chain, through containers', () => {
    const engine = new FormEngine(definition);
    assert.equal(engine.isVisible('surgeryDate'), false);
    assert.equal(engine.isVisible('hospital'), false, 'hidden with its section');
    engine.setAnswer('surgery', true);
    assert.equal(engine.isVisible('surgeryDate'), true);
    assert.equal(engine.isVisible('hospital'), true);
    assert.equal(engine.isVisible('surgeon'), false);
    engine.setAnswer('surgeryDate', '2026-11-02');
    assert.equal(engine.isVisible('surgeon'), true);
    const flipped = engine.setAnswer('surgery', false);
    assert.deepEqual(flipped.sort(), ['details', 'hospital', 'surgeon', 'surgeryDate'].sort());
  });

  it('keeps hidden answers (nothing typed is lost) but leaves them out of the response', () => {
    const engine = new FormEngine(definition);
    engine.setAnswer('surgery', true);
    engine.setAnswer('surgeryDate', '2026-11-02');
    engine.setAnswer('hospital', 'St. Mary');
    engine.setAnswer('surgery', false);
    assert.equal(engine.getAnswer('surgeryDate'), '2026-11-02', 'still there while hidden');
    assert.deepEqual(engine.responseAnswers(), { surgery: false });
    engine.setAnswer('surgery', true);
    assert.equal(engine.isVisible('surgeon'), true, 'the kept answer counts again once shown');
    assert.deepEqual(engine.responseAnswers(), { surgery: true, surgeryDate: '2026-11-02', hospital: 'St. Mary' });
  });

  it('evaluates page conditions', () => {
    const engine = new FormEngine(
      form([{ id: 'sport', type: 'yes-no' }], [{ id: 'p2', title: 'Sport', visibleWhen: { item: 'sport', op: 'equals', value: true }, items: [{ id: 'which', type: 'text' }] }]),
    );
    assert.deepEqual(engine.visiblePages().map((page) => page.id), ['p1']);
    assert.equal(engine.isVisible('which'), false);
    engine.setAnswer('sport', true);
    assert.deepEqual(engine.visiblePages().map((page) => page.id), ['p1', 'p2']);
    assert.equal(engine.isVisible('which'), true);
  });

  it('applies requiredWhen only while it holds and the item is shown', () => {
    const engine = new FormEngine(form([{ id: 'pain', type: 'scale', min: 0, max: 10 }, { id: 'painNotes', type: 'long-text', requiredWhen: { item: 'pain', op: 'gte', value: 7 } }]));
    assert.equal(engine.isRequired('painNotes'), false);
    engine.setAnswer('pain', 8);
    assert.equal(engine.isRequired('painNotes'), true);
    engine.setAnswer('pain', 2);
    assert.equal(engine.isRequired('painNotes'), false);
  });

  it('refuses answers for containers and bad addresses', () => {
    const engine = new FormEngine(definition);
    assert.throws(() => engine.setAnswer('details', 'x'), /does not take an answer/);
    assert.throws(() => engine.setAnswer('x[0]/surgery', true), /not a valid address/);
  });
});

describe('form engine: repeating groups', () => {
  const definition = form([
    { id: 'takesMeds', type: 'yes-no' },
    {
      id: 'meds',
      type: 'group',
      minInstances: 1,
      maxInstances: 3,
      visibleWhen: { item: 'takesMeds', op: 'equals', value: true },
      items: [
        { id: 'drug', type: 'text', required: true },
        { id: 'prn', type: 'yes-no' },
        { id: 'howOften', type: 'text', required: true, visibleWhen: { item: 'prn', op: 'equals', value: false } },
        { id: 'sideEffects', type: 'text', visibleWhen: { item: 'takesMeds', op: 'equals', value: true } },
      ],
    },
  ]);

  it('starts with minInstances and scopes conditions to the same instance', () => {
    const engine = new FormEngine(definition);
    assert.equal(engine.instanceCount('meds'), 1);
    engine.setAnswer('takesMeds', true);
    engine.addInstance('meds');
    engine.setAnswer('meds[0]/prn', false);
    engine.setAnswer('meds[1]/prn', true);
    assert.equal(engine.isVisible('meds[0]/howOften'), true);
    assert.equal(engine.isVisible('meds[1]/howOften'), false, 'instance 1 answered "as needed": its own follow-up only');
    assert.equal(engine.isVisible('meds[0]/sideEffects'), true, 'an outside answer reaches every instance');
    assert.equal(engine.isVisible('meds[1]/sideEffects'), true);
  });

  it('re-scopes after removing an instance, and honours maxInstances', () => {
    const engine = new FormEngine(definition);
    engine.setAnswer('takesMeds', true);
    engine.addInstance('meds');
    engine.addInstance('meds');
    assert.equal(engine.addInstance('meds'), -1, 'no fourth instance');
    engine.setAnswer('meds[0]/prn', true);
    engine.setAnswer('meds[1]/prn', false);
    engine.setAnswer('meds[1]/drug', 'Ibuprofen');
    engine.removeInstance('meds', 0);
    assert.equal(engine.instanceCount('meds'), 2);
    assert.equal(engine.getAnswer('meds[0]/drug'), 'Ibuprofen');
    assert.equal(engine.isVisible('meds[0]/howOften'), true, 'the moved instance keeps its own visibility');
    assert.equal(engine.isVisible('meds[1]/howOften'), false, 'the new empty instance has no "prn" answer');
  });

  it('hides every instance with the group, and validates each instance on its own', () => {
    const engine = new FormEngine(definition);
    engine.setAnswer('takesMeds', true);
    engine.setAnswer('meds[0]/drug', 'Naproxen');
    engine.setAnswer('meds[0]/prn', false);
    engine.addInstance('meds');
    engine.setAnswer('meds[1]/prn', false);
    const issues = engine.validatePage('p1', TODAY).map((issue) => `${issue.key}:${issue.code}`);
    assert.deepEqual(issues, ['meds[0]/howOften:required', 'meds[1]/drug:required', 'meds[1]/howOften:required']);
    engine.setAnswer('takesMeds', false);
    assert.equal(engine.isVisible('meds[0]/drug'), false);
    assert.deepEqual(engine.validatePage('p1', TODAY), []);
    assert.deepEqual(engine.responseAnswers(), { takesMeds: false });
  });

  it('skips empty instances of an optional group, and requires one filled instance of a required one', () => {
    const optional = new FormEngine(form([{ id: 'allergies', type: 'group', minInstances: 1, items: [{ id: 'allergen', type: 'text', required: true }] }]));
    assert.deepEqual(optional.validatePage('p1', TODAY), [], 'an untouched optional instance is not an error');
    assert.deepEqual(optional.responseAnswers(), {});
    const required = new FormEngine(form([{ id: 'allergies', type: 'group', required: true, minInstances: 1, items: [{ id: 'allergen', type: 'text' }] }]));
    assert.deepEqual(
      required.validatePage('p1', TODAY).map((issue) => issue.code),
      ['required'],
    );
    required.setAnswer('allergies[0]/allergen', 'Latex');
    assert.deepEqual(required.validatePage('p1', TODAY), []);
    assert.deepEqual(required.responseAnswers(), { allergies: [{ allergen: 'Latex' }] });
  });

  it('handles nested groups with conditions reaching outwards', () => {
    const engine = new FormEngine(
      form([
        {
          id: 'visits',
          type: 'group',
          minInstances: 1,
          items: [
            { id: 'hadPain', type: 'yes-no' },
            { id: 'episodes', type: 'group', minInstances: 1, items: [{ id: 'where', type: 'text', visibleWhen: { item: 'hadPain', op: 'equals', value: true } }] },
          ],
        },
      ]),
    );
    engine.addInstance('visits[0]/episodes');
    engine.setAnswer('visits[0]/hadPain', true);
    assert.equal(engine.isVisible('visits[0]/episodes[0]/where'), true);
    assert.equal(engine.isVisible('visits[0]/episodes[1]/where'), true);
    engine.addInstance('visits');
    assert.equal(engine.isVisible('visits[1]/episodes[0]/where'), false);
  });
});

describe('form engine: incremental dependency graph', () => {
  /** 300 items; 40 of them have conditions, each reading one of 10 "trigger" items. */
  function bigForm(): FormDefinition {
    const items: FormItem[] = [];
    for (let i = 0; i < 10; i++) items.push({ id: `trigger${i}`, type: 'yes-no' });
    for (let i = 0; i < 290; i++) {
      const item: FormItem = { id: `q${i}`, type: 'text' };
      if (i < 40) item.visibleWhen = { item: `trigger${i % 10}`, op: 'equals', value: true };
      items.push(item);
    }
    return form(items);
  }

  it('evaluates each condition once at construction', () => {
    const engine = new FormEngine(bigForm());
    assert.equal(engine.evaluations, 40);
  });

  it('counts evaluations per change', () => {
    const definition = bigForm();
    const engine = new FormEngine(definition);
    const before = engine.evaluations;
    engine.setAnswer('trigger3', true);
    assert.equal(engine.evaluations - before, 4, 'trigger3 is read by q3, q13, q23, q33 only');
    const mid = engine.evaluations;
    engine.setAnswer('q200', 'typing');
    assert.equal(engine.evaluations - mid, 0, 'nothing reads q200');
    engine.setAnswer('q200', 'typing more');
    assert.equal(engine.evaluations - mid, 0);
    const after = engine.evaluations;
    engine.setAnswer('trigger3', true);
    assert.equal(engine.evaluations - after, 0, 'the same value again changes nothing');
  });

  it('does not propagate from a hidden item, and goes only one level further when a visibility flips', () => {
    const engine = new FormEngine(
      form([
        { id: 'a', type: 'yes-no' },
        { id: 'b', type: 'text', visibleWhen: { item: 'a', op: 'equals', value: true } },
        { id: 'c', type: 'text', visibleWhen: { item: 'b', op: 'exists' } },
        { id: 'd', type: 'text', visibleWhen: { item: 'c', op: 'exists' } },
      ]),
    );
    let mark = engine.evaluations;
    engine.setAnswer('b', 'typed while hidden');
    assert.equal(engine.evaluations - mark, 0, 'b is hidden: its answer counts as absent');
    mark = engine.evaluations;
    engine.setAnswer('a', true);
    assert.equal(engine.evaluations - mark, 2, 'b flips (shown, answered) so c is evaluated; c has no answer, so d is not');
    assert.equal(engine.isVisible('c'), true);
    assert.equal(engine.isVisible('d'), false);
  });
});

describe('form engine: validation and progress', () => {
  it('counts required questions shown and answered, per page and overall', () => {
    const definition = form(
      [
        { id: 'first', type: 'text', required: true },
        { id: 'smoker', type: 'yes-no', required: true },
        { id: 'packs', type: 'number', required: true, visibleWhen: { item: 'smoker', op: 'equals', value: true } },
        { id: 'notes', type: 'text' },
      ],
      [{ id: 'p2', title: 'Two', items: [{ id: 'agree', type: 'consent', consentId: 'c', version: '1', title: 'Consent', text: 'Text', required: true }] }],
    );
    const engine = new FormEngine(definition);
    assert.deepEqual(engine.requiredProgress(), { required: 3, answered: 0 });
    engine.setAnswer('smoker', true);
    assert.deepEqual(engine.requiredProgress(), { required: 4, answered: 1 });
    assert.deepEqual(engine.requiredProgress('p1'), { required: 3, answered: 1 });
    engine.setAnswer('smoker', false);
    engine.setAnswer('first', 'Ada');
    engine.setAnswer('agree', { agreed: true, version: '1' });
    assert.deepEqual(engine.requiredProgress(), { required: 3, answered: 3 });
    assert.deepEqual(engine.validateAll(TODAY), []);
  });

  it('checks a definition before running it (smoke test of the pair)', () => {
    const check = checkFormDefinition(form([{ id: 'a', type: 'text' }]));
    assert.ok(check.definition);
    assert.deepEqual(responseAnswersOf(check.definition, { a: 'x', unknown: 'dropped' }), { a: 'x' });
  });
});
