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

/**
 * Whether a rating sent again under its client id is the one stored (the same level, the same
 * note as kept): a retry, answered with the stored rating. Anything else under that id is a
 * conflict, since the client id is the rating's idempotency key.
 */
export function isSameGoalRating(stored: GoalRating, input: Pick<GoalRatingInput, 'level' | 'note'>): boolean {
  const made = goalRatingOf(input, stored);
  return made.level === stored.level && made.note === stored.note;
}

/** The goal with the rating among its ratings, oldest first (ties keep the order they came in). */
export function withRating(goal: Goal, rating: GoalRating): Goal {
  const ratings = [...goal.ratings, rating]
    .map((entry, position) => ({ entry, position, at: Date.parse(entry.ratedAt) }))
    .sort((left, right) => left.at - right.at || left.position - right.position)
    .map(({ entry }) => entry);
  return { ...goal, ratings };
}
