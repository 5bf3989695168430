/**
 * Issuing the links a patient opens: an intake form, a home exercise program, a survey. Each is a
 * fresh token shown once (only its hash is stored). The admin API issues them on request; the
 * patient journey issues them itself (the intake link at booking, the program at a completed
 * visit, the survey at discharge), inside the transaction that schedules the message.
 */
import type { FormDefinition, PromScore } from '@pxm/core/forms';
import type { HepProgram } from '@pxm/core/hep';
import type { SurveyDefinition } from '@pxm/core/survey';
import type { Queryable } from '../db/database.js';
import { hashToken, newId, newLinkToken } from '../tokens.js';

export interface IssuedLink {
  id: string;
  token: string;
  expiresAt?: string;
}

export const DEFAULT_LINK_DAYS = { intake: 30, hep: 180, survey: 30 } as const;

const inDays = (nowMs: number, days: number) => nowMs + days * 86_400_000;

export async function issueIntakeLink(
  q: Queryable,
  input: { form: FormDefinition; expiresAt?: string | undefined; priorScores?: PromScore[] | undefined },
  nowMs: number,
): Promise<IssuedLink> {
  const token = newLinkToken();
  const id = newId('intake');
  const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : inDays(nowMs, DEFAULT_LINK_DAYS.intake);
  await q.run('INSERT INTO intake_links (id, token_hash, form, expires_at, prior_scores, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    hashToken(token),
    JSON.stringify(input.form),
    expiresAt,
    JSON.stringify(input.priorScores ?? []),
    nowMs,
  ]);
  return { id, token, expiresAt: new Date(expiresAt).toISOString() };
}

export async function issueHepProgram(q: Queryable, input: { program: HepProgram; expiresAt?: string | undefined }, nowMs: number): Promise<IssuedLink & { version: number }> {
  const token = newLinkToken();
  const id = newId('hep');
  const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : inDays(nowMs, DEFAULT_LINK_DAYS.hep);
  const version = input.program.version;
  await q.run('INSERT INTO hep_programs (id, token_hash, program, version, expires_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)', [
    id,
    hashToken(token),
    JSON.stringify(input.program),
    version,
    expiresAt,
    nowMs,
  ]);
  return { id, token, version, expiresAt: new Date(expiresAt).toISOString() };
}

export async function issueSurveyInvitation(q: Queryable, input: { survey: SurveyDefinition; expiresAt?: string | undefined }, nowMs: number): Promise<IssuedLink> {
  const token = newLinkToken();
  const id = newId('inv');
  const expiresAt = input.expiresAt ? Date.parse(input.expiresAt) : inDays(nowMs, DEFAULT_LINK_DAYS.survey);
  await q.run("INSERT INTO survey_invitations (id, token_hash, definition, expires_at, partial_answers, created_at) VALUES ($1, $2, $3, $4, '{}', $5)", [
    id,
    hashToken(token),
    JSON.stringify(input.survey),
    expiresAt,
    nowMs,
  ]);
  return { id, token, expiresAt: new Date(expiresAt).toISOString() };
}
