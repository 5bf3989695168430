import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkFormDefinition,
  definitionProblemsOfReply,
  FormEngine,
  type FormDefinition,
  type FormItem,
} from '@pxm/core/forms';
import { demoIntakeForm } from '@pxm/core/demo';

const form = (items: FormItem[], extra: Partial<FormDefinition> = {}): FormDefinition => ({
  id: 'f',
  version: '1',
  title: 'Form',
  pages: [{ id: 'p1', title: 'Page', items }],
  ...extra,
});

const codes = (input: unknown) => checkFormDefinition(input).problems.map((problem) => `${problem.code}:${problem.itemId ?? ''}`);

describe('definition checks', () => {
  it('accepts the demo intake', () => {
    const check = checkFormDefinition(demoIntakeForm);
    assert.deepEqual(check.problems, []);
    assert.ok(check.definition);
  });

  it('reports schema problems with the item id and path, and names unknown types', () => {
    const check = checkFormDefinition(
      form([
        { id: 'ok', type: 'text', label: 'Fine' },
        { id: 'weird', type: 'colour-picker', label: 'Pick' } as unknown as FormItem,
        { id: 'scale1', type: 'scale', min: 0 } as unknown as FormItem,
      ]),
    );
    assert.equal(check.definition, undefined);
    const unknown = check.problems.find((problem) => problem.code === 'unknown_type');
    assert.equal(unknown?.itemId, 'weird');
    assert.equal(unknown?.path, 'pages.0.items.1');
    assert.match(unknown!.message, /colour-picker/);
    assert.ok(check.problems.some((problem) => problem.itemId === 'scale1'), 'the scale without max is named');
  });

  it('words the schema\'s issues: what was expected, and the value found in the definition', () => {
    const check = checkFormDefinition({ ...form([{ id: 'age', type: 'number', min: '18' } as unknown as FormItem]), colour: 'blue' });
    const messages = check.problems.map((problem) => `${problem.itemId ?? ''}@${problem.path}: ${problem.message}`);
    assert.deepEqual(messages, ['age@pages.0.items.0.min: Item "age": "min" expected number, got "18" (at pages.0.items.0.min).', '@: The definition: has unknown field "colour" (at the top level).']);
  });

  it('turns a reply refused only for its definition into problems by path, and leaves other refusals alone', () => {
    const problems = definitionProblemsOfReply([
      { path: 'definition.pages.0.items.1.type', message: 'Invalid input' },
      { path: 'definition.title', message: 'Invalid input' },
    ]);
    assert.deepEqual(
      problems?.map((problem) => [problem.code, problem.path, problem.message]),
      [
        ['schema', 'pages.0.items.1.type', 'The definition: "type" is not valid (at pages.0.items.1.type).'],
        ['schema', 'title', 'The definition: "title" is not valid (at title).'],
      ],
    );
    assert.equal(definitionProblemsOfReply([{ path: 'definition.title', message: 'too_small' }, { path: 'status', message: 'invalid_value' }]), undefined);
    assert.equal(definitionProblemsOfReply([]), undefined);
  });

  it('reports a definition that is not an object at all', () => {
    const check = checkFormDefinition('nope');
    assert.equal(check.definition, undefined);
    assert.ok(check.problems.length > 0);
  });

  it('finds duplicate ids across pages and inside groups', () => {
    const input = form([
      { id: 'name', type: 'text' },
      { id: 'meds', type: 'group', items: [{ id: 'name', type: 'text' }] },
    ]);
    assert.deepEqual(codes(input), ['duplicate_id:name']);
  });

  it('checks every condition: unknown, answerless, wrong value type, unknown option, ordering on choices', () => {
    const input = form([
      { id: 'intro', type: 'display', text: 'Hello' },
      { id: 'smoker', type: 'yes-no' },
      { id: 'pain', type: 'scale', min: 0, max: 10 },
      { id: 'side', type: 'single-choice', options: [{ value: 'left', label: 'Left' }, { value: 'right', label: 'Right' }] },
      { id: 'a', type: 'text', visibleWhen: { item: 'ghost', op: 'exists' } },
      { id: 'b', type: 'text', visibleWhen: { item: 'intro', op: 'exists' } },
      { id: 'c', type: 'text', visibleWhen: { item: 'smoker', op: 'equals', value: 'yes' } },
      { id: 'd', type: 'text', visibleWhen: { item: 'pain', op: 'gt', value: 'high' } },
      { id: 'e', type: 'text', requiredWhen: { item: 'side', op: 'equals', value: 'middle' } },
      { id: 'f', type: 'text', visibleWhen: { item: 'side', op: 'gt', value: 'left' } },
      { id: 'g', type: 'text', visibleWhen: { item: 'pain', op: 'equals' } },
    ]);
    assert.deepEqual(codes(input), [
      'unknown_reference:a',
      'unanswerable_reference:b',
      'value_type:c',
      'value_type:d',
      'unknown_option:e',
      'operator_type:f',
      'missing_value:g',
    ]);
  });

  it('refuses conditions that reach into a repeating group from outside it', () => {
    const input = form([
      { id: 'meds', type: 'group', items: [{ id: 'drug', type: 'text' }, { id: 'dose', type: 'text', visibleWhen: { item: 'drug', op: 'exists' } }] },
      { id: 'outside', type: 'text', visibleWhen: { item: 'drug', op: 'exists' } },
    ]);
    const problems = checkFormDefinition(input).problems;
    assert.deepEqual(problems.map((problem) => `${problem.code}:${problem.itemId}`), ['scope_reference:outside']);
    assert.match(problems[0]!.message, /repeating group "meds"/);
  });

  it('finds cycles and names the items around them', () => {
    const input = form([
      { id: 'a', type: 'yes-no', visibleWhen: { item: 'c', op: 'exists' } },
      { id: 'b', type: 'yes-no', visibleWhen: { item: 'a', op: 'equals', value: true } },
      { id: 'c', type: 'yes-no', visibleWhen: { any: [{ item: 'b', op: 'exists' }, { item: 'x', op: 'exists' }] } },
      { id: 'x', type: 'text' },
      { id: 'self', type: 'text', visibleWhen: { item: 'self', op: 'notExists' } },
    ]);
    const cycles = checkFormDefinition(input).problems.filter((problem) => problem.code === 'condition_cycle');
    assert.equal(cycles.length, 2);
    const messages = cycles.map((problem) => problem.message).join('\n');
    assert.match(messages, /"a" depends on "c" depends on "b" depends on "a"/);
    assert.match(messages, /"self" depends on "self"/);
    assert.deepEqual(cycles.map((problem) => problem.itemId).sort(), ['a', 'self']);
    // Every item the message names is listed, so a tool can point at each of them.
    assert.deepEqual(cycles.find((problem) => problem.itemId === 'a')!.itemIds, ['a', 'c', 'b']);
  });

  it('finds a cycle through a container: a section shown by an item inside it', () => {
    const input = form([{ id: 'sec', type: 'section', visibleWhen: { item: 'inner', op: 'exists' }, items: [{ id: 'inner', type: 'text' }] }]);
    const cycle = checkFormDefinition(input).problems.find((problem) => problem.code === 'condition_cycle');
    assert.match(cycle!.message, /"inner" depends on "sec" depends on "inner"|"sec" depends on "inner" depends on "sec"/);
  });

  it('finds a cycle through a page condition', () => {
    const input: FormDefinition = {
      id: 'f',
      version: '1',
      title: 'F',
      pages: [{ id: 'p1', title: 'P1', visibleWhen: { item: 'q', op: 'exists' }, items: [{ id: 'q', type: 'text' }] }],
    };
    const cycle = checkFormDefinition(input).problems.find((problem) => problem.code === 'condition_cycle');
    assert.match(cycle!.message, /page "p1"/);
  });

  it('checks ranges, patterns, options, groups and signatures', () => {
    const input = form([
      { id: 'n', type: 'number', min: 5, max: 1 },
      { id: 's', type: 'scale', min: 3, max: 3 },
      { id: 'd', type: 'date', min: '2027-05-01', max: '2027-01-01' },
      { id: 'd2', type: 'date', max: 'tomorrow' },
      { id: 't', type: 'text', pattern: '([a-z' },
      { id: 'c', type: 'single-choice', options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'X again' }] },
      { id: 'm', type: 'multiple-choice', options: [{ value: 'x', label: 'X' }], minSelected: 3 },
      { id: 'g', type: 'group', items: [{ id: 'gi', type: 'text' }], minInstances: 4, maxInstances: 2 },
      { id: 'sig', type: 'signature', consentItemId: 't' },
      { id: 'empty', type: 'section', items: [] },
    ]);
    assert.deepEqual(codes(input), [
      'bad_range:n',
      'bad_range:s',
      'bad_range:d',
      'bad_range:d2',
      'bad_pattern:t',
      'duplicate_option:c',
      'bad_range:m',
      'bad_range:g',
      'unknown_consent:sig',
      'empty_container:empty',
    ]);
  });

  it('checks scoring rules against the items they read', () => {
    const input = form([{ id: 'pain', type: 'scale', min: 0, max: 10 }, { id: 'notes', type: 'text' }], {
      scoring: [
        { id: 'x', label: 'X', method: 'sum', items: ['pain', 'notes', 'ghost'], reverse: ['other'], minAnswered: 5, direction: 'higher-worse' },
      ],
    });
    const messages = checkFormDefinition(input).problems.map((problem) => problem.message);
    assert.equal(messages.length, 4);
    assert.ok(messages.some((message) => /"notes" \(text\) gives no number/.test(message)));
    assert.ok(messages.some((message) => /"ghost", which is not an item/.test(message)));
    assert.ok(messages.some((message) => /reverse-scores "other"/.test(message)));
    assert.ok(messages.some((message) => /minAnswered 5 exceeds its 3 items/.test(message)));
  });

  it('never hangs: 1,000 random definitions are checked and the acyclic ones run', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let cyclic = 0;
    const started = performance.now();
    for (let round = 0; round < 1000; round++) {
      const count = 2 + Math.floor(random() * 12);
      const items: FormItem[] = [];
      for (let i = 0; i < count; i++) {
        const item: FormItem = { id: `i${i}`, type: 'yes-no' };
        if (random() < 0.6) {
          const refs = 1 + Math.floor(random() * 3);
          const rules = Array.from({ length: refs }, () => ({ item: `i${Math.floor(random() * count)}`, op: 'equals' as const, value: true }));
          item.visibleWhen = random() < 0.5 ? { any: rules } : { all: rules };
        }
        items.push(item);
      }
      const check = checkFormDefinition(form(items));
      const hasCycle = check.problems.some((problem) => problem.code === 'condition_cycle');
      assert.equal(check.problems.every((problem) => problem.code === 'condition_cycle'), true);
      if (hasCycle) {
        cyclic += 1;
        assert.throws(() => new FormEngine(form(items)), /cycle/);
      } else {
        const engine = new FormEngine(check.definition!);
        for (let i = 0; i < count; i++) engine.setAnswer(`i${i}`, random() < 0.5);
      }
    }
    assert.ok(cyclic > 50 && cyclic < 950, `a mix of cyclic and acyclic forms (${cyclic} cyclic)`);
    assert.ok(performance.now() - started < 10_000);
  });
});
