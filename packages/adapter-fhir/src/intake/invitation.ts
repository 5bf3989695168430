/**
 * A link token opens a Task (SDC's "complete this questionnaire" task): the token is the Task's
 * identifier, the link's expiry that identifier's `period.end` (or `restriction.period.end`),
 * the Questionnaire its `focus`, the patient its `for`, the practice its `requester` or `owner`.
 */
import { AdapterError } from '@pxm/core';
import type { FhirContext } from '../context.js';
import { identifierOf, parseReference, token } from '../fhir/elements.js';
import { isWellFormedToken } from '../fhir/link-token.js';
import { LINK_TOKEN_IDENTIFIER } from '../fhir/namespace.js';
import type { Questionnaire, Task } from '../fhir/types.js';

export const SDC_TASK_SYSTEM = 'http://hl7.org/fhir/uv/sdc/CodeSystem/temp';
/** Questionnaire versions whose reading (a form, a survey) is kept. */
const CACHED_QUESTIONNAIRES = 20;

export interface Invitation {
  task: Task;
  version: string | undefined;
  expiresAt: string | undefined;
  patientRef: string | undefined;
  organizationId: string | undefined;
}

/** The invitation behind a token, whether or not it has expired; `token_invalid` when there is none. */
export async function findInvitation(ctx: FhirContext, linkToken: string, operation: string, signal?: AbortSignal): Promise<Invitation> {
  const invalid = () => new AdapterError('token_invalid', 'This link is not valid.', { operation });
  if (!isWellFormedToken(linkToken)) throw invalid();
  const found = await ctx.client.search<Task>(operation, 'Task', { identifier: token(LINK_TOKEN_IDENTIFIER, linkToken) }, signal);
  const tasks = found.matches.filter((task) => identifierOf(task, LINK_TOKEN_IDENTIFIER)?.value === linkToken);
  if (tasks.length !== 1) throw invalid();
  const task = tasks[0]!;
  if (task.status === 'cancelled' || task.status === 'rejected' || task.status === 'entered-in-error') throw invalid();
  const expiresAt = identifierOf(task, LINK_TOKEN_IDENTIFIER)?.period?.end ?? task.restriction?.period?.end;
  const org = parseReference(task.owner)?.type === 'Organization' ? parseReference(task.owner) : parseReference(task.requester);
  return {
    task,
    version: task.meta?.versionId,
    expiresAt,
    patientRef: parseReference(task.for)?.type === 'Patient' ? task.for?.reference : undefined,
    organizationId: org?.type === 'Organization' ? org.id : undefined,
  };
}

export function isExpired(ctx: FhirContext, invitation: Invitation): boolean {
  return invitation.expiresAt !== undefined && Date.parse(invitation.expiresAt) <= ctx.now().getTime();
}

/** The invitation, refusing expired links with `token_expired`. */
export async function openInvitation(ctx: FhirContext, linkToken: string, operation: string, signal?: AbortSignal): Promise<Invitation> {
  const invitation = await findInvitation(ctx, linkToken, operation, signal);
  if (isExpired(ctx, invitation)) throw new AdapterError('token_expired', 'This link has expired.', { operation });
  return invitation;
}

/** The Questionnaire the Task points at: a literal `focus` reference, else a canonical `input`. */
export async function questionnaireOf(ctx: FhirContext, invitation: Invitation, operation: string, signal?: AbortSignal): Promise<Questionnaire> {
  const ref = parseReference(invitation.task.focus);
  if (ref?.type === 'Questionnaire') return (await ctx.client.read<Questionnaire>(operation, 'Questionnaire', ref.id, signal)).resource;
  const canonical = (invitation.task as { input?: Array<{ valueCanonical?: string }> }).input?.find((input) => input.valueCanonical)?.valueCanonical;
  if (canonical) {
    const [url, version] = canonical.split('|');
    const found = await ctx.client.search<Questionnaire>(operation, 'Questionnaire', { url: url!, ...(version ? { version } : {}) }, signal);
    const match = found.matches[0];
    if (match) return match;
  }
  throw new AdapterError('server', 'The invitation names no Questionnaire this adapter can read.', { operation, retryable: false });
}

/**
 * What an invitation's Questionnaire reads as (a form, a survey), read once per Questionnaire
 * version. One that does not read is the server's fault, reported with the first issues.
 */
export function questionnaireReader<T>(
  ctx: FhirContext,
  kind: string,
  read: (questionnaire: Questionnaire) => { value: T | undefined; issues: ReadonlyArray<{ path: string; message: string }> },
): (invitation: Invitation, operation: string, signal?: AbortSignal) => Promise<T> {
  const cache = new Map<string, T>();
  return async (invitation, operation, signal) => {
    const questionnaire = await questionnaireOf(ctx, invitation, operation, signal);
    const key = `${questionnaire.id ?? ''}|${questionnaire.meta?.versionId ?? questionnaire.version ?? ''}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const imported = read(questionnaire);
    if (!imported.value) {
      throw new AdapterError('server', `The Questionnaire could not be read as a ${kind}.`, {
        operation,
        retryable: false,
        issues: imported.issues.slice(0, 20).map((issue) => ({ path: issue.path, message: issue.message })),
      });
    }
    cache.set(key, imported.value);
    if (cache.size > CACHED_QUESTIONNAIRES) cache.delete(cache.keys().next().value!);
    return imported.value;
  };
}
