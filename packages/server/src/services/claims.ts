/**
 * Slot claims: the database rows that make "one booking per provider and time" a constraint.
 * A live hold or a booked visit owns one row per 5-minute cell it occupies (its buffer
 * included); the primary key (provider, cell) refuses a second owner, whatever process asks.
 */
import type { Queryable } from '../db/database.js';

export const CELL_MS = 5 * 60_000;

export function cellsOf(startMs: number, endMs: number): number[] {
  const cells: number[] = [];
  for (let cell = Math.floor(startMs / CELL_MS); cell * CELL_MS < endMs; cell++) cells.push(cell);
  return cells;
}

/**
 * Claims every cell for a hold, after clearing lapsed holds' claims on those cells. Resolves to
 * false (claiming nothing: the caller rolls back) when any cell is already owned.
 */
export async function claimForHold(
  tx: Queryable,
  hold: { id: string; providerId: string; startMs: number; occupiedEndMs: number; expiresAt: number },
  nowMs: number,
): Promise<boolean> {
  const cells = cellsOf(hold.startMs, hold.occupiedEndMs);
  const first = cells[0]!;
  const last = cells[cells.length - 1]!;
  // Cells in ascending order, so two overlapping claims always meet on the same row first.
  const values = cells.map((_, i) => `($1, $${i + 4}, $2, $3)`).join(', ');
  // Both go out together (pipelined on PostgreSQL); the database runs them in this order.
  const [, inserted] = await Promise.all([
    tx.run('DELETE FROM slot_claims WHERE provider_id = $1 AND cell >= $2 AND cell <= $3 AND expires_at IS NOT NULL AND expires_at <= $4', [
      hold.providerId,
      first,
      last,
      nowMs,
    ]),
    tx.run(`INSERT INTO slot_claims (provider_id, cell, hold_id, expires_at) VALUES ${values} ON CONFLICT (provider_id, cell) DO NOTHING`, [
      hold.providerId,
      hold.id,
      hold.expiresAt,
      ...cells,
    ]),
  ]);
  return inserted === cells.length;
}

/** Moves a hold's claims to the appointment it became; false if the claims are gone. */
export async function convertClaims(tx: Queryable, holdId: string, appointmentId: string, expectedCells: number): Promise<boolean> {
  const moved = await tx.run('UPDATE slot_claims SET hold_id = NULL, appointment_id = $2, expires_at = NULL WHERE hold_id = $1', [
    holdId,
    appointmentId,
  ]);
  return moved === expectedCells;
}
