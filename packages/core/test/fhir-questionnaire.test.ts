import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FormEngine,
  exportQuestionnaireResponse,
  importQuestionnaire,
  importQuestionnaireResponse,
  type Answers,
  type FormDefinition,
  type FormItem,
} from '@pxm/core/forms';
import { scoreRule } from '@pxm/core/prom';
import { demoIntakeForm } from '@pxm/core/demo';
import { cyclic } from './fhir-fixtures/cyclic.js';
import { gcs } from './fhir-fixtures/gcs.js';
import { lifelines } from './fhir-fixtures/lifelines.js';
import { phq9 } from './fhir-fixtures/phq9.js';
import { sdcRehab } from './fhir-fixtures/sdc-rehab.js';
import { zika } from './fhir-fixtures/zika.js';
import { checkResponse } from './fhir-response-check.js';

const AUTHORED = '2027-03-01T16:00:00Z';

function items(definition: FormDefinition): FormItem[] {
  const all: FormItem[] = [];
  const walk = (list: readonly FormItem[]) =>
    list.forEach((item) => {
      all.push(item);
      if (item.type === 'section' || item.type === 'group') walk(item.items);
    });
  definition.pages.forEach((page) => walk(page.items));
  return all;
}

const byLinkId = (definition: FormDefinition, linkId: string) => items(definition).find((item) => (item.linkId ?? item.id) === linkId)!;

/** Import, answer through the engine, export, check, read back: answers must survive intact. */
function roundTrip(questionnaire: Record<string, unknown>, answer: (engine: FormEngine, definition: FormDefinition) => void) {
  const imported = importQuestionnaire(questionnaire);
  assert.ok(imported.definition, JSON.stringify(imported.issues));
  const engine = new FormEngine(imported.definition);
  answer(engine, imported.definition);
  const expected = engine.responseAnswers();
  const exported = exportQuestionnaireResponse(imported.definition, engine.answers, { authored: AUTHORED });
  assert.deepEqual(checkResponse(questionnaire, exported.response as unknown as Record<string, unknown>), [], 'a valid response');
  const back = importQuestionnaireResponse(imported.definition, exported.response);
  assert.deepEqual(back.issues, []);
  assert.deepEqual(back.answers, expected, 'answers survive the round trip');
  return { definition: imported.definition, response: exported.response, issues: exported.issues, answers: expected };
}

