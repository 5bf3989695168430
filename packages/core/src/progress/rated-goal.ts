/**
 * What a reply to the patient's rating must be before an element says "saved": the goal that was
 * rated, holding a rating by the patient. The schema cannot say it (it sees one goal, not the
 * request); a reply that is another goal, or lost the rating, would clear what the patient typed
 * and announce a rating nobody stored.
 */
import { AdapterError } from '../errors/adapter-error.js';
import type { Goal, GoalRating } from '../schemas/progress.js';

/** The patient's latest rating of `goal` (ratings are kept oldest first). */
export function latestPatientRating(goal: Goal): GoalRating | undefined {
  return goal.ratings.findLast((rating) => rating.author === 'patient');
}

/** Returns `goal` when it is the goal `goalId` with a rating by the patient; otherwise throws `server`. */
export function requireRatedGoal(goal: Goal, goalId: string, operation = 'progress.rateGoal'): Goal {
  if (goal.id === goalId && latestPatientRating(goal)) return goal;
  throw new AdapterError('server', `The reply to ${operation} is not the rated goal with the patient's rating.`, { operation });
}
