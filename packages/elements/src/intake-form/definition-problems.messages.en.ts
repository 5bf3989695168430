/** Strings of the invalid-definition panel (namespace `pxm-intake-form-problems`). */
export const definitionProblemsEn = {
  title: 'This form can’t be shown',
  body: 'Something is wrong with how this form was set up. Please contact the practice.',
  details: (count: number) => (count === 1 ? '1 problem in the form definition' : `${count} problems in the form definition`),
};

export type DefinitionProblemsMessages = typeof definitionProblemsEn;
