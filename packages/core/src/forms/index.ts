/**
 * `@pxm/core/forms`: intake forms: their schemas and the engine (definitions checked, conditions
 * evaluated, answers validated, FHIR Questionnaire mapped). Scoring is in `@pxm/core/prom`.
 */
export {
  AddressAnswerSchema,
  AnswerValueSchema,
  AnswersSchema,
  AttachmentRefSchema,
  AttachmentUploadSchema,
  ChoiceOptionSchema,
  ConditionOperatorSchema,
  ConditionSchema,
  ConditionValueSchema,
  ConsentAnswerSchema,
  DraftSchema,
  FORM_ITEM_TYPES,
  FormDefinitionSchema,
  FormItemSchema,
  FormPageSchema,
  InsuranceCardAnswerSchema,
  IntakeResponseSchema,
  IntakeSessionSchema,
  IntakeStatusSchema,
  PromScoreSchema,
  SaveDraftRequestSchema,
  SignatureRecordSchema,
  SubmitIntakeRequestSchema,
  type AddressAnswer,
  type AnswerValue,
  type Answers,
  type AttachmentRef,
  type AttachmentUpload,
  type ChoiceOption,
  type Condition,
  type ConditionOperator,
  type ConditionValue,
  type ConsentAnswer,
  type Draft,
  type FormDefinition,
  type FormItem,
  type FormItemBase,
  type FormItemType,
  type FormPage,
  type InsuranceCardAnswer,
  type IntakeResponse,
  type IntakeSession,
  type PromScore,
  type SaveDraftRequest,
  type ScoringRule,
  type SignatureRecord,
  type SubmitIntakeRequest,
} from '../schemas/intake.js';
export { MAX_ATTACHMENT_BYTES } from '../schemas/attachment-limit.js';
export {
  answersAt,
  childScope,
  instancesOf,
  itemKey,
  parseItemKey,
  parseScope,
  readAnswer,
  scopeDepth,
  scopeKeyOf,
  truncateScope,
  updateAt,
  writeAnswer,
  type ScopeKey,
  type ScopeStep,
} from './answer-key.js';
export { isAnswered } from './answered.js';
export {} from './item-types.js';
export { conditionRefs, evaluateCondition, evaluateRule, isRule, type AnswerLookup } from './condition.js';
export {
  childItems,
  indexForm,
  isAnswerless,
  isContainer,
  pageNodeId,
  type FormIndex,
  type IndexedItem,
  type NodeId,
} from './form-index.js';
export {
  buildDependencyGraph,
  visibleWhenOf,
  type DependencyGraph,
  type DependencyKind,
  type Dependent,
} from './dependency-graph.js';
export {
  checkFormDefinition,
  definitionRuleProblems,
  type DefinitionCheck,
  type DefinitionProblem,
  type DefinitionProblemCode,
} from './definition-check.js';
export { definitionProblemsOfReply, schemaProblems, type SchemaIssue } from './definition-schema-problems.js';
export {
  isEmptyInstance,
  isPhoneNumber,
  storedAnswer,
  validateAnswer,
  type FieldIssue,
  type ValidationCode,
  type ValidationContext,
  type ValidationParams,
  type ValidationResult,
} from './validation.js';
export {
  FormEngine,
  responseAnswersOf,
  storableAnswersOf,
  type RequiredProgress,
  type ValidateOptions,
} from './form-engine.js';
export {
  EXT,
  ITEM_CONTROL_SYSTEM,
  PXM_EXT,
  PXM_FHIR_BASE,
  type Attachment,
  type Coding,
  type Extension,
  type FhirMappingIssue,
  type QuestionnaireResponse,
  type QuestionnaireResponseAnswer,
  type QuestionnaireResponseItem,
  type Signature,
} from './fhir/fhir-types.js';
export {
  importQuestionnaire,
  type QuestionnaireImport,
  type QuestionnaireImportIssue,
} from './fhir/questionnaire-import.js';
export {
  exportQuestionnaireResponse,
  linkIdOf,
  optionAnswer,
  type QuestionnaireResponseExport,
  type QuestionnaireResponseExportOptions,
} from './fhir/questionnaire-response-export.js';
export { importQuestionnaireResponse, type QuestionnaireResponseImport } from './fhir/questionnaire-response-import.js';
