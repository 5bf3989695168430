import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionRefs, evaluateCondition, evaluateRule, type AnswerValue, type Condition } from '@pxm/core/forms';

const answers: Record<string, AnswerValue> = {
  age: 42,
  smoker: false,
  pain: 7,
  onset: '2027-02-10',
  side: 'left',
  areas: ['knee', 'hip'],
  name: 'Ada',
  blank: '   ',
  none: [],
  consent: { agreed: true, version: '3' },
  address: { line1: '1 Main St', city: 'Denver' },
};
const lookup = (id: string) => answers[id];
const holds = (condition: Condition) => evaluateCondition(condition, lookup);

describe('conditions: every operator', () => {
  it('equals and notEquals on numbers, booleans, text, dates, choices', () => {
    assert.equal(holds({ item: 'age', op: 'equals', value: 42 }), true);
    assert.equal(holds({ item: 'age', op: 'equals', value: '42' }), true, 'numeric text compares as a number');
    assert.equal(holds({ item: 'age', op: 'notEquals', value: 41 }), true);
    assert.equal(holds({ item: 'smoker', op: 'equals', value: false }), true, 'false is an answer, and it equals false');
    assert.equal(holds({ item: 'smoker', op: 'notEquals', value: true }), true);
    assert.equal(holds({ item: 'smoker', op: 'equals', value: 'false' }), true);
    assert.equal(holds({ item: 'name', op: 'equals', value: 'Ada' }), true);
    assert.equal(holds({ item: 'name', op: 'equals', value: 'ada' }), false, 'text equality is exact');
    assert.equal(holds({ item: 'onset', op: 'equals', value: '2027-02-10' }), true);
    assert.equal(holds({ item: 'side', op: 'equals', value: 'left' }), true);
    assert.equal(holds({ item: 'side', op: 'notEquals', value: 'left' }), false);
    assert.equal(holds({ item: 'consent', op: 'equals', value: true }), true, 'a consent compares as its agreed flag');
  });

  it('equals means "includes" and notEquals "excludes" on multiple choice', () => {
    assert.equal(holds({ item: 'areas', op: 'equals', value: 'hip' }), true);
    assert.equal(holds({ item: 'areas', op: 'equals', value: 'back' }), false);
    assert.equal(holds({ item: 'areas', op: 'notEquals', value: 'back' }), true);
    assert.equal(holds({ item: 'areas', op: 'notEquals', value: 'knee' }), false);
  });

  it('gt, gte, lt, lte on numbers and dates', () => {
    assert.equal(holds({ item: 'pain', op: 'gt', value: 6 }), true);
    assert.equal(holds({ item: 'pain', op: 'gt', value: 7 }), false);
    assert.equal(holds({ item: 'pain', op: 'gte', value: 7 }), true);
    assert.equal(holds({ item: 'pain', op: 'lt', value: 7 }), false);
    assert.equal(holds({ item: 'pain', op: 'lte', value: 7 }), true);
    assert.equal(holds({ item: 'onset', op: 'gt', value: '2027-01-31' }), true);
    assert.equal(holds({ item: 'onset', op: 'lt', value: '2027-01-31' }), false);
    assert.equal(holds({ item: 'onset', op: 'gte', value: '2027-02-10' }), true);
    assert.equal(holds({ item: 'onset', op: 'lte', value: '2027-02-09' }), false);
  });

  it('ordering text works in code-point order; mixing numbers and text is false', () => {
    assert.equal(holds({ item: 'name', op: 'gt', value: 'Ab' }), true);
    assert.equal(holds({ item: 'name', op: 'lt', value: 'Ab' }), false);
    assert.equal(holds({ item: 'name', op: 'gt', value: 3 }), false);
    assert.equal(holds({ item: 'smoker', op: 'gt', value: 0 }), false, 'booleans cannot be ordered');
  });

  it('exists and notExists follow "answered": blank text and empty lists are not answers', () => {
    assert.equal(holds({ item: 'age', op: 'exists' }), true);
    assert.equal(holds({ item: 'smoker', op: 'exists' }), true);
    assert.equal(holds({ item: 'blank', op: 'exists' }), false);
    assert.equal(holds({ item: 'none', op: 'exists' }), false);
    assert.equal(holds({ item: 'missing', op: 'notExists' }), true);
    assert.equal(holds({ item: 'address', op: 'exists' }), true);
  });

  it('an unanswered item makes every operator false except notExists (FHIR semantics)', () => {
    for (const op of ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'exists'] as const) {
      assert.equal(evaluateRule(op, undefined, 1), false, op);
      assert.equal(evaluateRule(op, null, 'x'), false, op);
    }
    assert.equal(evaluateRule('notExists', undefined, undefined), true);
  });

  it('all and any nest, and the empty forms are true and false', () => {
    assert.equal(holds({ all: [{ item: 'age', op: 'gt', value: 18 }, { item: 'smoker', op: 'equals', value: false }] }), true);
    assert.equal(holds({ all: [{ item: 'age', op: 'gt', value: 18 }, { item: 'smoker', op: 'equals', value: true }] }), false);
    assert.equal(holds({ any: [{ item: 'age', op: 'lt', value: 18 }, { item: 'pain', op: 'gte', value: 7 }] }), true);
    assert.equal(holds({ any: [{ item: 'age', op: 'lt', value: 18 }, { all: [{ item: 'side', op: 'equals', value: 'left' }, { item: 'areas', op: 'equals', value: 'knee' }] }] }), true);
    assert.equal(holds({ all: [] }), true);
    assert.equal(holds({ any: [] }), false);
  });

  it('lists every item a condition reads, once', () => {
    assert.deepEqual(conditionRefs({ any: [{ item: 'a', op: 'exists' }, { all: [{ item: 'b', op: 'exists' }, { item: 'a', op: 'equals', value: 1 }] }] }), ['a', 'b']);
  });
});
