/**
 * Ratings of a goal, by the patient or the therapist, kept oldest first. Backends call these;
 * idempotency on the client-made id is theirs, since it lives in storage.
 */
import type { Goal, GoalRating, GoalRatingInput, TherapistRatingInput } from '../schemas/progress.js';

/** A rating from what was sent: a blank note is no note. */
export function goalRatingOf(
  input: Pick<GoalRatingInput | TherapistRatingInput, 'level' | 'note'>,
  stored: { id: string; ratedAt: string; author: GoalRating['author']; authorName?: string | undefined },
): GoalRating {
  const note = input.note?.trim();
  return {
    id: stored.id,
    author: stored.author,
    ...(stored.authorName ? { authorName: stored.authorName } : {}),
    ...(input.level === undefined ? {} : { level: input.level }),
    ...(note ? { note } : {}),
    ratedAt: stored.ratedAt,
  };
}

/** The goal with the rating among its ratings, oldest first (ties keep the order they came in). */
export function withRating(goal: Goal, rating: GoalRating): Goal {
  const ratings = [...goal.ratings, rating]
    .map((entry, position) => ({ entry, position, at: Date.parse(entry.ratedAt) }))
    .sort((left, right) => left.at - right.at || left.position - right.position)
    .map(({ entry }) => entry);
  return { ...goal, ratings };
}
