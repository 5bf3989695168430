/**
 * Questionnaire <-> survey. Reading goes through the form engine's import and core's
 * `surveyFromFormDefinition` (a 0-10 slider is the NPS, a 1-5 slider CSAT, follow-ups shown per
 * NPS segment become one question worded by segment), plus the adapter's `survey-question` and
 * `survey-text` extensions for what that reading cannot recover (the default wording of a
 * segmented follow-up, CSAT labels, thank-you and review wording). Answers map onto the form's
 * items so the response is the form engine's own QuestionnaireResponse export: a segmented
 * follow-up answers to the variant the patient was shown.
 */
import {
  SegmentedTextSchema,
  SurveyQuestionSchema,
  surveyFromFormDefinition,
  type SurveyAnswerValue,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyQuestion,
} from '@pxm/core/survey';
import { importQuestionnaire, type Answers, type FormDefinition, type FormItem } from '@pxm/core/forms';
import { FormEngine } from '@pxm/core/forms';
import { PXM_FHIR_BASE } from '../fhir/namespace.js';
import { isObject, listOf, parseJson, rawExtension, type Raw } from '../fhir/raw-json.js';
import type { Extension, Questionnaire } from '../fhir/types.js';

export const SURVEY_EXTENSION = {
  question: `${PXM_FHIR_BASE}/StructureDefinition/survey-question`,
  text: `${PXM_FHIR_BASE}/StructureDefinition/survey-text`,
} as const;

function extensionString(raw: Raw, url: string): string | undefined {
  const value = rawExtension(raw, url)?.valueString;
  return typeof value === 'string' ? value : undefined;
}

export interface SurveyForm {
  survey: SurveyDefinition;
  form: FormDefinition;
  /** Form item ids that are other wordings of a survey question, and that question's id. */
  variants: ReadonlyMap<string, string>;
}

export interface SurveyImport {
  value: SurveyForm | undefined;
  issues: Array<{ linkId?: string; path: string; message: string }>;
}

function flatItems(form: FormDefinition): FormItem[] {
  const out: FormItem[] = [];
  const walk = (items: readonly FormItem[]) => items.forEach((item) => (item.type === 'section' ? walk(item.items) : out.push(item)));
  form.pages.forEach((page) => walk(page.items));
  return out;
}

/** Text items right after a segmented follow-up that are not questions themselves are its other wordings. */
function variantsOf(form: FormDefinition, survey: SurveyDefinition): Map<string, string> {
  const questions = new Set(survey.questions.map((q) => q.id));
  const segmented = new Set(survey.questions.filter((q) => q.type === 'text' && typeof q.prompt !== 'string').map((q) => q.id));
  const variants = new Map<string, string>();
  let current: string | undefined;
  for (const item of flatItems(form)) {
    if (segmented.has(item.id)) current = item.id;
    else if (!questions.has(item.id) && current && (item.type === 'text' || item.type === 'long-text') && item.visibleWhen) variants.set(item.id, current);
    else current = undefined;
  }
  return variants;
}

export function surveyFromQuestionnaireResource(questionnaire: Questionnaire): SurveyImport {
  const imported = importQuestionnaire(questionnaire);
  if (!imported.definition) return { value: undefined, issues: imported.issues };
  const read = surveyFromFormDefinition(imported.definition);
  const issues = [...imported.issues, ...read.issues].filter((issue) => !issue.message.includes(PXM_FHIR_BASE));
  if (!read.definition) return { value: undefined, issues };
  const carried = new Map<string, SurveyQuestion>();
  const walk = (items: unknown[]) =>
    items.forEach((raw) => {
      if (!isObject(raw)) return;
      const parsed = SurveyQuestionSchema.safeParse(parseJson(extensionString(raw, SURVEY_EXTENSION.question)));
      if (parsed.success && typeof raw.linkId === 'string') carried.set(raw.linkId, parsed.data);
      walk(listOf(raw.item));
    });
  walk(listOf(questionnaire.item));
  const survey: SurveyDefinition = {
    ...read.definition,
    questions: read.definition.questions.map((question) => {
      const real = carried.get(question.id);
      return real && real.type === question.type ? { ...real, id: question.id } : question;
    }),
  };
  const text = parseJson(extensionString(questionnaire as unknown as Raw, SURVEY_EXTENSION.text));
  if (isObject(text)) {
    const thankYou = SegmentedTextSchema.safeParse(text.thankYou);
    const reviewPrompt = SegmentedTextSchema.safeParse(text.reviewPrompt);
    if (thankYou.success) survey.thankYou = thankYou.data;
    if (reviewPrompt.success) survey.reviewPrompt = reviewPrompt.data;
  }
  return { value: { survey, form: imported.definition, variants: variantsOf(imported.definition, survey) }, issues };
}

/** Survey answers as form answers: yes/no as booleans, follow-ups under the wording shown. */
export function toFormAnswers(value: SurveyForm, answers: SurveyAnswers): Answers {
  const items = new Map(flatItems(value.form).map((item) => [item.id, item]));
  const out: Answers = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (answer === null || answer === undefined) continue;
    const item = items.get(id);
    out[id] = item?.type === 'yes-no' && (answer === 'yes' || answer === 'no') ? answer === 'yes' : (answer as Answers[string]);
  }
  // Move each follow-up to the wording visible for this score (the engine drops hidden answers).
  const engine = new FormEngine(value.form, out);
  for (const [variant, questionId] of value.variants) {
    if (out[questionId] === undefined || engine.isVisible(questionId) || !engine.isVisible(variant)) continue;
    out[variant] = out[questionId]!;
    delete out[questionId];
  }
  return out;
}

