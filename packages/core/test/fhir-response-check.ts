/**
 * Test helper: checks a QuestionnaireResponse against its Questionnaire by the rules of the FHIR
 * R4 specification that a structural validator applies: every linkId exists at the same place in
 * the tree, items come in Questionnaire order, groups hold items and questions hold answers, only
 * repeating items repeat, and each answer has the value type of its question (a coding from the
 * item's options for choices).
 */
type Raw = Record<string, unknown>;
const listOf = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

const VALUE_OF: Record<string, string[]> = {
  boolean: ['valueBoolean'],
  decimal: ['valueDecimal'],
  integer: ['valueInteger'],
  date: ['valueDate'],
  string: ['valueString'],
  text: ['valueString'],
  choice: ['valueCoding', 'valueString', 'valueInteger', 'valueDate'],
  'open-choice': ['valueCoding', 'valueString', 'valueInteger', 'valueDate'],
};

function codesOf(question: Raw, questionnaire: Raw): Set<string> {
  const codes = new Set<string>();
  for (const option of listOf(question.answerOption)) {
    const coding = option.valueCoding as Raw | undefined;
    codes.add(String(coding ? coding.code : (option.valueString ?? option.valueInteger ?? option.valueDate)));
  }
  if (typeof question.answerValueSet === 'string' && question.answerValueSet.startsWith('#')) {
    const valueSet = listOf(questionnaire.contained).find((resource) => resource.id === (question.answerValueSet as string).slice(1));
    const compose = (valueSet?.compose ?? {}) as Raw;
    for (const include of listOf(compose.include)) for (const concept of listOf(include.concept)) codes.add(String(concept.code));
    for (const entry of listOf((valueSet?.expansion as Raw | undefined)?.contains)) codes.add(String(entry.code));
  }
  return codes;
}

export function checkResponse(questionnaire: Raw, response: Raw): string[] {
  const problems: string[] = [];
  const walk = (questions: Raw[], answers: Raw[], path: string) => {
    let lastIndex = -1;
    const seen = new Map<string, number>();
    for (const answer of answers) {
      const linkId = String(answer.linkId);
      const here = `${path}/${linkId}`;
      const index = questions.findIndex((question) => question.linkId === linkId);
      if (index < 0) {
        problems.push(`${here}: no such linkId at this level`);
        continue;
      }
      if (index < lastIndex) problems.push(`${here}: out of Questionnaire order`);
      lastIndex = index;
      const question = questions[index]!;
      seen.set(linkId, (seen.get(linkId) ?? 0) + 1);
      if (seen.get(linkId)! > 1 && question.repeats !== true) problems.push(`${here}: repeated, but the item does not repeat`);
      if (question.type === 'group') {
        if (answer.answer) problems.push(`${here}: a group holds items, not answers`);
        walk(listOf(question.item), listOf(answer.item), here);
        continue;
      }
      if (question.type === 'display') problems.push(`${here}: display items take no answer`);
      const values = listOf(answer.answer);
      if (values.length === 0) problems.push(`${here}: a question item without answers`);
      if (values.length > 1 && question.repeats !== true) problems.push(`${here}: several answers, but the item does not repeat`);
      const allowed = VALUE_OF[String(question.type)] ?? [];
      for (const value of values) {
        const keys = Object.keys(value).filter((key) => key.startsWith('value'));
        if (keys.length !== 1 || !allowed.includes(keys[0]!)) problems.push(`${here}: ${keys.join(',')} does not fit type ${String(question.type)}`);
        if ((question.type === 'choice' || question.type === 'open-choice') && keys[0]) {
          const raw = value[keys[0]] as Raw | string | number;
          const code = typeof raw === 'object' ? raw.code : raw;
          if (!codesOf(question, questionnaire).has(String(code))) problems.push(`${here}: ${String(code)} is not an option`);
        }
      }
      if (answer.item) walk(listOf(question.item), listOf(answer.item), here);
    }
  };
  if (response.resourceType !== 'QuestionnaireResponse') problems.push('not a QuestionnaireResponse');
  if (!['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'].includes(String(response.status))) problems.push('bad status');
  walk(listOf(questionnaire.item), listOf(response.item), '');
  return problems;
}
