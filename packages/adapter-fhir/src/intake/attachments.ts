/**
 * An upload is a Binary (raw bytes, posted with their own content type: never base64 inside
 * answers) indexed by a DocumentReference for the patient and the invitation, typed as a health
 * insurance card (LOINC 64290-0) when that is its purpose. The answer refers to the Binary.
 */
import type { AttachmentRef, AttachmentUpload } from '@pxm/core/forms';
import type { FhirContext } from '../context.js';
import { ATTACHMENT_PURPOSE_CODE_SYSTEM, LOINC_SYSTEM } from '../fhir/namespace.js';
import type { DocumentReference } from '../fhir/types.js';
import type { Invitation } from './invitation.js';

const INSURANCE_CARD = { system: LOINC_SYSTEM, code: '64290-0', display: 'Health insurance card' };

function describe(purpose: string | undefined): string {
  const card = /^insurance-card-(front|back)$/.exec(purpose ?? '');
  return card ? `Insurance card (${card[1]})` : purpose ? purpose.replace(/-/g, ' ') : 'Uploaded file';
}

export function toDocumentReference(binaryId: string, upload: AttachmentUpload, size: number, invitation: Invitation, created: string): DocumentReference {
  const isCard = upload.purpose?.startsWith('insurance-card') ?? false;
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: isCard ? { coding: [INSURANCE_CARD], text: describe(upload.purpose) } : { text: describe(upload.purpose) },
    ...(upload.purpose ? { category: [{ coding: [{ system: ATTACHMENT_PURPOSE_CODE_SYSTEM, code: upload.purpose }] }] } : {}),
    ...(invitation.patientRef ? { subject: { reference: invitation.patientRef } } : {}),
    date: created,
    description: describe(upload.purpose),
    content: [{ attachment: { contentType: upload.contentType, url: `Binary/${binaryId}`, size, title: describe(upload.purpose), creation: created } }],
    context: { related: [{ reference: `Task/${invitation.task.id ?? ''}` }] },
  };
}

export async function storeAttachment(ctx: FhirContext, invitation: Invitation, file: Blob, upload: AttachmentUpload, operation: string, signal?: AbortSignal): Promise<AttachmentRef> {
  const binaryId = await ctx.client.uploadBinary(operation, file, upload.contentType, signal);
  await ctx.client.create(operation, toDocumentReference(binaryId, upload, file.size, invitation, ctx.now().toISOString()), { signal });
  return { id: binaryId, contentType: upload.contentType, size: file.size, ...(upload.purpose ? { purpose: upload.purpose } : {}) };
}
