/**
 * The resources the provisioning helpers write read back as what they were made from, and are
 * valid R4: forms, surveys and exercise programs survive the trip through FHIR unchanged.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { validateResource } from '@medplum/core';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import { demoHepProgramAt, demoIntakeForm, demoReassessmentForm, demoSurvey, demoSurveyQuestionnaire } from '@pxm/core/demo';
import { exportQuestionnaireResponse, type FormDefinition } from '@pxm/core/forms';
import { formFromQuestionnaire } from '../src/intake/questionnaire-form.js';
import { fromCarePlan, revisionOf } from '../src/hep/program-mapping.js';
import { carePlanVersions, questionnaireFromForm, questionnaireFromSurvey } from '../src/provision/index.js';
import { surveyFromQuestionnaireResource } from '../src/survey/questionnaire-survey.js';
import { indexFhirDefinitions } from './support/fhir-test-server.js';
import { fillForm } from './support/fill-form.js';
import { responseProblems } from './support/response-check.js';

/** The importer records each item's linkId; where it equals the id it adds nothing. */
function withoutRedundantLinkIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRedundantLinkIds);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.entries(record).filter(([key, v]) => !(key === 'linkId' && v === record.id)).map(([key, v]) => [key, withoutRedundantLinkIds(v)]));
  }
  return value;
}

describe('fhir mapping round trips', () => {
  before(() => indexFhirDefinitions());

  for (const form of [demoIntakeForm, demoReassessmentForm]) {
    it(`form "${form.id}" -> Questionnaire -> form is unchanged, and its responses fit the Questionnaire`, () => {
      const questionnaire = questionnaireFromForm(form);
      validateResource(questionnaire as MedplumResource);
      const imported = formFromQuestionnaire(questionnaire);
      assert.deepEqual(imported.issues, []);
      const { url, ...definition } = withoutRedundantLinkIds(imported.definition) as FormDefinition;
      assert.equal(url, questionnaire.url);
      assert.deepEqual(definition, form);
      const answers = fillForm(form, { card: { id: 'bin-1', contentType: 'image/jpeg', size: 10 }, signedAt: '2027-03-01T16:00:00Z', overrides: { payment: 'insurance', bodyArea: 'knee' } });
      const response = exportQuestionnaireResponse(imported.definition!, answers, { authored: '2027-03-01T16:00:00Z' }).response;
      validateResource(response as unknown as MedplumResource);
      assert.deepEqual(responseProblems(response, questionnaire), []);
    });
  }

  it('imports a plain Questionnaire (no PXM extensions) through the form engine', () => {
    const plain = {
      resourceType: 'Questionnaire',
      status: 'active',
      title: 'Pain check',
      item: [
        { linkId: 'pain', type: 'integer', text: 'Pain now (0-10)', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code: 'slider' }] } }, { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 }, { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }] },
        { linkId: 'where', type: 'string', text: 'Where?' },
      ],
    };
    const imported = formFromQuestionnaire(plain);
    assert.deepEqual(imported.definition?.pages[0]?.items.map((item) => item.type), ['scale', 'text']);
  });

  it('survey -> Questionnaire -> survey is unchanged; an EHR-style survey Questionnaire reads too', () => {
    const questionnaire = questionnaireFromSurvey(demoSurvey);
    validateResource(questionnaire as MedplumResource);
    assert.deepEqual(surveyFromQuestionnaireResource(questionnaire).value?.survey, demoSurvey);
    const ehr = surveyFromQuestionnaireResource(demoSurveyQuestionnaire as never).value?.survey;
    assert.equal(ehr?.questions[0]?.type, 'nps');
    const followUp = ehr?.questions.find((q) => q.type === 'text');
    assert.ok(followUp && typeof followUp.prompt !== 'string', 'the per-segment follow-ups become one question worded by segment');
    assert.ok(ehr?.questions.some((q) => q.type === 'csat'));
  });

  it('exercise program -> CarePlan versions -> program is unchanged, revisions included', () => {
    const program = demoHepProgramAt(new Date('2027-03-01T16:00:00Z'), { mediaBaseUrl: 'https://media.example/hep/' });
    const versions = carePlanVersions(program, { id: 'plan-1', patientId: 'p1', organizationId: 'org-1', tokens: [{ token: 'link-token-0001', expiresAt: '2027-06-01T00:00:00Z' }] });
    versions.forEach((version) => validateResource(version as MedplumResource));
    const current = versions.at(-1)!;
    assert.match(current.text!.div, /3 sets x 10 reps, hold 5 s, right side/, 'the narrative spells the dosage out');
    const revisions = versions.slice(0, -1).map((version) => revisionOf(version, program.timeZone)!);
    const read = fromCarePlan(current, { name: program.practiceName, phone: program.practicePhone }, revisions, 'UTC');
    assert.deepEqual(read, program);
  });
});
