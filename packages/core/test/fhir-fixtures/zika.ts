/**
 * Modelled on the FHIR R4 Zika virus exposure assessment example: enableWhen chains with
 * booleans and codings, enableBehavior any, a repeating group of trips with conditions scoped to
 * the same trip, dates with bounds, an open-choice and an answerValueSet that is not contained.
 */
const yesNo = [
  { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y', display: 'Yes' } },
  { valueCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'N', display: 'No' } },
];

export const zika = {
  resourceType: 'Questionnaire',
  id: 'zika-virus-exposure-assessment',
  url: 'http://example.org/fhir/Questionnaire/zika-virus-exposure-assessment',
  version: '3',
  status: 'active',
  language: 'en',
  title: 'Zika virus exposure assessment',
  item: [
    { linkId: 'residence', text: 'Do you live in an area with Zika virus transmission?', type: 'boolean', required: true },
    {
      linkId: 'travel',
      text: 'Have you recently travelled to an area with Zika virus transmission?',
      type: 'choice',
      answerOption: yesNo,
    },
    {
      linkId: 'trips',
      text: 'Trips',
      type: 'group',
      repeats: true,
      enableWhen: [{ question: 'travel', operator: '=', answerCoding: { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' } }],
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs', valueInteger: 4 }],
      item: [
        { linkId: 'trips.where', text: 'Where did you travel?', type: 'string', required: true, maxLength: 120 },
        {
          linkId: 'trips.returned',
          text: 'When did you return?',
          type: 'date',
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDate: '2015-01-01' }],
        },
        { linkId: 'trips.bitten', text: 'Were you bitten by mosquitoes?', type: 'boolean' },
        {
          linkId: 'trips.bites',
          text: 'About how many bites?',
          type: 'integer',
          enableWhen: [{ question: 'trips.bitten', operator: '=', answerBoolean: true }],
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 1 },
            { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 500 },
          ],
        },
      ],
    },
    {
      linkId: 'partner',
      text: 'Has your sexual partner travelled to or lived in an area with Zika virus transmission?',
      type: 'boolean',
    },
    {
      linkId: 'symptoms',
      text: 'Do you have fever, rash, joint pain or red eyes?',
      type: 'boolean',
      enableWhen: [
        { question: 'residence', operator: '=', answerBoolean: true },
        { question: 'travel', operator: '=', answerCoding: { code: 'Y' } },
        { question: 'partner', operator: '=', answerBoolean: true },
      ],
      enableBehavior: 'any',
    },
    {
      linkId: 'onset',
      text: 'When did the symptoms start?',
      type: 'date',
      enableWhen: [{ question: 'symptoms', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'pregnant',
      text: 'Are you pregnant?',
      type: 'open-choice',
      answerOption: [{ valueString: 'Yes' }, { valueString: 'No' }, { valueString: 'Not sure' }],
    },
    {
      linkId: 'weeks',
      text: 'Weeks of pregnancy',
      type: 'integer',
      enableWhen: [{ question: 'pregnant', operator: '=', answerString: 'Yes' }],
    },
    {
      linkId: 'country',
      text: 'Country of residence',
      type: 'choice',
      answerValueSet: 'http://hl7.org/fhir/ValueSet/iso3166-1-2',
    },
  ],
};
