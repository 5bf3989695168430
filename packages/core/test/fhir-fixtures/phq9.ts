/**
 * Modelled on the SDC PHQ-9 example: LOINC answer codes with ordinal values (itemWeight on the
 * option, ordinalValue on the coding), drop-down and radio item controls, pages, a total score
 * calculated by an expression (not supported here, reported).
 */
const frequency = [
  ['LA6568-5', 'Not at all', 0],
  ['LA6569-3', 'Several days', 1],
  ['LA6570-1', 'More than half the days', 2],
  ['LA6571-9', 'Nearly every day', 3],
] as const;

const options = (style: 'weight' | 'ordinal') =>
  frequency.map(([code, display, value]) =>
    style === 'weight'
      ? { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/itemWeight', valueDecimal: value }], valueCoding: { system: 'http://loinc.org', code, display } }
      : { valueCoding: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: value }], system: 'http://loinc.org', code, display } },
  );

const radio = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button' }] } };
const page = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'page' }] } };

const questions = [
  ['/44250-9', 'Little interest or pleasure in doing things'],
  ['/44255-8', 'Feeling down, depressed, or hopeless'],
  ['/44259-0', 'Trouble falling or staying asleep, or sleeping too much'],
  ['/44254-1', 'Feeling tired or having little energy'],
  ['/44251-7', 'Poor appetite or overeating'],
] as const;

export const phq9 = {
  resourceType: 'Questionnaire',
  id: 'phq-9-example',
  url: 'http://example.org/fhir/Questionnaire/phq-9',
  version: '1.0',
  status: 'active',
  title: 'Patient health questionnaire (excerpt)',
  item: [
    {
      linkId: '/44249-1',
      text: 'Over the last two weeks, how often have you been bothered by any of the following problems?',
      type: 'group',
      extension: [page],
      item: [
        ...questions.map(([linkId, text], index) => ({
          linkId,
          text,
          type: 'choice',
          required: true,
          extension: [radio],
          answerOption: options(index % 2 === 0 ? 'weight' : 'ordinal'),
        })),
        {
          linkId: '/44261-6',
          text: 'Total score',
          type: 'integer',
          readOnly: true,
          extension: [
            {
              url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
              valueExpression: { language: 'text/fhirpath', expression: "%resource.item.answer.value.ordinal().sum()" },
            },
          ],
        },
      ],
    },
    {
      linkId: '/69722-7',
      text: 'How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      type: 'group',
      extension: [page],
      item: [
        {
          linkId: '/69722-7/answer',
          text: 'Difficulty',
          type: 'choice',
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code: 'drop-down' }] } }],
          answerOption: [
            { valueCoding: { system: 'http://loinc.org', code: 'LA6572-7', display: 'Not difficult at all' } },
            { valueCoding: { system: 'http://loinc.org', code: 'LA6573-5', display: 'Somewhat difficult' } },
            { valueCoding: { system: 'http://loinc.org', code: 'LA6575-0', display: 'Very difficult' } },
            { valueCoding: { system: 'http://loinc.org', code: 'LA6574-3', display: 'Extremely difficult' } },
          ],
        },
      ],
    },
  ],
};
