/**
 * Boundary checks for what a survey backend returns, without zod: the survey element runs these
 * on every reply (defence in depth) and its whole bundle, Lit included, must stay under 20 KB.
 * They accept exactly what `SurveyInvitationSchema` and `SurveyResponseSchema` accept.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { SurveyInvitation, SurveyResponse } from '../schemas/survey.js';
import { surveyDefinitionProblems } from './definition-problems.js';
import {
  ShapeError,
  anyOf,
  boolean,
  byType,
  dictionary,
  finiteNumber,
  httpUrl,
  instant,
  integer,
  list,
  nullValue,
  oneOf,
  optional,
  shape,
  text,
  type Reader,
} from './shape-reader.js';

const id = text(1, 200);
const label = text(1, 500);
const longText = text(0, 20_000);
const segmented = shape({ default: longText, detractor: optional(longText), passive: optional(longText), promoter: optional(longText) });
const choices = list(shape({ value: text(1, 200), label }), 1);

const base = { id: text(0, Infinity, /^[A-Za-z][\w.-]{0,99}$/), required: optional(boolean), help: optional(longText), afterScore: optional(boolean) };

const choice = shape({ ...base, prompt: longText, options: choices });
const question = byType({
  nps: shape({ ...base, prompt: longText, lowLabel: optional(label), highLabel: optional(label) }),
  csat: shape({ ...base, prompt: longText, labels: optional(list(label, 5, 5)) }),
  text: shape({ ...base, prompt: anyOf(longText, segmented), maxLength: optional(integer(1, 10_000)) }),
  'single-choice': choice,
  'multiple-choice': choice,
});

const definition = shape({
  id,
  version: text(1, 50),
  title: label,
  intro: optional(longText),
  locale: optional(text(0, Infinity, /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  questions: list(question, 1),
  thankYou: optional(segmented),
  reviewPrompt: optional(segmented),
});

const answers = dictionary(100, anyOf(finiteNumber, text(0, 10_000), list(text(0, 200)), nullValue));

const invitation = shape({
  id,
  status: oneOf(['open', 'answered', 'expired']),
  expiresAt: instant,
  definition,
  partialAnswers: answers,
  practiceName: label,
  reviewLinks: list(shape({ site: oneOf(['google', 'facebook', 'yelp', 'other']), url: httpUrl, label: optional(label) })),
});

const response = shape({ id, invitationId: id, submittedAt: instant, npsScore: optional(integer(0, 10)) });

function read<T>(reader: Reader, value: unknown, operation: string): T {
  try {
    return reader(value, '') as T;
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new AdapterError('server', `The backend sent a malformed reply to ${operation}.`, {
      operation,
      retryable: false,
      issues: [{ path: error.path, message: error.message }],
    });
  }
}

/** The invitation, checked and copied; a malformed one (or a definition that cannot work) is `server`. */
export function readSurveyInvitation(value: unknown, operation = 'survey.loadInvitation'): SurveyInvitation {
  const parsed = read<SurveyInvitation>(invitation, value, operation);
  const problems = surveyDefinitionProblems(parsed.definition);
  if (problems.length > 0) {
    throw new AdapterError('server', `The survey definition from ${operation} cannot be shown.`, {
      operation,
      retryable: false,
      issues: problems.map((p) => ({ ...p, path: `definition.${p.path}` })),
    });
  }
  return parsed;
}

export function readSurveyResponse(value: unknown, operation = 'survey.submit'): SurveyResponse {
  return read<SurveyResponse>(response, value, operation);
}
