/**
 * The survey capability on FHIR. The invitation token opens a Task whose focus is the survey's
 * Questionnaire; the one response per token is a QuestionnaireResponse whose identifier is the
 * token. Partial answers keep it `in-progress`; the first submit turns it `completed`, made by a
 * conditional create (`If-None-Exist: identifier=<token>`) or a version-checked update
 * (`If-Match`), so of any number of concurrent submits exactly one wins and the rest are
 * `already_submitted`. A private note to the practice is a Communication, once per key.
 */
import { AdapterError, parseRequest, type CallOptions, type SurveyApi } from '@pxm/core';
import {
  SendSurveyFeedbackRequestSchema,
  SubmitSurveyRequestSchema,
  SurveyAnswersSchema,
  npsScoreOf,
  validateSurveyAnswers,
  type SurveyAnswerIssue,
  type SurveyAnswers,
  type SurveyInvitation,
  type SurveyResponse,
} from '@pxm/core/survey';
import type { FhirContext } from '../context.js';
import type { Communication, Organization } from '../fhir/types.js';
import {
  completeTask,
  findInvitation,
  findLinkResponse,
  firstResponse,
  fromOrganization,
  isConflict,
  isDone,
  isExpired,
  questionnaireReader,
  submitOnce,
  token,
  REQUEST_KEY_IDENTIFIER,
  type Invitation,
} from '../area-plumbing.js';
import { surveyFromQuestionnaireResource } from './questionnaire-survey.js';
import { partialAnswersOf, surveyResponse } from './survey-response.js';

const CAS_ATTEMPTS = 6;
/** An invitation that states no expiry is treated as open for a year from when it was sent. */
const DEFAULT_VALIDITY_MS = 365 * 86_400_000;

function invalidAnswers(issues: SurveyAnswerIssue[], operation: string): AdapterError {
  return new AdapterError('validation', 'Some answers do not fit the survey.', {
    operation,
    issues: issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.problem })),
  });
}