/** Form answers read back from a response as survey answers. */
export function fromFormAnswers(value: SurveyForm, answers: Answers): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const [id, answer] of Object.entries(answers)) {
    const questionId = value.variants.get(id) ?? id;
    if (typeof answer === 'boolean') out[questionId] = answer ? 'yes' : 'no';
    else if (typeof answer === 'number' || typeof answer === 'string' || (Array.isArray(answer) && answer.every((v) => typeof v === 'string'))) {
      out[questionId] = answer as SurveyAnswerValue;
    }
  }
  return out;
}

// ---------------------------------------------------------------- provisioning

const CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const control = (code: string): Extension => ({ url: CONTROL, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] } });
const slider = (min: number, max: number): Extension[] => [
  control('slider'),
  { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: min },
  { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: max },
];
const SEGMENT_RULES = {
  detractor: [{ question: 'nps', operator: '<=', answerInteger: 6 }],
  passive: [
    { question: 'nps', operator: '>=', answerInteger: 7 },
    { question: 'nps', operator: '<=', answerInteger: 8 },
  ],
  promoter: [{ question: 'nps', operator: '>=', answerInteger: 9 }],
} as const;

/** A survey as a Questionnaire an EHR can hold and any FHIR client can render. */
export function questionnaireFromSurvey(survey: SurveyDefinition, options: { id?: string; url?: string } = {}): Questionnaire {
  const npsId = survey.questions.find((q) => q.type === 'nps')?.id;
  const items: Raw[] = [];
  for (const question of survey.questions) {
    const carry: Extension = { url: SURVEY_EXTENSION.question, valueString: JSON.stringify(question) };
    const help = question.help ? [{ linkId: `${question.id}-help`, type: 'display', text: question.help, extension: [control('help')] }] : [];
    const base = { linkId: question.id, ...(question.required ? { required: true } : {}) };
    switch (question.type) {
      case 'nps': {
        const labels = [
          ...(question.lowLabel ? [{ linkId: `${question.id}-lower`, type: 'display', text: question.lowLabel, extension: [control('lower')] }] : []),
          ...(question.highLabel ? [{ linkId: `${question.id}-upper`, type: 'display', text: question.highLabel, extension: [control('upper')] }] : []),
        ];
        items.push({ ...base, type: 'integer', text: question.prompt, extension: slider(0, 10), ...(help.length + labels.length > 0 ? { item: [...help, ...labels] } : {}) });
        break;
      }
      case 'csat':
        items.push({ ...base, type: 'integer', text: question.prompt, extension: [...slider(1, 5), carry], ...(help.length > 0 ? { item: help } : {}) });
        break;
      case 'text': {
        const maxLength = question.maxLength ? { maxLength: question.maxLength } : {};
        if (typeof question.prompt === 'string' || !npsId) {
          const text = typeof question.prompt === 'string' ? question.prompt : question.prompt.default;
          items.push({ ...base, type: 'text', text, ...maxLength, ...(help.length > 0 ? { item: help } : {}) });
          break;
        }
        // One item per NPS segment, each shown only to that segment, the first under the question's id.
        const prompt = question.prompt;
        (['detractor', 'passive', 'promoter'] as const).forEach((segment, index) => {
          const rules = SEGMENT_RULES[segment].map((rule) => ({ ...rule, question: npsId }));
          items.push({
            linkId: index === 0 ? question.id : `${question.id}-${segment}`,
            ...(question.required ? { required: true } : {}),
            type: 'text',
            text: prompt[segment] ?? prompt.default,
            ...maxLength,
            enableWhen: rules,
            ...(rules.length > 1 ? { enableBehavior: 'all' } : {}),
            ...(index === 0 ? { extension: [carry] } : {}),
            ...(help.length > 0 ? { item: help.map((h) => ({ ...h, linkId: `${h.linkId}-${segment}` })) } : {}),
          });
        });
        break;
      }
      case 'single-choice':
      case 'multiple-choice':
        items.push({
          ...base,
          type: 'choice',
          text: question.prompt,
          ...(question.type === 'multiple-choice' ? { repeats: true } : {}),
          answerOption: question.options.map((option) => ({ valueCoding: { code: option.value, display: option.label } })),
          ...(help.length > 0 ? { item: help } : {}),
        });
        break;
    }
  }
  const text = { ...(survey.thankYou ? { thankYou: survey.thankYou } : {}), ...(survey.reviewPrompt ? { reviewPrompt: survey.reviewPrompt } : {}) };
  return {
    resourceType: 'Questionnaire',
    id: options.id ?? survey.id,
    ...(Object.keys(text).length > 0 ? { extension: [{ url: SURVEY_EXTENSION.text, valueString: JSON.stringify(text) }] } : {}),
    url: options.url ?? `${PXM_FHIR_BASE}/Questionnaire/${survey.id}`,
    version: survey.version,
    title: survey.title,
    status: 'active',
    ...(survey.intro ? { description: survey.intro } : {}),
    ...(survey.locale ? { language: survey.locale } : {}),
    item: items,
  } as Questionnaire;
}
