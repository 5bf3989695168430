/** The schema of each progress method's reply (see reply-schemas.ts): apart, so only a progress page carries it. */
import { GoalSchema, ProgressViewSchema } from '../schemas/progress.js';

export const progressReplySchemas = {
  loadProgress: ProgressViewSchema,
  rateGoal: GoalSchema,
} as const;
