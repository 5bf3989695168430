/** Three questions whose enableWhen conditions chase each other: must be refused, not hang. */
export const cyclic = {
  resourceType: 'Questionnaire',
  id: 'cyclic',
  status: 'draft',
  title: 'Cyclic',
  item: [
    { linkId: 'a', type: 'boolean', text: 'A', enableWhen: [{ question: 'c', operator: '=', answerBoolean: true }] },
    { linkId: 'b', type: 'boolean', text: 'B', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
    { linkId: 'c', type: 'boolean', text: 'C', enableWhen: [{ question: 'b', operator: 'exists', answerBoolean: true }] },
    { linkId: 'd', type: 'string', text: 'D' },
  ],
};