describe('FHIR Questionnaire import', () => {
  it('keeps every linkId, deriving valid ids from numeric ones', () => {
    const { definition, issues } = importQuestionnaire(lifelines);
    assert.deepEqual(issues, []);
    assert.ok(definition);
    assert.equal(definition.id, 'f201');
    assert.equal(definition.version, '2');
    assert.equal(definition.url, 'http://example.org/fhir/Questionnaire/f201');
    assert.deepEqual(definition.pages.map((page) => [page.id, page.linkId, page.title]), [
      ['q1', '1', 'Do you have allergies?'],
      ['q2', '2', 'General questions'],
      ['q3', '3', 'Intoxications'],
    ]);
    const smoke = byLinkId(definition, '3.1');
    assert.equal(smoke.id, 'q3.1');
    assert.equal(smoke.type, 'yes-no');
    assert.equal(byLinkId(definition, '2.2').type, 'date');
    assert.equal(byLinkId(definition, '2.1').type, 'text');
  });

  it('maps value sets with ordinal values into scored options (Glasgow Coma Score)', () => {
    const { definition, issues } = importQuestionnaire(gcs);
    assert.deepEqual(issues, []);
    assert.ok(definition);
    const motor = byLinkId(definition, '1.1');
    assert.equal(motor.type, 'single-choice');
    assert.equal(motor.type === 'single-choice' && motor.options.length, 6);
    assert.deepEqual(motor.type === 'single-choice' && motor.options[5], { value: 'LA6567-7', label: 'Obeys commands', system: 'http://loinc.org', score: 6 });
    const eye = byLinkId(definition, '1.3');
    assert.equal(eye.type === 'single-choice' && eye.options.length, 4, 'from the expansion');
    const total = scoreRule(
      { id: 'gcs', label: 'GCS', method: 'sum', items: ['q1.1', 'q1.2', 'q1.3'], direction: 'higher-better' },
      definition,
      { 'q1.1': 'LA6566-9', 'q1.2': 'LA6560-2', 'q1.3': 'LA6555-2' },
    );
    assert.equal(total.score, 12, '5 + 4 + 3');
  });

  it('reads itemWeight and ordinalValue, pages and item controls, and reports what it cannot keep (PHQ-9)', () => {
    const { definition, issues } = importQuestionnaire(phq9);
    assert.ok(definition);
    assert.deepEqual(definition.pages.map((page) => page.linkId), ['/44249-1', '/69722-7']);
    const first = byLinkId(definition, '/44250-9');
    assert.equal(first.id, 'q-44250-9');
    assert.equal(first.type === 'single-choice' && first.display, 'radio');
    assert.deepEqual(first.type === 'single-choice' && first.options.map((option) => option.score), [0, 1, 2, 3]);
    const second = byLinkId(definition, '/44255-8');
    assert.deepEqual(second.type === 'single-choice' && second.options.map((option) => option.score), [0, 1, 2, 3], 'ordinalValue on the coding');
    assert.equal(byLinkId(definition, '/69722-7/answer').type === 'single-choice' && (byLinkId(definition, '/69722-7/answer') as { display?: string }).display, 'dropdown');
    assert.deepEqual(
      issues.map((issue) => [issue.linkId, issue.path]),
      [
        ['/44261-6', 'item[0].item[5].readOnly'],
        ['/44261-6', 'item[0].item[5].extension[0]'],
      ],
    );
    assert.match(issues[1]!.message, /calculatedExpression is not supported/);
  });

  it('maps enableWhen with every operator form it shares, and enableBehavior any (Zika)', () => {
    const { definition, issues } = importQuestionnaire(zika);
    assert.ok(definition);
    assert.deepEqual(byLinkId(definition, 'symptoms').visibleWhen, {
      any: [
        { item: 'residence', op: 'equals', value: true },
        { item: 'travel', op: 'equals', value: 'Y' },
        { item: 'partner', op: 'equals', value: true },
      ],
    });
    const trips = byLinkId(definition, 'trips');
    assert.equal(trips.type, 'group');
    assert.equal(trips.type === 'group' && trips.maxInstances, 4);
    assert.deepEqual(byLinkId(definition, 'trips.bites'), {
      id: 'trips.bites',
      label: 'About how many bites?',
      visibleWhen: { item: 'trips.bitten', op: 'equals', value: true },
      type: 'number',
      min: 1,
      max: 500,
      step: 1,
    });
    assert.deepEqual(
      issues.map((issue) => issue.linkId),
      ['pregnant', 'country', 'country'],
      'open-choice narrowed; the external value set cannot be expanded, so the item is skipped',
    );
  });

  it('converts every comparison operator', () => {
    const ops = ['=', '!=', '>', '<', '>=', '<='] as const;
    const questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'n', type: 'integer', text: 'N' },
        { linkId: 'd', type: 'date', text: 'D' },
        ...ops.map((operator, index) => ({ linkId: `n${index}`, type: 'string', text: operator, enableWhen: [{ question: 'n', operator, answerInteger: 5 }] })),
        { linkId: 'dgt', type: 'string', text: 'after', enableWhen: [{ question: 'd', operator: '>', answerDate: '2027-01-01' }] },
        { linkId: 'ex', type: 'string', text: 'exists', enableWhen: [{ question: 'n', operator: 'exists', answerBoolean: true }] },
        { linkId: 'nex', type: 'string', text: 'not exists', enableWhen: [{ question: 'n', operator: 'exists', answerBoolean: false }] },
      ],
    };
    const { definition, issues } = importQuestionnaire(questionnaire);
    assert.deepEqual(issues, []);
    assert.ok(definition);
    assert.deepEqual(
      ops.map((_, index) => (byLinkId(definition, `n${index}`).visibleWhen as { op: string }).op),
      ['equals', 'notEquals', 'gt', 'lt', 'gte', 'lte'],
    );
    assert.deepEqual(byLinkId(definition, 'dgt').visibleWhen, { item: 'd', op: 'gt', value: '2027-01-01' });
    assert.deepEqual(byLinkId(definition, 'ex').visibleWhen, { item: 'n', op: 'exists' });
    assert.deepEqual(byLinkId(definition, 'nex').visibleWhen, { item: 'n', op: 'notExists' });
    const engine = new FormEngine(definition, { n: 5 });
    assert.deepEqual(
      ops.map((_, index) => engine.isVisible(`n${index}`)),
      [true, false, false, false, true, true],
    );
  });

  it('reports every unsupported part with its linkId and path (SDC rehab intake)', () => {
    const { definition, issues } = importQuestionnaire(sdcRehab);
    assert.ok(definition);
    assert.deepEqual(definition.pages.map((page) => page.id), ['p1', 'p2']);
    assert.equal(definition.pages[0]!.description, 'We use this to contact you.', 'a help display becomes the page description');
    assert.deepEqual(byLinkId(definition, 'pain'), {
      id: 'pain',
      label: 'Pain today',
      required: true,
      type: 'scale',
      min: 0,
      max: 10,
      step: 1,
      minLabel: 'No pain',
      maxLabel: 'Worst pain imaginable',
    });
    assert.deepEqual(byLinkId(definition, 'weight'), { id: 'weight', label: 'Weight', type: 'number', min: 20.5, unit: 'kg' });
    assert.equal((byLinkId(definition, 'zip') as { pattern?: string }).pattern, '\\d{5}');
    assert.deepEqual(
      issues.map((issue) => `${issue.linkId} ${issue.path}`),
      [
        'internal item[0].item[4]',
        'photo item[0].item[5]',
        'lastVisit item[1].item[2]',
        'goal item[1].item[3].initial',
        'flag item[1].item[6].extension[0]',
        'ghostDependent item[1].item[4].enableWhen[0].question',
        'twoRules item[1].item[5].enableBehavior',
      ],
    );
    assert.deepEqual(byLinkId(definition, 'ghostDependent').visibleWhen, { any: [] }, 'an unknown question is unanswered: the rule is never true');
    assert.equal(byLinkId(definition, 'internal'), undefined);
  });

  it('refuses a cyclic Questionnaire, naming the linkIds, without hanging', () => {
    const { definition, issues } = importQuestionnaire(cyclic);
    assert.equal(definition, undefined);
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.linkId, 'a');
    assert.match(issues[0]!.message, /"a" depends on "c" depends on "b" depends on "a"/);
  });

  it('refuses what is not a Questionnaire, and one with no usable items', () => {
    assert.deepEqual(importQuestionnaire({ resourceType: 'Patient' }).issues, [{ path: 'resourceType', message: 'Not a FHIR Questionnaire resource.' }]);
    assert.equal(importQuestionnaire(null).definition, undefined);
    const empty = importQuestionnaire({ resourceType: 'Questionnaire', status: 'draft', item: [{ linkId: 'x', type: 'attachment' }] });
    assert.equal(empty.definition, undefined);
    assert.deepEqual(empty.issues.map((issue) => issue.message), ['Items of type "attachment" are not supported; skipped.', 'None of the items could be imported.']);
  });

  it('reports duplicate linkIds, items without linkIds, codes and modifier extensions', () => {
    const { definition, issues } = importQuestionnaire({
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'a', type: 'string', text: 'A', code: [{ system: 'http://loinc.org', code: '1234-5' }] },
        { linkId: 'a', type: 'string', text: 'A again' },
        { type: 'string', text: 'no linkId' },
        { linkId: 'm', type: 'string', text: 'M', modifierExtension: [{ url: 'http://example.org/x', valueBoolean: true }] },
      ],
    });
    assert.ok(definition);
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['item[1].linkId', 'item[0].code', 'item[2]', 'item[3].modifierExtension'],
    );
    const kept = items(definition).map((item) => [item.id, item.linkId ?? item.id]);
    assert.deepEqual(kept, [['a', 'a'], ['a-2', 'a']], 'the duplicate keeps its linkId');
  });
});

