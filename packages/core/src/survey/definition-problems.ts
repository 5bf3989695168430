/**
 * What a survey definition needs beyond its shape: ids that tell questions apart, at most one
 * NPS question (the segment comes from it), and options that tell choices apart.
 */
import type { ValidationIssue } from '../errors/adapter-error.js';
import type { SurveyDefinition } from '../schemas/survey.js';

export function surveyDefinitionProblems(definition: SurveyDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  let npsCount = 0;
  definition.questions.forEach((question, index) => {
    const path = `questions.${index}`;
    if (seen.has(question.id)) issues.push({ path: `${path}.id`, message: 'Duplicate question id.' });
    seen.add(question.id);
    if (question.type === 'nps' && ++npsCount > 1) issues.push({ path, message: 'More than one NPS question.' });
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      const values = new Set<string>();
      question.options.forEach((option, optionIndex) => {
        if (values.has(option.value)) {
          issues.push({ path: `${path}.options.${optionIndex}.value`, message: 'Duplicate option value.' });
        }
        values.add(option.value);
      });
    }
  });
  return issues;
}
