/**
 * Modelled on the FHIR R4 Glasgow Coma Score example: contained value sets whose concepts carry
 * ordinal values, three choice items answered from them.
 */
const concept = (code: string, display: string, value: number) => ({
  extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue', valueDecimal: value }],
  code,
  display,
});

export const gcs = {
  resourceType: 'Questionnaire',
  id: 'gcs',
  url: 'http://example.org/fhir/Questionnaire/gcs',
  status: 'draft',
  title: 'Glasgow Coma Score',
  contained: [
    {
      resourceType: 'ValueSet',
      id: 'motor',
      status: 'draft',
      compose: {
        include: [
          {
            system: 'http://loinc.org',
            concept: [
              concept('LA6562-8', 'No motor response', 1),
              concept('LA6563-6', 'Extension to pain', 2),
              concept('LA6564-4', 'Flexion to pain', 3),
              concept('LA6565-1', 'Withdrawal from pain', 4),
              concept('LA6566-9', 'Localizing pain', 5),
              concept('LA6567-7', 'Obeys commands', 6),
            ],
          },
        ],
      },
    },
    {
      resourceType: 'ValueSet',
      id: 'verbal',
      status: 'draft',
      compose: {
        include: [
          {
            system: 'http://loinc.org',
            concept: [
              concept('LA6557-8', 'No verbal response (>2yrs); no vocal response (<=2yrs)', 1),
              concept('LA6558-6', 'Incomprehensible sounds', 2),
              concept('LA6559-4', 'Inappropriate words', 3),
              concept('LA6560-2', 'Confused', 4),
              concept('LA6561-0', 'Oriented', 5),
            ],
          },
        ],
      },
    },
    {
      resourceType: 'ValueSet',
      id: 'eye',
      status: 'draft',
      expansion: {
        timestamp: '2015-08-24T00:00:00Z',
        contains: [
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue', valueDecimal: 1 }], system: 'http://loinc.org', code: 'LA6553-7', display: 'No eye opening' },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue', valueDecimal: 2 }], system: 'http://loinc.org', code: 'LA6554-5', display: 'Eye opening to pain' },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue', valueDecimal: 3 }], system: 'http://loinc.org', code: 'LA6555-2', display: 'Eye opening to verbal command' },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue', valueDecimal: 4 }], system: 'http://loinc.org', code: 'LA6556-0', display: 'Eyes open spontaneously' },
        ],
      },
    },
  ],
  item: [
    {
      linkId: '1.1',
      text: 'Motor response',
      type: 'choice',
      answerValueSet: '#motor',
    },
    { linkId: '1.2', text: 'Verbal response', type: 'choice', answerValueSet: '#verbal' },
    { linkId: '1.3', text: 'Eye opening', type: 'choice', answerValueSet: '#eye' },
  ],
};
