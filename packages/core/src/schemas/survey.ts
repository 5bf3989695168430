/** Satisfaction surveys: definition, invitation (by token), answers and the single response. */
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
};

export const SurveyChoiceSchema = z.object({ value: z.string().check(z.minLength(1), z.maxLength(200)), label: LabelSchema });

export const SurveyQuestionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('nps'), prompt: TextSchema }),
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

/** NPS segment of a 0-10 score. */
export function npsSegment(score: number): NpsSegment {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}
