import type { CallOptions } from '../schemas/common.js';
import type {
  AttachmentRef,
  AttachmentUpload,
  Draft,
  IntakeResponse,
  IntakeSession,
  SaveDraftRequest,
  SubmitIntakeRequest,
} from '../schemas/intake.js';

/** Digital intake opened by a token from a link. */
export interface IntakeApi {
  /** The form, the saved draft (if any) and prior scores. `token_invalid`, `token_expired`. */
  loadForm(token: string, options?: CallOptions): Promise<IntakeSession>;
  /** Saves a draft built on `baseVersion`; `conflict` if the draft changed elsewhere meanwhile. */
  saveDraft(token: string, request: SaveDraftRequest, options?: CallOptions): Promise<Draft>;
  /** Stores a file (binary, never base64 inside answers) and returns the reference to put in answers. */
  uploadAttachment(token: string, file: Blob, upload: AttachmentUpload, options?: CallOptions): Promise<AttachmentRef>;
  /** Submits once per idempotency key; a second submit of the token is `already_submitted`. */
  submit(token: string, request: SubmitIntakeRequest, options?: CallOptions): Promise<IntakeResponse>;
}
