import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  FormEngine,
  PXM_EXT,
  exportQuestionnaireResponse,
  importQuestionnaire,
  importQuestionnaireResponse,
  responseAnswersOf,
  type FormDefinition,
  type QuestionnaireResponseItem,
} from '@pxm/core/forms';

const AUTHORED = '2027-03-01T16:00:00Z';
const TODAY = { today: '2027-03-01' };

const flat = (list: QuestionnaireResponseItem[] = []): QuestionnaireResponseItem[] => list.flatMap((item) => [item, ...flat(item.item)]);

describe('what is validated is what is stored and exported', () => {
  const definition: FormDefinition = {
    id: 'zip',
    version: '1',
    title: 'Zip',
    pages: [{ id: 'p', title: 'P', items: [{ id: 'zip', type: 'text', label: 'ZIP code', pattern: '[0-9]{5}' }] }],
  };

  it('a pattern answer passes trimmed, and is stored and exported trimmed', () => {
    const engine = new FormEngine(definition, { zip: '  80211 ' });
    assert.deepEqual(engine.validateAll(TODAY), []);
    assert.deepEqual(responseAnswersOf(definition, { zip: '  80211 ' }), { zip: '80211' });
    const { response } = exportQuestionnaireResponse(definition, { zip: '  80211 ' }, { authored: AUTHORED });
    const answer = flat(response.item).find((item) => item.linkId === 'zip')!.answer;
    assert.deepEqual(answer, [{ valueString: '80211' }]);
    assert.match(answer![0]!.valueString!, /^(?:[0-9]{5})$/, 'the exported answer meets the item’s own regex');
  });
});

describe('QuestionnaireResponse export keeps consent and signature audit details', () => {
  const definition: FormDefinition = {
    id: 'consent-form',
    version: '1',
    title: 'Consent',
    pages: [
      {
        id: 'p',
        title: 'P',
        items: [
          { id: 'treatment', type: 'consent', consentId: 'treatment-and-billing', version: '2027-01', title: 'Consent', text: 'I agree.', required: true },
          { id: 'signature', type: 'signature', consentItemId: 'treatment', required: true },
        ],
      },
    ],
  };
  const answers = {
    treatment: { agreed: true, agreedAt: '2027-03-01T15:59:00.000Z', version: '2027-01' },
    signature: {
      signerName: 'Ada Lovelace',
      signedAt: AUTHORED,
      method: 'typed' as const,
      consentId: 'treatment-and-billing',
      consentVersion: '2027-01',
      textSha256: 'ab'.repeat(32),
      userAgent: 'Test browser',
    },
  };

  it('writes the signature’s method, text hash and consent id and version as extensions', () => {
    const { response, issues } = exportQuestionnaireResponse(definition, answers, { authored: AUTHORED });
    assert.deepEqual(issues, []);
    const signed = flat(response.item).find((item) => item.linkId === 'signature')!;
    const byUrl = new Map(signed.extension!.map((extension) => [extension.url, extension]));
    assert.equal(byUrl.get(PXM_EXT.signatureMethod)?.valueCode, 'typed');
    assert.equal(byUrl.get(PXM_EXT.signatureTextSha256)?.valueString, 'ab'.repeat(32));
    assert.equal(byUrl.get(PXM_EXT.signatureConsent)?.valueString, 'treatment-and-billing@2027-01');
    assert.equal(byUrl.get(PXM_EXT.signatureUserAgent)?.valueString, 'Test browser');
  });

  it('keeps the consent’s id, version and time beside its yes, and reads them back', () => {
    const { response } = exportQuestionnaireResponse(definition, answers, { authored: AUTHORED });
    const consent = flat(response.item).find((item) => item.linkId === 'treatment')!;
    assert.deepEqual(consent.answer, [{ valueBoolean: true }]);
    assert.deepEqual(consent.extension, [
      { url: PXM_EXT.consentVersion, valueString: 'treatment-and-billing@2027-01' },
      { url: PXM_EXT.consentAgreedAt, valueDateTime: '2027-03-01T15:59:00.000Z' },
    ]);
    const back = importQuestionnaireResponse(definition, response);
    assert.deepEqual(back.answers.treatment, answers.treatment);
  });

  it('reads back the version actually agreed to, not the form’s newer one', () => {
    const { response } = exportQuestionnaireResponse(definition, { treatment: { agreed: true, version: '2026-06' } }, { authored: AUTHORED });
    const back = importQuestionnaireResponse(definition, response);
    assert.deepEqual(back.answers.treatment, { agreed: true, version: '2026-06' });
  });
});

describe('Questionnaire import reports the top-level code and name it cannot keep', () => {
  const base = { resourceType: 'Questionnaire', status: 'active', item: [{ linkId: 'a', type: 'string', text: 'A' }] };

  it('reports code and name', () => {
    const { definition, issues } = importQuestionnaire({ ...base, id: 'lefs', name: 'LowerExtremityFunctionalScale', title: 'LEFS', code: [{ system: 'http://loinc.org', code: '75575-8' }] });
    assert.ok(definition);
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['code', 'name'],
    );
  });

  it('says nothing of a name it uses as the title', () => {
    const { definition, issues } = importQuestionnaire({ ...base, id: 'x', name: 'Knee survey' });
    assert.equal(definition?.title, 'Knee survey');
    assert.deepEqual(issues, []);
  });
});
