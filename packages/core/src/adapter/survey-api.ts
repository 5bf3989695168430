import type { CallOptions } from '../schemas/common.js';
import type { SubmitSurveyRequest, SurveyAnswers, SurveyInvitation, SurveyResponse } from '../schemas/survey.js';

/** Satisfaction survey opened by an invitation token. One response per token, ever. */
export interface SurveyApi {
  /** The invitation in any state (open, answered, expired). Unknown tokens: `token_invalid`. */
  loadInvitation(token: string, options?: CallOptions): Promise<SurveyInvitation>;
  /** Keeps partial answers so the same link resumes. `already_submitted`, `token_expired`. */
  savePartial(token: string, answers: SurveyAnswers, options?: CallOptions): Promise<void>;
  /**
   * Stores the response exactly once. A retry with the same idempotency key returns the same
   * response; any other second submit (another tab) is `already_submitted`, even when concurrent.
   */
  submit(token: string, request: SubmitSurveyRequest, options?: CallOptions): Promise<SurveyResponse>;
}
