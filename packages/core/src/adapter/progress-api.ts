import type { CallOptions } from '../schemas/common.js';
import type { Goal, GoalRatingInput, ProgressView } from '../schemas/progress.js';

/** One episode of care's goals and outcome measures, opened by a token from a link. */
export interface ProgressApi {
  /** The episode, its goals, measure series and what is due. `token_invalid`, `token_expired`. */
  loadProgress(token: string, options?: CallOptions): Promise<ProgressView>;
  /**
   * The patient's rating of one goal. Idempotent on `clientId`: sending it again returns the goal
   * with the rating stored the first time. Returns the goal with the new rating.
   */
  rateGoal(token: string, rating: GoalRatingInput, options?: CallOptions): Promise<Goal>;
}
