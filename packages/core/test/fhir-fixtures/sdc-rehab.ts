/**
 * A rehab intake written the SDC way: explicit pages, a 0-10 slider with lower and upper labels,
 * help texts as display children, a regex, a unit, decimal and integer bounds, and several
 * things this project does not support (hidden items, attachments, dateTime, initial values,
 * an enableWhen to an unknown question, several enableWhen without enableBehavior).
 */
const control = (code: string) => ({
  url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] },
});

export const sdcRehab = {
  resourceType: 'Questionnaire',
  id: 'rehab-intake',
  url: 'http://example.org/fhir/Questionnaire/rehab-intake',
  version: '2024.1',
  status: 'active',
  title: 'Rehab intake',
  description: 'Intake for a new physical therapy episode.',
  item: [
    {
      linkId: 'p1',
      type: 'group',
      text: 'About you',
      extension: [control('page')],
      item: [
        { linkId: 'p1.help', type: 'display', text: 'We use this to contact you.', extension: [control('help')] },
        { linkId: 'name', type: 'string', text: 'Full name', required: true },
        {
          linkId: 'zip',
          type: 'string',
          text: 'ZIP code',
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/regex', valueString: '\\d{5}' }],
        },
        {
          linkId: 'weight',
          type: 'decimal',
          text: 'Weight',
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } },
            { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: 20.5 },
          ],
        },
        { linkId: 'internal', type: 'string', text: 'Internal code', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden', valueBoolean: true }] },
        { linkId: 'photo', type: 'attachment', text: 'Photo ID' },
      ],
    },
    {
      linkId: 'p2',
      type: 'group',
      text: 'Your pain',
      extension: [control('page')],
      item: [
        {
          linkId: 'pain',
          type: 'integer',
          text: 'Pain today',
          required: true,
          extension: [
            control('slider'),
            { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
            { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
            { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue', valueInteger: 1 },
          ],
          item: [
            { linkId: 'pain.lower', type: 'display', text: 'No pain', extension: [control('lower')] },
            { linkId: 'pain.upper', type: 'display', text: 'Worst pain imaginable', extension: [control('upper')] },
          ],
        },
        {
          linkId: 'painNotes',
          type: 'text',
          text: 'Tell us more about the pain',
          enableWhen: [{ question: 'pain', operator: '>=', answerInteger: 7 }],
        },
        { linkId: 'lastVisit', type: 'dateTime', text: 'Last doctor visit' },
        { linkId: 'goal', type: 'string', text: 'Your goal', initial: [{ valueString: 'Walk without pain' }] },
        {
          linkId: 'ghostDependent',
          type: 'boolean',
          text: 'Shown when an unknown question is answered',
          enableWhen: [{ question: 'nope', operator: 'exists', answerBoolean: true }],
        },
        {
          linkId: 'twoRules',
          type: 'boolean',
          text: 'Two rules, no enableBehavior',
          enableWhen: [
            { question: 'pain', operator: '>', answerInteger: 3 },
            { question: 'name', operator: 'exists', answerBoolean: true },
          ],
        },
        {
          linkId: 'flag',
          type: 'boolean',
          text: 'Flag',
          extension: [{ url: 'http://example.org/fhir/StructureDefinition/custom-thing', valueString: 'x' }],
        },
      ],
    },
  ],
};
