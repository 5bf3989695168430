/**
 * Turns a form-engine definition (typically imported from a FHIR Questionnaire) into a survey:
 * a 0-10 scale is the NPS question, a 1-5 scale is CSAT, text and choices carry over, and text
 * follow-ups shown only to some NPS segments ("enableWhen score <= 6") become one question whose
 * wording varies by segment. What a survey cannot express is reported, never silently dropped.
 */
import type { FormDefinition, FormItem } from '../schemas/intake.js';
import type { NpsSegment, SegmentedText, SurveyDefinition, SurveyQuestion } from '../schemas/survey.js';
import { textLimitOf } from './answers.js';
import { surveyDefinitionProblems } from './definition-problems.js';
import { segmentsOfCondition } from './segment-condition.js';

/** Same shape as the form importer's issues, so both lists can be shown together. */
export interface SurveyImportIssue {
  linkId?: string;
  path: string;
  message: string;
}

export interface SurveyImportResult {
  definition: SurveyDefinition | undefined;
  issues: SurveyImportIssue[];
}

const MAX_TEXT = 10_000;

interface Located {
  item: FormItem;
  path: string;
}

const YES_NO: Record<string, [string, string]> = { en: ['Yes', 'No'], es: ['Sí', 'No'] };

function flatten(definition: FormDefinition, issues: SurveyImportIssue[]): Located[] {
  const out: Located[] = [];
  const walk = (items: FormItem[], path: string) =>
    items.forEach((item, index) => {
      const at = `${path}.${index}`;
      if (item.type === 'section') walk(item.items, `${at}.items`);
      else if (item.type === 'group') issues.push({ linkId: item.linkId ?? item.id, path: at, message: 'Repeating groups are not survey questions; skipped.' });
      else out.push({ item, path: at });
    });
  definition.pages.forEach((page, index) => {
    if (page.visibleWhen) issues.push({ path: `pages.${index}`, message: 'Page conditions are not supported in surveys; the page is always shown.' });
    walk(page.items, `pages.${index}.items`);
  });
  return out;
}

function numberOptions(min: number, max: number, step: number) {
  const options = [];
  for (let value = min; value <= max && options.length < 101; value += step) options.push({ value: String(value), label: String(value) });
  return options;
}

/** One form item as a survey question, or a reason it cannot be one. */
function toQuestion(item: FormItem, isNps: boolean, locale: string): SurveyQuestion | string {
  const base = { id: item.id, ...(item.required ? { required: true } : {}), ...(item.help ? { help: item.help } : {}) };
  const prompt = item.label ?? '';
  switch (item.type) {
    case 'scale':
      if (isNps) {
        return { ...base, type: 'nps', prompt, ...(item.minLabel ? { lowLabel: item.minLabel } : {}), ...(item.maxLabel ? { highLabel: item.maxLabel } : {}) };
      }
      if (item.min === 1 && item.max === 5 && (item.step ?? 1) === 1) return { ...base, type: 'csat', prompt };
      return { ...base, type: 'single-choice', prompt, options: numberOptions(item.min, item.max, item.step ?? 1) };
    case 'text':
    case 'long-text':
      return { ...base, type: 'text', prompt, ...(item.maxLength ? { maxLength: Math.min(item.maxLength, MAX_TEXT) } : {}) };
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, type: item.type, prompt, options: item.options.map(({ value, label }) => ({ value, label })) };
    case 'yes-no': {
      const [yes, no] = YES_NO[locale.slice(0, 2).toLowerCase()] ?? YES_NO.en!;
      return { ...base, type: 'single-choice', prompt, options: [{ value: 'yes', label: yes }, { value: 'no', label: no }] };
    }
    default:
      return `A ${item.type} item is not a survey question; skipped.`;
  }
}

