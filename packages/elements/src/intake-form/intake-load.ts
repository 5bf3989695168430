/**
 * Loading an intake: a form run from `.definition`, or the session an adapter holds for a token.
 * The adapter's reply is parsed once, by `AdapterCalls` with `intakeReplySchemas` (the definition
 * included); only what a schema cannot say is checked here, on the parsed value.
 */
import { AdapterError, type intakeReplySchemas } from '@pxm/core';
import {
  checkFormDefinition,
  definitionProblemsOfReply,
  definitionRuleProblems,
  FormEngine,
  type Answers,
  type DefinitionProblem,
  type FormDefinition,
  type IntakeSession,
} from '@pxm/core/forms';
import type { ReportFailure } from '../controllers/adapter-calls.js';
import type { AdapterCalls } from '../controllers/adapter-calls.js';

export type IntakeCalls = AdapterCalls<'intake', typeof intakeReplySchemas>;

export type Loaded =
  | { kind: 'none' }
  | { kind: 'no-adapter' }
  | { kind: 'invalid'; formId: string | undefined; problems: DefinitionProblem[] }
  | { kind: 'submitted'; formId: string; responseId: string | undefined }
  | { kind: 'form'; definition: FormDefinition; engine: FormEngine; session: IntakeSession | undefined };

export type LoadedForm = Extract<Loaded, { kind: 'form' }>;

export interface LoadRequest {
  readonly token: string | undefined;
  readonly hasAdapter: boolean;
  readonly definition: FormDefinition | undefined;
  /** Answers to start a local form with (`.answers` set before it loaded). */
  readonly prefill: Answers | undefined;
}

export async function loadIntake(request: LoadRequest, calls: IntakeCalls, signal: AbortSignal, report: ReportFailure): Promise<Loaded> {
  const { token } = request;
  if (!token) {
    if (!request.definition) return { kind: 'none' };
    // A definition given as a value is parsed here, once, with `FormDefinitionSchema`.
    const check = checkFormDefinition(request.definition);
    const givenId = (request.definition as { id?: unknown }).id;
    if (!check.definition) return { kind: 'invalid', formId: typeof givenId === 'string' ? givenId : undefined, problems: check.problems };
    return { kind: 'form', definition: check.definition, engine: new FormEngine(check.definition, request.prefill ?? {}), session: undefined };
  }
  if (!request.hasAdapter) return { kind: 'no-adapter' };
  let session: IntakeSession;
  try {
    session = await calls.run('loadForm', (api, callSignal) => api.loadForm(token, { signal: callSignal }), { signal, report: false });
  } catch (error) {
    // A reply refused only for its definition: the developer's panel says what is wrong with it.
    const problems = AdapterError.is(error) && error.code === 'server' ? definitionProblemsOfReply(error.issues) : undefined;
    if (problems) return { kind: 'invalid', formId: undefined, problems };
    throw report(error, 'intake.loadForm') ?? error;
  }
  if (session.status === 'submitted') return { kind: 'submitted', formId: session.formId, responseId: session.responseId };
  const problems = definitionRuleProblems(session.definition);
  if (problems.length > 0) return { kind: 'invalid', formId: session.formId, problems };
  return { kind: 'form', definition: session.definition, engine: new FormEngine(session.definition, session.draft?.answers ?? {}), session };
}

/** The draft the backend holds now (autosave's conflict check, "Use the saved answers"). */
export async function loadLatestDraft(calls: IntakeCalls, token: string, signal: AbortSignal | undefined, report: boolean) {
  const session = await calls.run('loadForm', (api, callSignal) => api.loadForm(token, { signal: callSignal }), { ...(signal ? { signal } : {}), report });
  return session.draft;
}
