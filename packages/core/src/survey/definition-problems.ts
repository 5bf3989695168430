/**
 * What a survey definition needs beyond its shape: ids that tell questions apart, at most one
 * NPS question (the segment comes from it), and options that tell choices apart.
 */
import { AdapterError, type ValidationIssue } from '../errors/adapter-error.js';
import type { SurveyDefinition, SurveyInvitation } from '../schemas/survey.js';

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

/**
 * The check a loaded invitation gets after its schema: a definition the survey cannot show
 * (the rules above) is the backend's fault, `server`, naming each problem's path.
 */
export function requireShowableSurvey(invitation: SurveyInvitation, operation = 'survey.loadInvitation'): SurveyInvitation {
  const problems = surveyDefinitionProblems(invitation.definition);
  if (problems.length === 0) return invitation;
  throw new AdapterError('server', `The survey definition from ${operation} cannot be shown.`, {
    operation,
    retryable: false,
    issues: problems.map((problem) => ({ ...problem, path: `definition.${problem.path}` })),
  });
}