export function surveyFromFormDefinition(form: FormDefinition): SurveyImportResult {
  const issues: SurveyImportIssue[] = [];
  const located = flatten(form, issues);
  const locale = form.locale ?? 'en';
  const npsItem = located.find(({ item }) => item.type === 'scale' && item.min === 0 && item.max === 10 && (item.step ?? 1) === 1)?.item;
  const questions: SurveyQuestion[] = [];
  let intro = form.description;
  /** The text question that collects segment wording, while consecutive follow-ups keep coming. */
  let followUp: { question: Extract<SurveyQuestion, { type: 'text' }>; prompt: SegmentedText; covered: Set<NpsSegment> } | undefined;

  for (const { item, path } of located) {
    if (item.type === 'display') {
      if (questions.length === 0) intro = [intro, item.text].filter(Boolean).join('\n\n');
      else issues.push({ linkId: item.linkId ?? item.id, path, message: 'Display text between questions is not supported in surveys; skipped.' });
      continue;
    }
    if (!item.label?.trim()) {
      issues.push({ linkId: item.linkId ?? item.id, path, message: 'The item has no text to ask; skipped.' });
      continue;
    }
    const question = toQuestion(item, item === npsItem, locale);
    if (item !== npsItem && item.type === 'scale' && item.min === 0 && item.max === 10) {
      issues.push({ linkId: item.linkId ?? item.id, path, message: 'Only the first 0-10 scale is the NPS question; this one is a single choice.' });
    }
    if (typeof question === 'string') {
      issues.push({ linkId: item.linkId ?? item.id, path, message: question });
      continue;
    }
    if (item.requiredWhen) issues.push({ linkId: item.linkId ?? item.id, path, message: 'Conditional "required" is not supported in surveys; ignored.' });

    const segments = item.visibleWhen && npsItem ? segmentsOfCondition(item.visibleWhen, npsItem.id) : undefined;
    if (question.type === 'text' && segments && segments.length > 0 && segments.length < 3) {
      if (followUp && segments.every((s) => !followUp!.covered.has(s))) {
        // Another wording of the same follow-up: answers are kept under the first item's id.
        for (const segment of segments) {
          followUp.prompt[segment] = item.label;
          followUp.covered.add(segment);
        }
        if (!question.required) delete followUp.question.required;
        followUp.question.maxLength = Math.max(textLimitOf(followUp.question), textLimitOf(question));
        issues.push({ linkId: item.linkId ?? item.id, path, message: `Merged into "${followUp.question.id}" as its wording for ${segments.join(' and ')}.` });
        continue;
      }
      const prompt: SegmentedText = { default: item.label };
      for (const segment of segments) prompt[segment] = item.label;
      followUp = { question: { ...question, prompt, afterScore: true }, prompt, covered: new Set(segments) };
      questions.push(followUp.question);
      continue;
    }
    followUp = undefined;
    if (item.visibleWhen) {
      issues.push({ linkId: item.linkId ?? item.id, path, message: 'Display conditions other than by NPS segment are not supported in surveys; the question is always shown.' });
    }
    questions.push(question);
  }

  for (const question of questions) {
    if (question.type === 'text' && typeof question.prompt !== 'string') {
      const missing = (['detractor', 'passive', 'promoter'] as const).filter((s) => !(question.prompt as SegmentedText)[s]);
      if (question.required && missing.length > 0) question.required = false;
      if (missing.length > 0) {
        issues.push({ linkId: question.id, path: `questions.${question.id}`, message: `No wording for ${missing.join(' and ')}; they see "${question.prompt.default}".` });
      }
    }
  }

  if (questions.length === 0) {
    issues.push({ path: 'pages', message: 'The form has no item a survey can ask.' });
    return { definition: undefined, issues };
  }
  const definition: SurveyDefinition = {
    id: form.id,
    version: form.version,
    title: form.title,
    ...(intro ? { intro } : {}),
    ...(form.locale ? { locale: form.locale } : {}),
    questions,
  };
  const problems = surveyDefinitionProblems(definition);
  if (problems.length > 0) return { definition: undefined, issues: [...issues, ...problems] };
  return { definition, issues };
}
