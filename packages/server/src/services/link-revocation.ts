/**
 * Revoking a link: a practice takes back a manage, intake, HEP, survey, progress or referral
 * booking link it sent (a message
 * that went to the wrong person, a device that was lost). The link's record stays, so the visit,
 * the answers and the logs are kept; only the token stops opening it. Afterwards the link answers
 * `token_invalid`, exactly like a token that never existed, so it tells a holder nothing.
 */
import { AdapterError } from '@pxm/core';
import type { Queryable } from '../db/database.js';
import { hashToken, newLinkToken } from '../tokens.js';
import { tokenHashOf } from './link-token.js';

export const LINK_KINDS = ['manage', 'intake', 'hep', 'survey', 'progress', 'referral-booking'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkRevocationRequest {
  kind: LinkKind;
  /** The record the link opens: the appointment, intake link, HEP program, survey invitation or
   * progress episode id, or the referral booking link's own id. */
  id?: string | undefined;
  /** Or the token itself, when the practice has it and not the id. */
  token?: string | undefined;
}

/** Where each kind's token hash lives. */
const TABLES: Record<LinkKind, { table: string; column: string }> = {
  manage: { table: 'appointments', column: 'manage_token_hash' },
  intake: { table: 'intake_links', column: 'token_hash' },
  hep: { table: 'hep_programs', column: 'token_hash' },
  survey: { table: 'survey_invitations', column: 'token_hash' },
  progress: { table: 'progress_episodes', column: 'token_hash' },
  'referral-booking': { table: 'referral_booking_links', column: 'token_hash' },
};

const OPERATION = 'admin.revokeLink';

/**
 * Revokes one link; revoking it again is no error. A manage link's hash is cleared (the column
 * allows none, as after a reschedule); the other kinds require a hash, so theirs becomes the
 * hash of a fresh random token that was never shown to anyone.
 */
export async function revokeLink(db: Queryable, request: LinkRevocationRequest): Promise<{ kind: LinkKind; id: string }> {
  const { table, column } = TABLES[request.kind];
  if ((request.id === undefined) === (request.token === undefined)) {
    throw new AdapterError('validation', 'Give either the id or the token of the link to revoke.', { operation: OPERATION });
  }
  const where = request.id !== undefined ? 'id = $1' : `${column} = $1`;
  const key = request.id ?? tokenHashOf(request.token, OPERATION);
  const replacement = request.kind === 'manage' ? null : hashToken(`revoked:${newLinkToken()}`);
  const row = await db.get<{ id: string }>(`UPDATE ${table} SET ${column} = $2 WHERE ${where} RETURNING id`, [key, replacement]);
  if (!row) throw new AdapterError('not_found', 'No such link.', { operation: OPERATION });
  return { kind: request.kind, id: row.id };
}
