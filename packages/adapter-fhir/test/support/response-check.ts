/**
 * Checks a QuestionnaireResponse against its Questionnaire the way a FHIR validator with the
 * Questionnaire loaded would: every item answers an item of the Questionnaire at the same place
 * in the tree, with an answer of the type that item asks for.
 */
interface QItem {
  linkId: string;
  type: string;
  item?: QItem[];
}

interface RItem {
  linkId: string;
  answer?: Array<object>;
  item?: RItem[];
}

const ANSWER_KEYS: Record<string, string[]> = {
  boolean: ['valueBoolean'],
  decimal: ['valueDecimal'],
  integer: ['valueInteger'],
  date: ['valueDate'],
  dateTime: ['valueDateTime'],
  string: ['valueString'],
  text: ['valueString'],
  choice: ['valueCoding', 'valueString', 'valueInteger', 'valueDate'],
  'open-choice': ['valueCoding', 'valueString', 'valueInteger', 'valueDate'],
  attachment: ['valueAttachment'],
};

export function responseProblems(response: { item?: RItem[] }, questionnaire: { item?: unknown[] }): string[] {
  const problems: string[] = [];
  const walk = (answers: RItem[] | undefined, questions: QItem[] | undefined, path: string) => {
    for (const item of answers ?? []) {
      const question = questions?.find((q) => q.linkId === item.linkId);
      const here = `${path}/${item.linkId}`;
      if (!question) {
        problems.push(`${here}: no such item in the Questionnaire at this level`);
        continue;
      }
      if (question.type === 'group') {
        if (item.answer?.length) problems.push(`${here}: a group has no answers`);
        walk(item.item, question.item, here);
        continue;
      }
      if (question.type === 'display') problems.push(`${here}: display items are not answered`);
      for (const answer of item.answer ?? []) {
        const keys = Object.keys(answer as Record<string, unknown>).filter((key) => key.startsWith('value'));
        const allowed = ANSWER_KEYS[question.type] ?? [];
        if (keys.length !== 1 || !allowed.includes(keys[0]!)) problems.push(`${here}: ${keys.join(',')} does not answer a ${question.type} item`);
      }
      if (item.item?.length) problems.push(`${here}: nested items under a question`);
    }
  };
  walk(response.item, questionnaire.item as QItem[] | undefined, '');
  return problems;
}
