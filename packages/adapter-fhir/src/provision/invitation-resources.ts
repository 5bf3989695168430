/**
 * Invitations as the adapter opens them: a Task per link token (identifier = the token, with the
 * link's expiry as the identifier's period), pointing at the Questionnaire to complete and the
 * patient it is for.
 */
import { LINK_TOKEN_IDENTIFIER } from '../fhir/namespace.js';
import type { Task } from '../fhir/types.js';
import { SDC_TASK_SYSTEM } from '../intake/invitation.js';

export interface QuestionnaireInvitation {
  id?: string;
  token: string;
  /** ISO instant after which the link no longer opens. */
  expiresAt?: string;
  questionnaireId: string;
  patientId?: string;
  organizationId?: string;
  authoredOn: string;
}

export function questionnaireTask(invitation: QuestionnaireInvitation): Task {
  return {
    resourceType: 'Task',
    ...(invitation.id ? { id: invitation.id } : {}),
    identifier: [{ use: 'secondary', system: LINK_TOKEN_IDENTIFIER, value: invitation.token, ...(invitation.expiresAt ? { period: { end: invitation.expiresAt } } : {}) }],
    status: 'requested',
    intent: 'order',
    code: { coding: [{ system: SDC_TASK_SYSTEM, code: 'complete-questionnaire' }], text: 'Complete the questionnaire' },
    focus: { reference: `Questionnaire/${invitation.questionnaireId}` },
    ...(invitation.patientId ? { for: { reference: `Patient/${invitation.patientId}` } } : {}),
    authoredOn: invitation.authoredOn,
    ...(invitation.organizationId ? { requester: { reference: `Organization/${invitation.organizationId}` } } : {}),
    ...(invitation.expiresAt ? { restriction: { period: { end: invitation.expiresAt } } } : {}),
  };
}
