import type { AdapterError } from '@pxm/core';
import type { PxmErrorDetail } from '../events/pxm-error-event.js';

export interface IntakeDraftSavedDetail {
  formId: string;
  /** The draft version now stored. */
  version: number;
  savedAt: string;
}

export interface IntakeSubmittedDetail {
  formId: string;
  responseId: string;
  submittedAt: string;
}

/** `pxm-error` from this element also names the form, the response and the items involved. */
export interface IntakeErrorDetail extends PxmErrorDetail {
  formId?: string;
  responseId?: string;
  /** Items of an invalid definition (`operation: 'intake.definition'`); never set from answers. */
  itemIds?: string[];
}

/** The detail of an intake `pxm-error`: the failure's code and operation, and the ids that apply. */
export function intakeErrorDetail(failure: AdapterError, operation: string, ids: { formId?: string | undefined; responseId?: string | undefined; itemIds?: readonly string[] | undefined }): IntakeErrorDetail {
  return {
    code: failure.code,
    operation: failure.operation ?? operation,
    ...(ids.formId ? { formId: ids.formId } : {}),
    ...(ids.responseId ? { responseId: ids.responseId } : {}),
    ...(ids.itemIds && ids.itemIds.length > 0 ? { itemIds: [...ids.itemIds] } : {}),
  };
}

/** A draft of the answers was saved through the adapter. */
export class PxmIntakeDraftSavedEvent extends CustomEvent<IntakeDraftSavedDetail> {
  static readonly eventName = 'pxm-intake-draft-saved';

  constructor(detail: IntakeDraftSavedDetail) {
    super(PxmIntakeDraftSavedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** The intake was submitted; the backend answered with the response id. */
export class PxmIntakeSubmittedEvent extends CustomEvent<IntakeSubmittedDetail> {
  static readonly eventName = 'pxm-intake-submitted';

  constructor(detail: IntakeSubmittedDetail) {
    super(PxmIntakeSubmittedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pxm-intake-draft-saved': PxmIntakeDraftSavedEvent;
    'pxm-intake-submitted': PxmIntakeSubmittedEvent;
  }
}
