/**
 * A patient's rating of a goal, added to the goal's ratings (oldest first). Backends call this;
 * idempotency on the client-made id is theirs, since it lives in storage.
 */
import type { Goal, GoalRating, GoalRatingInput } from '../schemas/progress.js';

export function withPatientRating(goal: Goal, input: GoalRatingInput, stored: { id: string; ratedAt: string }): Goal {
  const rating: GoalRating = {
    id: stored.id,
    author: 'patient',
    ...(input.level === undefined ? {} : { level: input.level }),
    ...(input.note === undefined || input.note.trim() === '' ? {} : { note: input.note.trim() }),
    ratedAt: stored.ratedAt,
  };
  return { ...goal, ratings: [...goal.ratings, rating].sort((left, right) => Date.parse(left.ratedAt) - Date.parse(right.ratedAt)) };
}
