/**
 * Checks survey answers against their definition: the same rules in the browser (to point the
 * patient at what needs attention) and in every backend (so nothing malformed is stored).
 * Issues name the question and the problem, never the answer.
 */
import type { SurveyAnswerValue, SurveyAnswers, SurveyDefinition, SurveyQuestion } from '../schemas/survey.js';
import { isNpsScore, npsScoreOf } from './segment.js';

/** Free-text limit when a question sets none. */
export const DEFAULT_SURVEY_TEXT_MAX_LENGTH = 2000;

export type SurveyAnswerProblem = 'required' | 'invalid' | 'too_long' | 'unknown_question';

export interface SurveyAnswerIssue {
  questionId: string;
  problem: SurveyAnswerProblem;
}

export interface ValidateSurveyAnswersOptions {
  /**
   * Partial answers (saved while the patient goes): required questions may be unanswered and
   * text may run over its limit for now; types, ranges and options still hold.
   */
  partial?: boolean;
}

/** The character limit of a text question. */
export function textLimitOf(question: Extract<SurveyQuestion, { type: 'text' }>): number {
  return question.maxLength ?? DEFAULT_SURVEY_TEXT_MAX_LENGTH;
}

/** Characters as a person counts them (an emoji is one), which is what the limit means. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** No answer yet: absent, null, blank text or no option ticked. */
export function isAnswerEmpty(value: SurveyAnswerValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function isInteger(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Problem with one non-empty answer, or undefined when it fits the question. */
function problemOf(question: SurveyQuestion, value: SurveyAnswerValue, partial: boolean): SurveyAnswerProblem | undefined {
  switch (question.type) {
    case 'nps':
      return isNpsScore(value) ? undefined : 'invalid';
    case 'csat':
      return isInteger(value, 1, 5) ? undefined : 'invalid';
    case 'text':
      if (typeof value !== 'string') return 'invalid';
      return !partial && characterCount(value) > textLimitOf(question) ? 'too_long' : undefined;
    case 'single-choice':
      return typeof value === 'string' && question.options.some((o) => o.value === value) ? undefined : 'invalid';
    case 'multiple-choice':
      return Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((v) => question.options.some((o) => o.value === v))
        ? undefined
        : 'invalid';
  }
}

export function validateSurveyAnswers(
  definition: SurveyDefinition,
  answers: SurveyAnswers,
  options: ValidateSurveyAnswersOptions = {},
): SurveyAnswerIssue[] {
  const partial = options.partial ?? false;
  const issues: SurveyAnswerIssue[] = [];
  const known = new Set(definition.questions.map((q) => q.id));
  const scored = npsScoreOf(definition, answers) !== undefined;
  for (const questionId of Object.keys(answers)) {
    if (!known.has(questionId)) issues.push({ questionId, problem: 'unknown_question' });
  }
  for (const question of definition.questions) {
    const value = answers[question.id];
    if (isAnswerEmpty(value)) {
      if (!partial && question.required && (scored || !question.afterScore)) issues.push({ questionId: question.id, problem: 'required' });
      continue;
    }
    const problem = problemOf(question, value as SurveyAnswerValue, partial);
    if (problem) issues.push({ questionId: question.id, problem });
  }
  return issues;
}

/**
 * Keeps only answers that still fit the definition: a resumed draft saved against an older
 * version of the survey must not break the form or be sent back.
 */
export function sanitizeSurveyAnswers(definition: SurveyDefinition, answers: SurveyAnswers): SurveyAnswers {
  const clean: SurveyAnswers = {};
  for (const question of definition.questions) {
    const value = answers[question.id];
    if (value === undefined || isAnswerEmpty(value)) continue;
    if (!problemOf(question, value, true)) clean[question.id] = value;
  }
  return clean;
}