describe('FHIR QuestionnaireResponse export and round trips', () => {
  it('Lifelines: nested page groups, booleans, dates and text', () => {
    const { response } = roundTrip(lifelines, (engine) => {
      engine.setAnswer('q1.1', false);
      engine.setAnswer('q2.1', 'female');
      engine.setAnswer('q2.2', '1985-04-12');
      engine.setAnswer('q3.1', true);
    });
    assert.equal(response.questionnaire, 'http://example.org/fhir/Questionnaire/f201|2');
    assert.equal(response.status, 'completed');
    assert.equal(response.authored, AUTHORED);
    assert.deepEqual(response.item![2], {
      linkId: '3',
      text: 'Intoxications',
      item: [{ linkId: '3.1', text: 'Do you smoke?', answer: [{ valueBoolean: true }] }],
    });
  });

  it('GCS: codings with their system and display', () => {
    const { response } = roundTrip(gcs, (engine) => {
      engine.setAnswer('q1.1', 'LA6566-9');
      engine.setAnswer('q1.3', 'LA6556-0');
    });
    assert.deepEqual(response.item![0]!.answer, [{ valueCoding: { system: 'http://loinc.org', code: 'LA6566-9', display: 'Localizing pain' } }]);
  });

  it('Zika: repeating groups instance by instance, hidden items left out, string options as valueString', () => {
    const { response, answers } = roundTrip(zika, (engine) => {
      engine.setAnswer('residence', false);
      engine.setAnswer('travel', 'Y');
      engine.setAnswer('trips[0]/trips.where', 'Recife');
      engine.setAnswer('trips[0]/trips.bitten', true);
      engine.setAnswer('trips[0]/trips.bites', 12);
      engine.addInstance('trips');
      engine.setAnswer('trips[1]/trips.where', 'San Juan');
      engine.setAnswer('trips[1]/trips.bitten', false);
      engine.setAnswer('trips[1]/trips.bites', 3); // hidden in this trip: left out
      engine.setAnswer('symptoms', false);
      engine.setAnswer('onset', '2027-02-01'); // hidden: symptoms answered no
      engine.setAnswer('pregnant', 'No');
    });
    const trips = response.item!.filter((item) => item.linkId === 'trips');
    assert.equal(trips.length, 2, 'one group item per instance');
    assert.deepEqual(trips[1]!.item!.map((item) => item.linkId), ['trips.where', 'trips.bitten']);
    assert.equal(response.item!.some((item) => item.linkId === 'onset'), false);
    assert.deepEqual(response.item!.find((item) => item.linkId === 'pregnant')!.answer, [{ valueString: 'No' }]);
    assert.equal(answers.onset, undefined);
  });

  it('PHQ-9: multiple pages with linkIds; the unsupported total stays answerable', () => {
    roundTrip(phq9, (engine) => {
      engine.setAnswer('q-44250-9', 'LA6569-3');
      engine.setAnswer('q-44255-8', 'LA6571-9');
      engine.setAnswer('q-44261-6', 4);
      engine.setAnswer('q-69722-7-answer', 'LA6573-5');
    });
  });

  it('SDC rehab: scale as integer, decimal with unit, text', () => {
    const { response } = roundTrip(sdcRehab, (engine) => {
      engine.setAnswer('name', 'Ada Lovelace');
      engine.setAnswer('weight', 61.5);
      engine.setAnswer('pain', 8);
      engine.setAnswer('painNotes', 'Worse on stairs');
    });
    const pain = response.item![1]!.item!;
    assert.deepEqual(pain.map((item) => [item.linkId, item.answer]), [
      ['pain', [{ valueInteger: 8 }]],
      ['painNotes', [{ valueString: 'Worse on stairs' }]],
    ]);
  });

  it('exports the native intake: sections as groups, signatures as FHIR Signatures, photos as attachment references', () => {
    const answers: Answers = {
      firstName: 'Ada',
      lastName: 'Lovelace',
      hadSurgery: false,
      payment: 'insurance',
    };
    const engine = new FormEngine(demoIntakeForm, answers);
    const consent = items(demoIntakeForm).find((item) => item.type === 'consent');
    const signature = items(demoIntakeForm).find((item) => item.type === 'signature');
    const card = items(demoIntakeForm).find((item) => item.type === 'insurance-card');
    assert.ok(consent && signature && card, 'the demo has a consent, a signature and a card');
    const cardKey = card.id;
    engine.setAnswer(cardKey, { front: { id: 'att-1', contentType: 'image/jpeg', size: 123456 } });
    engine.setAnswer(consent.id, { agreed: true, version: consent.type === 'consent' ? consent.version : '', agreedAt: AUTHORED });
    engine.setAnswer(signature.id, {
      signerName: 'Ada Lovelace',
      signedAt: AUTHORED,
      method: 'drawn',
      svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 200"><path d="M1 1L2 2"/></svg>',
    });
    const { response } = exportQuestionnaireResponse(demoIntakeForm, engine.answers, { authored: AUTHORED, status: 'in-progress' });
    const flat = (list: typeof response.item = []): NonNullable<typeof response.item> => list.flatMap((item) => [item, ...flat(item.item)]);
    const all = flat(response.item);
    assert.equal(response.status, 'in-progress');
    assert.deepEqual(all.find((item) => item.linkId === cardKey)!.answer, [{ valueAttachment: { id: 'att-1', contentType: 'image/jpeg', size: 123456, title: 'Insurance card (front)' } }]);
    const signed = all.find((item) => item.linkId === signature.id)!;
    const extension = signed.extension![0]!;
    assert.equal(extension.url, 'http://hl7.org/fhir/StructureDefinition/questionnaireresponse-signature');
    const valueSignature = extension.valueSignature as { when: string; who: { display: string }; sigFormat: string; data: string };
    assert.equal(valueSignature.when, AUTHORED);
    assert.equal(valueSignature.who.display, 'Ada Lovelace');
    assert.equal(valueSignature.sigFormat, 'image/svg+xml');
    assert.match(Buffer.from(valueSignature.data, 'base64').toString('utf8'), /^<svg /);
    assert.deepEqual(all.find((item) => item.linkId === consent.id)!.answer, [{ valueBoolean: true }]);
  });

  it('reports answers it can only approximate, and answers that do not fit', () => {
    const definition: FormDefinition = {
      id: 'x',
      version: '1',
      title: 'X',
      pages: [{ id: 'p', title: 'P', items: [{ id: 'home', type: 'address' }, { id: 'age', type: 'number' }] }],
    };
    const { response, issues } = exportQuestionnaireResponse(definition, { home: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80211' }, age: 'old' });
    assert.deepEqual(response.item, [{ linkId: 'home', answer: [{ valueString: '1 Main St, Denver, CO 80211' }] }]);
    assert.deepEqual(issues.map((issue) => issue.linkId), ['home', 'age']);
  });

  it('reads back a response with unknown linkIds, reporting them', () => {
    const { definition } = importQuestionnaire(lifelines);
    const back = importQuestionnaireResponse(definition!, {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [{ linkId: '3', item: [{ linkId: '3.1', answer: [{ valueBoolean: true }] }, { linkId: '3.9', answer: [{ valueBoolean: true }] }] }],
    });
    assert.deepEqual(back.answers, { 'q3.1': true });
    assert.deepEqual(back.issues.map((issue) => issue.linkId), ['3.9']);
  });
});
