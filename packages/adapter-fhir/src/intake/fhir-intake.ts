/**
 * The intake capability on FHIR. The link token opens a Task; its Questionnaire becomes the form
 * through the form engine's import; the patient's work is one QuestionnaireResponse per token
 * (identifier = the token): `in-progress` while drafting, each save checked against the version
 * it builds on (`If-Match` with the stored versionId, so two tabs cannot overwrite each other),
 * `completed` on submit, which also writes PROM Observations, Consent and Provenance for signed
 * consents, and marks the Task done.
 */
import { AdapterError, parseRequest, type CallOptions, type IntakeApi } from '@pxm/core';
import {
  AttachmentUploadSchema,
  MAX_ATTACHMENT_BYTES,
  SaveDraftRequestSchema,
  SubmitIntakeRequestSchema,
  responseAnswersOf,
  storableAnswersOf,
  type Answers,
  type FormDefinition,
  type IntakeResponse,
} from '@pxm/core/forms';
import { scoreForm, type PromResult } from '@pxm/core/prom';
import type { FhirContext } from '../context.js';
import type { QuestionnaireResponse } from '../fhir/types.js';
import { storeAttachment } from './attachments.js';
import { writeConsentRecords } from './consent-records.js';
import {
  completeTask,
  findLinkResponse,
  firstResponse,
  isConflict,
  isDone,
  openInvitation,
  questionnaireReader,
  submitOnce,
  type Invitation,
} from '../area-plumbing.js';
import { priorScores, writeScores } from './prom-observations.js';
import { formFromQuestionnaire } from './questionnaire-form.js';
import { completedResponse, draftOf, draftResponse, draftVersionOf, type ResponseContext } from './response-mapping.js';

const CAS_ATTEMPTS = 4;

