/**
 * Intake forms: the definition (pages of typed items with conditions), the answers, drafts,
 * attachments, the signature record and the submitted response.
 */
// A polluted Object.prototype must be tamed before zod builds its schemas (it enumerates with for...in).
import '../util/enumerable-prototype.js';
import * as z from 'zod/mini';
import { IdSchema, InstantSchema, LabelSchema, LocaleSchema, TextSchema } from './common.js';
import { ScoringRuleSchema, type ScoringRule } from '../prom/scoring-rule.js';

// ---------------------------------------------------------------- conditions

export const ConditionOperatorSchema = z.enum(['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte', 'exists', 'notExists']);
export type ConditionOperator = z.infer<typeof ConditionOperatorSchema>;

export const ConditionValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

/** A rule on one answer, or `all`/`any` of other conditions. */
export type Condition =
  | { item: string; op: ConditionOperator; value?: ConditionValue | undefined }
  | { all: Condition[] }
  | { any: Condition[] };

export const ConditionSchema: z.ZodMiniType<Condition> = z.union([
  z.strictObject({ item: IdSchema, op: ConditionOperatorSchema, value: z.optional(ConditionValueSchema) }),
  z.strictObject({ all: z.array(z.lazy(() => ConditionSchema)) }),
  z.strictObject({ any: z.array(z.lazy(() => ConditionSchema)) }),
]);

// ---------------------------------------------------------------- items

