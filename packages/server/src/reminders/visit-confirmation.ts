/**
 * A patient says they will come: by a reply to a reminder (`C`/`YES`), the manage link's
 * "I'll be there", or staff on their behalf. Recorded once (the first confirmation stands), and
 * the practice's webhook is told once.
 */
import type { ServerContext } from '../context.js';

export type ConfirmationChannel = 'sms' | 'manage-link' | 'staff';

/** True when this call confirmed the visit (false: already confirmed, or not a booked visit). */
export async function confirmVisit(ctx: ServerContext, appointmentId: string, via: ConfirmationChannel): Promise<boolean> {
  const now = ctx.now().getTime();
  const changed = await ctx.db.run("UPDATE appointments SET confirmed_at = $2, confirmed_via = $3 WHERE id = $1 AND status = 'booked' AND confirmed_at IS NULL", [
    appointmentId,
    now,
    via,
  ]);
  if (changed === 1) await ctx.messaging.notifyPractice({ kind: 'appointment.confirmed', appointmentId, confirmedAt: new Date(now).toISOString(), via });
  return changed === 1;
}