export function createFhirIntake(ctx: FhirContext): IntakeApi {
  const formOf = questionnaireReader(ctx, 'form', (questionnaire) => {
    const imported = formFromQuestionnaire(questionnaire);
    return { value: imported.definition, issues: imported.issues };
  });
  const findResponse = (linkToken: string, operation: string, signal?: AbortSignal) => findLinkResponse(ctx, linkToken, operation, signal);

  function contextFor(invitation: Invitation, definition: FormDefinition, linkToken: string): ResponseContext {
    return { definition, linkToken, subject: invitation.patientRef, authored: ctx.now().toISOString() };
  }

  const submitted = (operation: string) => new AdapterError('already_submitted', 'This form was already submitted.', { operation });

  /** Scores, consent records and the Task's completion: each written once, so a retry may run them again. */
  async function followUps(invitation: Invitation, definition: FormDefinition, answers: Answers, response: QuestionnaireResponse, operation: string, signal?: AbortSignal): Promise<PromResult[]> {
    const responseId = response.id ?? '';
    const results = scoreForm(definition, responseAnswersOf(definition, answers));
    const scored = results.filter((result): result is PromResult & { score: number } => result.score !== null);
    const effective = response.authored ?? ctx.now().toISOString();
    await writeScores(ctx, scored, definition.scoring ?? [], responseId, invitation.patientRef, effective, operation, signal);
    await writeConsentRecords(ctx, definition, answers, responseId, invitation.patientRef, operation, signal);
    await completeTask(ctx, invitation, responseId, operation, signal);
    return scored;
  }

  function toIntakeResponse(definition: FormDefinition, response: QuestionnaireResponse, scores: PromResult[]): IntakeResponse {
    const submittedAt = response.authored ?? response.meta?.lastUpdated;
    // Handed on unvalidated: the element boundary validates the reply with the contract's schema.
    return {
      id: response.id,
      formId: definition.id,
      formVersion: definition.version,
      submittedAt,
      ...(scores.length > 0 ? { scores: scores.map((s) => ({ instrument: s.instrument, score: s.score!, recordedAt: submittedAt })) } : {}),
    } as IntakeResponse;
  }

  return {
    async loadForm(linkToken, opts?: CallOptions) {
      const operation = 'intake.loadForm';
      const invitation = await openInvitation(ctx, linkToken, operation, opts?.signal);
      const [definition, response, prior] = await Promise.all([
        formOf(invitation, operation, opts?.signal),
        findResponse(linkToken, operation, opts?.signal),
        priorScores(ctx, invitation.patientRef, operation, opts?.signal),
      ]);
      return {
        formId: definition.id,
        definition,
        status: isDone(response) ? 'submitted' : 'open',
        draft: response && !isDone(response) ? draftOf(response, definition) : null,
        priorScores: prior,
        ...(isDone(response) ? { responseId: response!.id } : {}),
      };
    },

    async saveDraft(linkToken, request, opts?: CallOptions) {
      const operation = 'intake.saveDraft';
      const req = parseRequest(SaveDraftRequestSchema, request, operation);
      const invitation = await openInvitation(ctx, linkToken, operation, opts?.signal);
      const [definition, existing] = await Promise.all([formOf(invitation, operation, opts?.signal), findResponse(linkToken, operation, opts?.signal)]);
      const conflict = () => new AdapterError('conflict', 'The draft was changed elsewhere.', { operation });
      if (isDone(existing)) throw submitted(operation);
      const context = contextFor(invitation, definition, linkToken);
      let written;
      if (!existing) {
        if (req.baseVersion !== 0) throw conflict();
        written = await ctx.client.create(operation, draftResponse(context, req.answers, req.pageId, 1), { ifNoneExist: firstResponse(linkToken), signal: opts?.signal });
        if (!written.created) throw isDone(written.resource) ? submitted(operation) : conflict();
      } else {
        const current = draftVersionOf(existing);
        if (req.baseVersion !== current) throw conflict();
        try {
          written = await ctx.client.update(operation, draftResponse(context, req.answers, req.pageId, current + 1, existing), { ifMatch: existing.meta?.versionId, signal: opts?.signal });
        } catch (error) {
          if (!isConflict(error)) throw error;
          const now = await findResponse(linkToken, operation, opts?.signal);
          throw isDone(now) ? submitted(operation) : conflict();
        }
      }
      return draftOf(written.resource, definition);
    },

    async uploadAttachment(linkToken, file, upload, opts?: CallOptions) {
      const operation = 'intake.uploadAttachment';
      const meta = parseRequest(AttachmentUploadSchema, upload, operation);
      if (!(file instanceof Blob) || file.size === 0 || file.size > MAX_ATTACHMENT_BYTES) {
        throw new AdapterError('validation', 'The file is empty or too large.', { operation, issues: [{ path: 'file', message: 'Size out of bounds.' }] });
      }
      const invitation = await openInvitation(ctx, linkToken, operation, opts?.signal);
      if (isDone(await findResponse(linkToken, operation, opts?.signal))) throw submitted(operation);
      return storeAttachment(ctx, invitation, file, meta, operation, opts?.signal);
    },

    async submit(linkToken, request, opts?: CallOptions) {
      const operation = 'intake.submit';
      const req = parseRequest(SubmitIntakeRequestSchema, request, operation);
      const invitation = await openInvitation(ctx, linkToken, operation, opts?.signal);
      const definition = await formOf(invitation, operation, opts?.signal);
      // The response is written from the answers as given: refuse those the form's rules refuse.
      storableAnswersOf(definition, req.answers, ctx.now(), operation);
      const context = contextFor(invitation, definition, linkToken);
      const response = await submitOnce(ctx, {
        linkToken,
        submissionKey: req.idempotencyKey,
        attempts: CAS_ATTEMPTS,
        operation,
        signal: opts?.signal,
        completed: (existing) => completedResponse(context, req.answers, req.idempotencyKey, existing),
        submitted: () => submitted(operation),
      });
      const scores = await followUps(invitation, definition, req.answers, response, operation, opts?.signal);
      return toIntakeResponse(definition, response, scores);
    },
  };
}