export const ChoiceOptionSchema = z.strictObject({
  value: z.string().check(z.minLength(1), z.maxLength(200)),
  label: LabelSchema,
  /** Points for outcome-measure scoring. */
  score: z.optional(z.number()),
  /** Code system of `value` when it is a code (kept from FHIR `valueCoding.system`). */
  system: z.optional(z.string().check(z.maxLength(500))),
  /** FHIR answer type the option came from; absent means a coding. */
  valueType: z.optional(z.enum(['coding', 'string', 'integer', 'date'])),
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

const itemBase = {
  id: z.string().check(z.regex(/^[A-Za-z][\w.-]{0,99}$/, 'Item ids start with a letter: letters, digits, _ . -')),
  /** The FHIR `linkId` this item answers to, when it differs from `id` (imported Questionnaires). */
  linkId: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  label: z.optional(TextSchema),
  help: z.optional(TextSchema),
  required: z.optional(z.boolean()),
  /** Shown only while this holds. */
  visibleWhen: z.optional(ConditionSchema),
  /** Required only while this holds (on top of `required`). */
  requiredWhen: z.optional(ConditionSchema),
};

/** WHATWG autofill token for demographic fields (`given-name`, `bday`, `tel`...). */
const AutocompleteSchema = z.optional(z.string().check(z.maxLength(100)));

export { FORM_ITEM_TYPES, type FormItemType } from '../forms/item-types.js';

export interface FormItemBase {
  id: string;
  linkId?: string | undefined;
  label?: string | undefined;
  help?: string | undefined;
  required?: boolean | undefined;
  visibleWhen?: Condition | undefined;
  requiredWhen?: Condition | undefined;
}

export type FormItem = FormItemBase &
  (
    | { type: 'text'; maxLength?: number | undefined; autocomplete?: string | undefined; pattern?: string | undefined; entryFormat?: string | undefined }
    | { type: 'long-text'; maxLength?: number | undefined }
    | { type: 'number'; min?: number | undefined; max?: number | undefined; step?: number | undefined; unit?: string | undefined }
    | { type: 'date'; min?: string | undefined; max?: string | undefined; autocomplete?: string | undefined }
    | { type: 'yes-no' }
    | { type: 'single-choice'; options: ChoiceOption[]; display?: 'radio' | 'dropdown' | undefined }
    | { type: 'multiple-choice'; options: ChoiceOption[]; minSelected?: number | undefined; maxSelected?: number | undefined }
    | { type: 'scale'; min: number; max: number; step?: number | undefined; minLabel?: string | undefined; maxLabel?: string | undefined }
    | { type: 'phone'; autocomplete?: string | undefined }
    | { type: 'email'; autocomplete?: string | undefined }
    | { type: 'address'; autocomplete?: string | undefined }
    | { type: 'insurance-card'; sides?: Array<'front' | 'back'> | undefined }
    | { type: 'consent'; consentId: string; version: string; title: string; text: string; disclosure?: string | undefined }
    | { type: 'signature'; consentItemId?: string | undefined }
    | { type: 'section'; title?: string | undefined; items: FormItem[] }
    | { type: 'group'; items: FormItem[]; minInstances?: number | undefined; maxInstances?: number | undefined; addLabel?: string | undefined }
    | { type: 'display'; text: string }
  );

const items = z.array(z.lazy((): z.ZodMiniType<FormItem> => FormItemSchema));

export const FormItemSchema: z.ZodMiniType<FormItem> = z.discriminatedUnion('type', [
  z.strictObject({
    ...itemBase,
    type: z.literal('text'),
    maxLength: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
    autocomplete: AutocompleteSchema,
    pattern: z.optional(z.string().check(z.maxLength(500))),
    /** The format expected, shown to the patient when the answer does not match `pattern` (`12345 or 12345-6789`). */
    entryFormat: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  }),
  z.strictObject({ ...itemBase, type: z.literal('long-text'), maxLength: z.optional(z.int().check(z.gte(1), z.lte(100_000))) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('number'),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    step: z.optional(z.number().check(z.gt(0))),
    unit: z.optional(z.string().check(z.maxLength(40))),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('date'),
    /** Earliest date, `YYYY-MM-DD` or `today` (the patient's today). */
    min: z.optional(z.string()),
    /** Latest date, `YYYY-MM-DD` or `today` (a date of birth is never in the future). */
    max: z.optional(z.string()),
    autocomplete: AutocompleteSchema,
  }),
  z.strictObject({ ...itemBase, type: z.literal('yes-no') }),
  z.strictObject({
    ...itemBase,
    type: z.literal('single-choice'),
    options: z.array(ChoiceOptionSchema).check(z.minLength(1)),
    display: z.optional(z.enum(['radio', 'dropdown'])),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('multiple-choice'),
    options: z.array(ChoiceOptionSchema).check(z.minLength(1)),
    minSelected: z.optional(z.int().check(z.gte(0))),
    maxSelected: z.optional(z.int().check(z.gte(1))),
  }),
  z.strictObject({
    ...itemBase,
    type: z.literal('scale'),
    min: z.int(),
    max: z.int(),
    step: z.optional(z.int().check(z.gte(1))),
    minLabel: z.optional(LabelSchema),
    maxLabel: z.optional(LabelSchema),
  }),
  z.strictObject({ ...itemBase, type: z.literal('phone'), autocomplete: AutocompleteSchema }),
  z.strictObject({ ...itemBase, type: z.literal('email'), autocomplete: AutocompleteSchema }),
  z.strictObject({ ...itemBase, type: z.literal('address'), autocomplete: AutocompleteSchema }),
  z.strictObject({ ...itemBase, type: z.literal('insurance-card'), sides: z.optional(z.array(z.enum(['front', 'back']))) }),
  z.strictObject({
    ...itemBase,
    type: z.literal('consent'),
    consentId: IdSchema,
    version: z.string().check(z.minLength(1), z.maxLength(50)),
    title: LabelSchema,
    text: TextSchema,
    disclosure: z.optional(TextSchema),
  }),
  z.strictObject({ ...itemBase, type: z.literal('signature'), consentItemId: z.optional(IdSchema) }),
  z.strictObject({ ...itemBase, type: z.literal('section'), title: z.optional(LabelSchema), items }),
  z.strictObject({
    ...itemBase,
    type: z.literal('group'),
    items,
    minInstances: z.optional(z.int().check(z.gte(0))),
    maxInstances: z.optional(z.int().check(z.gte(1))),
    addLabel: z.optional(LabelSchema),
  }),
  z.strictObject({ ...itemBase, type: z.literal('display'), text: TextSchema }),
]) as unknown as z.ZodMiniType<FormItem>;

export const FormPageSchema = z.strictObject({
  id: IdSchema,
  /** The FHIR `linkId` of the group this page came from, if any. */
  linkId: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
  title: LabelSchema,
  description: z.optional(TextSchema),
  visibleWhen: z.optional(ConditionSchema),
  items: z.array(FormItemSchema),
});
export type FormPage = z.infer<typeof FormPageSchema>;

export const FormDefinitionSchema = z.strictObject({
  id: IdSchema,
  version: z.string().check(z.minLength(1), z.maxLength(50)),
  title: LabelSchema,
  description: z.optional(TextSchema),
  locale: z.optional(LocaleSchema),
  /** Canonical URL of the FHIR Questionnaire this form was made from. */
  url: z.optional(z.string().check(z.maxLength(1000))),
  /** What happens after submitting, shown on the confirmation; a general sentence when absent. */
  nextSteps: z.optional(TextSchema),
  /**
   * Further next steps shown on the confirmation only when their condition holds on the answers
   * submitted ("Bring your insurance card" only to those who chose insurance).
   */
  nextStepsWhen: z.optional(z.array(z.strictObject({ when: ConditionSchema, text: TextSchema })).check(z.maxLength(20))),
  pages: z.array(FormPageSchema).check(z.minLength(1)),
  /** Outcome measures scored from the answers (NPRS, LEFS...). */
  scoring: z.optional(z.array(ScoringRuleSchema)),
});
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
export type { ScoringRule };

// ---------------------------------------------------------------- answers

/** Reference to a file stored by the adapter; answers never carry the bytes. */
export const AttachmentRefSchema = z.object({
  id: IdSchema,
  contentType: z.string().check(z.maxLength(100)),
  size: z.int().check(z.gte(0)),
  purpose: z.optional(z.string().check(z.maxLength(100))),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const AddressAnswerSchema = z.strictObject({
  line1: z.string().check(z.maxLength(500)),
  line2: z.optional(z.string().check(z.maxLength(500))),
  city: z.string().check(z.maxLength(200)),
  region: z.optional(z.string().check(z.maxLength(100))),
  postalCode: z.optional(z.string().check(z.maxLength(20))),
  country: z.optional(z.string().check(z.maxLength(2))),
});
export type AddressAnswer = z.infer<typeof AddressAnswerSchema>;

export const InsuranceCardAnswerSchema = z.strictObject({
  front: z.optional(AttachmentRefSchema),
  back: z.optional(AttachmentRefSchema),
});
export type InsuranceCardAnswer = z.infer<typeof InsuranceCardAnswerSchema>;

export const ConsentAnswerSchema = z.strictObject({
  agreed: z.boolean(),
  agreedAt: z.optional(InstantSchema),
  version: z.string(),
});
export type ConsentAnswer = z.infer<typeof ConsentAnswerSchema>;

/** The record a signature leaves: who, when (UTC), what exactly was signed, and how. */
export const SignatureRecordSchema = z.strictObject({
  signerName: LabelSchema,
  signedAt: InstantSchema,
  method: z.enum(['drawn', 'typed']),
  consentId: z.optional(IdSchema),
  consentVersion: z.optional(z.string()),
  /** SHA-256 (hex) of the exact consent text shown. */
  textSha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  /** Drawn strokes as an SVG document; absent for a typed signature. */
  svg: z.optional(z.string().check(z.maxLength(500_000))),
  /** The browser that signed, for the audit trail. */
  userAgent: z.optional(z.string().check(z.maxLength(500))),
});
export type SignatureRecord = z.infer<typeof SignatureRecordSchema>;

export type AnswerValue =
  | string
  | number
  | boolean
  | string[]
  | AddressAnswer
  | InsuranceCardAnswer
  | ConsentAnswer
  | SignatureRecord
  | Answers[]
  | null;

export type Answers = Record<string, AnswerValue>;

export const AnswerValueSchema: z.ZodMiniType<AnswerValue> = z.union([
  z.string().check(z.maxLength(100_000)),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string().check(z.maxLength(1000))),
  z.array(z.lazy(() => AnswersSchema)),
  SignatureRecordSchema,
  ConsentAnswerSchema,
  InsuranceCardAnswerSchema,
  AddressAnswerSchema,
]) as unknown as z.ZodMiniType<AnswerValue>;

export const AnswersSchema: z.ZodMiniType<Answers> = z.record(z.string().check(z.maxLength(200)), AnswerValueSchema);

// ---------------------------------------------------------------- drafts, sessions, responses

export const DraftSchema = z.object({
  answers: AnswersSchema,
  /** The page the patient was on, to resume there. */
  pageId: z.optional(IdSchema),
  /** Increases on every save; a save based on an older version is a conflict. */
  version: z.int().check(z.gte(0)),
  savedAt: InstantSchema,
});
export type Draft = z.infer<typeof DraftSchema>;

export const SaveDraftRequestSchema = z.strictObject({
  answers: AnswersSchema,
  pageId: z.optional(IdSchema),
  /** The version this save builds on (0 when there is no draft yet). */
  baseVersion: z.int().check(z.gte(0)),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

export const PromScoreSchema = z.object({
  /** Instrument id, e.g. `lefs`, `nprs`, `psfs`. */
  instrument: IdSchema,
  score: z.number(),
  recordedAt: InstantSchema,
});
export type PromScore = z.infer<typeof PromScoreSchema>;

export const IntakeStatusSchema = z.enum(['open', 'submitted']);

export const IntakeSessionSchema = z.object({
  formId: IdSchema,
  definition: FormDefinitionSchema,
  status: IntakeStatusSchema,
  draft: z.nullable(DraftSchema),
  /** Earlier outcome-measure scores, for change from baseline. */
  priorScores: z.array(PromScoreSchema),
  /** Set when `status` is `submitted`. */
  responseId: z.optional(IdSchema),
});
export type IntakeSession = z.infer<typeof IntakeSessionSchema>;


export const SubmitIntakeRequestSchema = z.strictObject({
  answers: AnswersSchema,
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
});
export type SubmitIntakeRequest = z.infer<typeof SubmitIntakeRequestSchema>;

export const IntakeResponseSchema = z.object({
  id: IdSchema,
  formId: IdSchema,
  formVersion: z.string(),
  submittedAt: InstantSchema,
  scores: z.optional(z.array(PromScoreSchema)),
});
export type IntakeResponse = z.infer<typeof IntakeResponseSchema>;

export const AttachmentUploadSchema = z.strictObject({
  contentType: z.string().check(z.regex(/^image\/(jpeg|png|webp|heic)$|^application\/pdf$/)),
  /** Why it was uploaded, e.g. `insurance-card-front`. */
  purpose: z.optional(z.string().check(z.maxLength(100))),
});
export type AttachmentUpload = z.infer<typeof AttachmentUploadSchema>;

export { MAX_ATTACHMENT_BYTES } from './attachment-limit.js';
