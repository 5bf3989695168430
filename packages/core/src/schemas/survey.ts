/** Satisfaction surveys: definition, invitation (by token), answers and the single response. */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, InstantSchema, LabelSchema, LocaleSchema, TextSchema } from './common.js';
import { ReviewLinkSchema } from './practice.js';

export const NpsSegmentSchema = z.enum(['detractor', 'passive', 'promoter']);
export type NpsSegment = z.infer<typeof NpsSegmentSchema>;

/** Wording that may vary by NPS segment; only wording, never who sees what. */
export const SegmentedTextSchema = z.object({
  default: TextSchema,
  detractor: z.optional(TextSchema),
  passive: z.optional(TextSchema),
  promoter: z.optional(TextSchema),
});
export type SegmentedText = z.infer<typeof SegmentedTextSchema>;

const questionBase = {
  id: z.string().check(z.regex(/^[A-Za-z][\w.-]{0,99}$/)),
  required: z.optional(z.boolean()),
  /** A short hint under the prompt. */
  help: z.optional(TextSchema),
  /**
   * Shown only once the NPS question is answered: a follow-up whose wording depends on the
   * segment (as FHIR `enableWhen` on the score does). While hidden it is never required.
   */
  afterScore: z.optional(z.boolean()),
};

export const SurveyChoiceSchema = z.object({ value: z.string().check(z.minLength(1), z.maxLength(200)), label: LabelSchema });

export const SurveyQuestionSchema = z.discriminatedUnion('type', [
  z.object({
    ...questionBase,
    type: z.literal('nps'),
    prompt: TextSchema,
    /** Labels of the two ends; default "Not at all likely" / "Extremely likely" in the patient's language. */
    lowLabel: z.optional(LabelSchema),
    highLabel: z.optional(LabelSchema),
  }),
  z.object({
    ...questionBase,
    type: z.literal('csat'),
    prompt: TextSchema,
    /** Five labels, lowest first; defaults come from the localization layer. */
    labels: z.optional(z.array(LabelSchema).check(z.length(5))),
  }),
  z.object({
    ...questionBase,
    type: z.literal('text'),
    prompt: z.union([TextSchema, SegmentedTextSchema]),
    /** Character limit; 2,000 when absent. */
    maxLength: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  }),
  z.object({ ...questionBase, type: z.literal('single-choice'), prompt: TextSchema, options: z.array(SurveyChoiceSchema).check(z.minLength(1)) }),
  z.object({ ...questionBase, type: z.literal('multiple-choice'), prompt: TextSchema, options: z.array(SurveyChoiceSchema).check(z.minLength(1)) }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const SurveyDefinitionSchema = z.object({
  id: IdSchema,
  version: z.string().check(z.minLength(1), z.maxLength(50)),
  title: LabelSchema,
  intro: z.optional(TextSchema),
  locale: z.optional(LocaleSchema),
  questions: z.array(SurveyQuestionSchema).check(z.minLength(1)),
  thankYou: z.optional(SegmentedTextSchema),
  /**
   * Wording above the review links, by segment. Every respondent sees the links whatever the
   * score; only this wording may differ. Defaults come from the localization layer.
   */
  reviewPrompt: z.optional(SegmentedTextSchema),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinitionSchema>;

export const SurveyAnswerValueSchema = z.union([
  z.number(),
  z.string().check(z.maxLength(10_000)),
  z.array(z.string().check(z.maxLength(200))),
  z.null(),
]);
export type SurveyAnswerValue = z.infer<typeof SurveyAnswerValueSchema>;

export const SurveyAnswersSchema = z.record(z.string().check(z.maxLength(100)), SurveyAnswerValueSchema);
export type SurveyAnswers = z.infer<typeof SurveyAnswersSchema>;

export const InvitationStatusSchema = z.enum(['open', 'answered', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>;

export const SurveyInvitationSchema = z.object({
  id: IdSchema,
  status: InvitationStatusSchema,
  expiresAt: InstantSchema,
  definition: SurveyDefinitionSchema,
  /** Answers saved so far, to resume. */
  partialAnswers: SurveyAnswersSchema,
  practiceName: LabelSchema,
  /** Shown to every respondent whatever their score. */
  reviewLinks: z.array(ReviewLinkSchema),
});
export type SurveyInvitation = z.infer<typeof SurveyInvitationSchema>;

export const SubmitSurveyRequestSchema = z.strictObject({
  answers: SurveyAnswersSchema,
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type SubmitSurveyRequest = z.infer<typeof SubmitSurveyRequestSchema>;

export const SurveyResponseSchema = z.object({
  id: IdSchema,
  invitationId: IdSchema,
  submittedAt: InstantSchema,
  npsScore: z.optional(z.int().check(z.gte(0), z.lte(10))),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/** A private note to the practice, offered beside the public review links. */
export const SendSurveyFeedbackRequestSchema = z.strictObject({
  message: z.string().check(z.minLength(1), z.maxLength(2000)),
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type SendSurveyFeedbackRequest = z.infer<typeof SendSurveyFeedbackRequestSchema>;

// Lives with the zod-free survey helpers so element bundles can use it without the schemas.
export { npsSegment } from '../survey/segment.js';
