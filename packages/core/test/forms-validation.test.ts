import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAnswer, type AnswerValue, type FormItem, type ValidationContext } from '@pxm/core/forms';

const base: ValidationContext = { required: false, today: '2027-03-01' };
const required: ValidationContext = { ...base, required: true };
const code = (item: FormItem, value: AnswerValue | undefined, context: ValidationContext = base) => validateAnswer(item, value, context)?.code;
const full = (item: FormItem, value: AnswerValue | undefined, context: ValidationContext = base) => validateAnswer(item, value, context);

const consent: Extract<FormItem, { type: 'consent' }> = { id: 'consent', type: 'consent', consentId: 'treat', version: '3', title: 'Consent', text: 'I consent.' };
const signatureOf = (name: string, version = '3'): AnswerValue => ({ signerName: name, signedAt: '2027-03-01T15:00:00.000Z', method: 'typed', consentId: 'treat', consentVersion: version });

describe('validation: every item type', () => {
  it('required applies to every answerable type, choices and yes/no included', () => {
    const types: FormItem[] = [
      { id: 'a', type: 'text' },
      { id: 'b', type: 'long-text' },
      { id: 'c', type: 'number' },
      { id: 'd', type: 'date' },
      { id: 'e', type: 'yes-no' },
      { id: 'f', type: 'single-choice', options: [{ value: 'x', label: 'X' }] },
      { id: 'g', type: 'multiple-choice', options: [{ value: 'x', label: 'X' }] },
      { id: 'h', type: 'scale', min: 0, max: 10 },
      { id: 'i', type: 'phone' },
      { id: 'j', type: 'email' },
      { id: 'k', type: 'address' },
      { id: 'l', type: 'insurance-card' },
      { id: 'm', type: 'signature' },
    ];
    for (const item of types) {
      assert.equal(code(item, undefined, required), 'required', item.type);
      assert.equal(code(item, undefined, base), undefined, `${item.type} optional`);
    }
    assert.equal(code({ id: 'g', type: 'multiple-choice', options: [{ value: 'x', label: 'X' }] }, [], required), 'required', 'an empty selection');
    assert.equal(code({ id: 'a', type: 'text' }, '   ', required), 'required', 'blank text');
    assert.equal(code({ id: 'e', type: 'yes-no' }, false, required), undefined, '"No" is an answer');
    assert.equal(code(consent, { agreed: false, version: '3' }, required), 'consent_not_agreed');
    assert.equal(code(consent, undefined, required), 'consent_not_agreed');
    assert.equal(code({ id: 's', type: 'section', items: [] }, undefined, required), undefined);
    assert.equal(code({ id: 'x', type: 'display', text: 'Hi' }, undefined, required), undefined);
  });

  it('text: length, pattern (whole value), type', () => {
    const item: FormItem = { id: 't', type: 'text', maxLength: 5, pattern: '[A-Z]{2}\\d+' };
    assert.deepEqual(full(item, 'AB123456'), { code: 'too_long', params: { max: 5 } });
    assert.equal(code(item, 'AB12'), undefined);
    assert.equal(code(item, 'xAB1'), 'pattern', 'the pattern must match the whole value');
    assert.equal(code(item, 12), 'wrong_type');
    assert.deepEqual(full({ id: 'l', type: 'long-text', maxLength: 3 }, 'four'), { code: 'too_long', params: { max: 3 } });
  });

  it('number: numeric, min, max, step', () => {
    const item: FormItem = { id: 'n', type: 'number', min: 1, max: 10, step: 0.5 };
    assert.equal(code(item, 'abc'), 'not_a_number', 'text left in a number field');
    assert.equal(code(item, Number.NaN), 'not_a_number');
    assert.deepEqual(full(item, 0), { code: 'below_min', params: { min: 1 } });
    assert.deepEqual(full(item, 11), { code: 'above_max', params: { max: 10 } });
    assert.deepEqual(full(item, 2.25), { code: 'step', params: { step: 0.5 } });
    assert.equal(code(item, 2.5), undefined);
    assert.equal(code({ id: 'w', type: 'number', step: 0.1 }, 0.3), undefined, 'binary fractions on a 0.1 step');
  });

  it('date: real dates, bounds, "today"', () => {
    const birth: FormItem = { id: 'dob', type: 'date', min: '1900-01-01', max: 'today' };
    assert.equal(code(birth, '2027-02-30'), 'not_a_date');
    assert.equal(code(birth, '03/01/2027'), 'not_a_date');
    assert.deepEqual(full(birth, '2027-03-02'), { code: 'date_after_max', params: { max: '2027-03-01' } });
    assert.equal(code(birth, '2027-03-01'), undefined, 'today itself is allowed');
    assert.deepEqual(full(birth, '1899-12-31'), { code: 'date_before_min', params: { min: '1900-01-01' } });
    assert.deepEqual(full({ id: 'next', type: 'date', min: 'today' }, '2027-02-28'), { code: 'date_before_min', params: { min: '2027-03-01' } });
  });

  it('email and phone', () => {
    const email: FormItem = { id: 'e', type: 'email' };
    assert.equal(code(email, 'ada@example.com'), undefined);
    for (const bad of ['ada', 'ada@', 'ada@example', 'a b@example.com', '@example.com']) assert.equal(code(email, bad), 'email', bad);
    const phone: FormItem = { id: 'p', type: 'phone' };
    assert.equal(code(phone, '+1 (303) 555-0199'), undefined);
    assert.equal(code(phone, '555-01'), 'phone', 'too few digits');
    assert.equal(code(phone, 'call me'), 'phone');
  });

  it('choices: known options, selection counts', () => {
    const single: FormItem = { id: 's', type: 'single-choice', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] };
    assert.equal(code(single, 'a'), undefined);
    assert.equal(code(single, 'z'), 'not_an_option');
    assert.equal(code(single, true), 'wrong_type');
    const multiple: FormItem = {
      id: 'm',
      type: 'multiple-choice',
      options: ['a', 'b', 'c', 'd'].map((value) => ({ value, label: value })),
      minSelected: 2,
      maxSelected: 3,
    };
    assert.deepEqual(full(multiple, ['a']), { code: 'too_few_selected', params: { min: 2 } });
    assert.deepEqual(full(multiple, ['a', 'b', 'c', 'd']), { code: 'too_many_selected', params: { max: 3 } });
    assert.equal(code(multiple, ['a', 'z']), 'not_an_option');
    assert.equal(code(multiple, ['a', 'b']), undefined);
  });

  it('scale: integer steps inside the range', () => {
    const scale: FormItem = { id: 'pain', type: 'scale', min: 0, max: 10 };
    assert.equal(code(scale, 0), undefined);
    assert.equal(code(scale, 10), undefined);
    assert.deepEqual(full(scale, 11), { code: 'not_on_scale', params: { min: 0, max: 10 } });
    assert.equal(code(scale, 2.5), 'not_on_scale');
    assert.equal(code({ id: 'five', type: 'scale', min: 0, max: 100, step: 5 }, 12), 'not_on_scale');
  });

  it('yes/no holds booleans only', () => {
    assert.equal(code({ id: 'y', type: 'yes-no' }, 'yes'), 'wrong_type');
  });

  it('address: street and city, postal code by country', () => {
    const address: FormItem = { id: 'addr', type: 'address' };
    assert.equal(code(address, { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80211' }), undefined);
    assert.equal(code(address, { line1: '1 Main St', city: '' }), 'address_incomplete');
    assert.equal(code(address, { line1: '1 Main St', city: 'Denver', postalCode: '8021' }), 'postal_code');
    assert.equal(code(address, { line1: '1 Main St', city: 'Denver', postalCode: '80211-1234' }), undefined);
    assert.equal(code(address, { line1: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA', country: 'GB' }), undefined);
    assert.equal(code(address, { line1: '1 Main St', city: 'Denver' }, required), 'address_incomplete', 'a required address needs a postal code');
  });

  it('insurance card: each configured side when required', () => {
    const card: FormItem = { id: 'card', type: 'insurance-card', required: true };
    const ref = { id: 'att-1', contentType: 'image/jpeg', size: 1000 };
    assert.deepEqual(full(card, { front: ref }, required), { code: 'card_side_missing', params: { side: 'back' } });
    assert.equal(code(card, { front: ref, back: ref }, required), undefined);
    assert.equal(code({ ...card, sides: ['front'] }, { front: ref }, required), undefined);
    assert.equal(code(card, 'att-1'), 'wrong_type');
  });

  it('consent: agreed to the current version', () => {
    assert.equal(code(consent, { agreed: true, version: '3' }, required), undefined);
    assert.equal(code(consent, { agreed: true, version: '2' }, required), 'consent_outdated');
  });

  it('signature: a full name, for the consent version shown', () => {
    const signature: FormItem = { id: 'sig', type: 'signature', consentItemId: 'consent' };
    const context = { ...required, consent };
    assert.equal(code(signature, signatureOf('Ada Lovelace'), context), undefined);
    assert.equal(code(signature, signatureOf('A'), context), 'signature_name');
    assert.equal(code(signature, signatureOf('Ada Lovelace', '2'), context), 'signature_outdated');
    assert.equal(code(signature, 'Ada', context), 'wrong_type');
  });

  it('repeating group: filled instances against min and max', () => {
    const group: FormItem = { id: 'meds', type: 'group', minInstances: 2, maxInstances: 3, items: [{ id: 'drug', type: 'text' }] };
    assert.equal(code(group, [{}, {}], required), 'required');
    assert.deepEqual(full(group, [{ drug: 'A' }, {}], required), { code: 'too_few_instances', params: { min: 2 } });
    assert.equal(code(group, [{ drug: 'A' }, { drug: 'B' }], required), undefined);
    assert.deepEqual(full(group, [{ drug: 'A' }, { drug: 'B' }, { drug: 'C' }, { drug: 'D' }]), { code: 'too_many_instances', params: { max: 3 } });
  });
});
