import type { CallOptions } from '../schemas/common.js';
import type { SendSurveyFeedbackRequest, SubmitSurveyRequest, SurveyAnswers, SurveyInvitation, SurveyResponse } from '../schemas/survey.js';

/** Satisfaction survey opened by an invitation token. One response per token, ever. */
export interface SurveyApi {
  /** The invitation in any state (open, answered, expired). Unknown tokens: `token_invalid`. */
  loadInvitation(token: string, options?: CallOptions): Promise<SurveyInvitation>;
  /**
   * Keeps partial answers (merged by question; `null` clears one) so the same link resumes.
   * `already_submitted`, `token_expired`; answers that break the definition are `validation`.
   */
  savePartial(token: string, answers: SurveyAnswers, options?: CallOptions): Promise<void>;
  /**
   * Stores the response exactly once. A retry with the same idempotency key returns the same
   * response; any other second submit (another tab) is `already_submitted`, even when concurrent.
   * Answers are checked against the definition (`validateSurveyAnswers`): `validation` otherwise.
   */
  submit(token: string, request: SubmitSurveyRequest, options?: CallOptions): Promise<SurveyResponse>;
  /**
   * Optional: a private note to the practice, offered beside the public review links. Accepted
   * while the invitation is valid (`token_invalid`, `token_expired` otherwise); a retry with the
   * same idempotency key stores nothing new. Without it, the element tells the patient that their
   * answers already reach only the practice.
   */
  sendFeedback?(token: string, request: SendSurveyFeedbackRequest, options?: CallOptions): Promise<void>;
}