export function createFhirSurvey(ctx: FhirContext): SurveyApi {
  const surveyOf = questionnaireReader(ctx, 'survey', surveyFromQuestionnaireResource);
  const findResponse = (linkToken: string, operation: string, signal?: AbortSignal) => findLinkResponse(ctx, linkToken, operation, signal);

  async function practiceOf(invitation: Invitation, operation: string, signal?: AbortSignal) {
    const orgId = invitation.organizationId ?? (ctx.practice.organizationId || undefined);
    if (!orgId) throw new AdapterError('server', 'The invitation names no practice.', { operation, retryable: false });
    return fromOrganization((await ctx.client.read<Organization>(operation, 'Organization', orgId, signal)).resource);
  }

  function expiresAtOf(invitation: Invitation): string {
    if (invitation.expiresAt) return invitation.expiresAt;
    const sent = Date.parse(invitation.task.authoredOn ?? invitation.task.meta?.lastUpdated ?? '');
    return new Date((Number.isFinite(sent) ? sent : ctx.now().getTime()) + DEFAULT_VALIDITY_MS).toISOString();
  }

  const answered = (operation: string) => new AdapterError('already_submitted', 'This survey was already answered.', { operation });
  const expired = (operation: string) => new AdapterError('token_expired', 'This survey link has expired.', { operation });

  const api: SurveyApi = {
    async loadInvitation(linkToken, opts?: CallOptions) {
      const operation = 'survey.loadInvitation';
      const invitation = await findInvitation(ctx, linkToken, operation, opts?.signal);
      const [survey, response, practice] = await Promise.all([
        surveyOf(invitation, operation, opts?.signal),
        findResponse(linkToken, operation, opts?.signal),
        practiceOf(invitation, operation, opts?.signal),
      ]);
      // Handed on as built (an expiry may be missing): the element validates the reply, its boundary.
      const reply = {
        id: invitation.task.id,
        status: isDone(response) ? 'answered' : isExpired(ctx, invitation) ? 'expired' : 'open',
        expiresAt: expiresAtOf(invitation),
        definition: survey.survey,
        partialAnswers: partialAnswersOf(response, survey),
        practiceName: practice.name,
        reviewLinks: practice.reviewLinks ?? [],
      };
      return reply as SurveyInvitation;
    },

    async savePartial(linkToken, answers, opts?: CallOptions) {
      const operation = 'survey.savePartial';
      const parsed = parseRequest(SurveyAnswersSchema, answers, operation);
      const invitation = await findInvitation(ctx, linkToken, operation, opts?.signal);
      const survey = await surveyOf(invitation, operation, opts?.signal);
      for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
        const existing = await findResponse(linkToken, operation, opts?.signal);
        if (isDone(existing)) throw answered(operation);
        if (isExpired(ctx, invitation)) throw expired(operation);
        const issues = validateSurveyAnswers(survey.survey, parsed, { partial: true });
        if (issues.length > 0) throw invalidAnswers(issues, operation);
        // Merged by question on the latest stored answers; `null` clears one.
        const merged: SurveyAnswers = { ...partialAnswersOf(existing, survey), ...parsed };
        for (const [id, value] of Object.entries(merged)) if (value === null) delete merged[id];
        try {
          if (existing) {
            await ctx.client.update(operation, surveyResponse(survey, { linkToken, patientRef: invitation.patientRef, answers: merged, authored: ctx.now().toISOString(), status: 'in-progress', existing }), { ifMatch: existing.meta?.versionId, signal: opts?.signal });
            return;
          }
          const written = await ctx.client.create(operation, surveyResponse(survey, { linkToken, patientRef: invitation.patientRef, answers: merged, authored: ctx.now().toISOString(), status: 'in-progress' }), {
            ifNoneExist: firstResponse(linkToken),
            signal: opts?.signal,
          });
          if (written.created) return;
          // Another tab made the response first: merge onto it.
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
      throw new AdapterError('conflict', 'The answers kept changing while they were saved.', { operation, retryable: true });
    },

    async submit(linkToken, request, opts?: CallOptions) {
      const operation = 'survey.submit';
      const req = parseRequest(SubmitSurveyRequestSchema, request, operation);
      const invitation = await findInvitation(ctx, linkToken, operation, opts?.signal);
      const survey = await surveyOf(invitation, operation, opts?.signal);
      const response = await submitOnce(ctx, {
        linkToken,
        submissionKey: req.idempotencyKey,
        attempts: CAS_ATTEMPTS,
        operation,
        signal: opts?.signal,
        check: () => {
          if (isExpired(ctx, invitation)) throw expired(operation);
          const issues = validateSurveyAnswers(survey.survey, req.answers);
          if (issues.length > 0) throw invalidAnswers(issues, operation);
        },
        completed: (existing) =>
          surveyResponse(survey, {
            linkToken,
            patientRef: invitation.patientRef,
            answers: req.answers,
            authored: ctx.now().toISOString(),
            status: 'completed',
            submissionKey: req.idempotencyKey,
            existing,
          }),
        submitted: () => answered(operation),
      });
      await completeTask(ctx, invitation, response.id ?? '', operation, opts?.signal);
      const score = npsScoreOf(survey.survey, req.answers);
      const reply = { id: response.id, invitationId: invitation.task.id, submittedAt: response.authored ?? response.meta?.lastUpdated, ...(score === undefined ? {} : { npsScore: score }) };
      return reply as SurveyResponse;
    },

    async sendFeedback(linkToken, request, opts?: CallOptions) {
      const operation = 'survey.sendFeedback';
      const req = parseRequest(SendSurveyFeedbackRequestSchema, request, operation);
      const invitation = await findInvitation(ctx, linkToken, operation, opts?.signal);
      if (isExpired(ctx, invitation)) throw expired(operation);
      const org = invitation.organizationId ?? (ctx.practice.organizationId || undefined);
      const note: Communication = {
        resourceType: 'Communication',
        identifier: [{ use: 'secondary', system: REQUEST_KEY_IDENTIFIER, value: req.idempotencyKey }],
        status: 'completed',
        category: [{ text: 'Private feedback from a satisfaction survey' }],
        ...(invitation.patientRef ? { subject: { reference: invitation.patientRef }, sender: { reference: invitation.patientRef } } : {}),
        about: [{ reference: `Task/${invitation.task.id ?? ''}` }],
        sent: ctx.now().toISOString(),
        ...(org ? { recipient: [{ reference: `Organization/${org}` }] } : {}),
        payload: [{ contentString: req.message }],
      };
      await ctx.client.create(operation, note, { ifNoneExist: { identifier: token(REQUEST_KEY_IDENTIFIER, req.idempotencyKey) }, signal: opts?.signal });
    },
  };
  return api;
}
