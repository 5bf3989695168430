/**
 * A signed consent as FHIR evidence: a Consent (what was agreed, the exact text as its source
 * attachment, the version as its policy rule) and a Provenance whose Signature is the patient's
 * (drawn strokes as SVG, or a typed name), with the audit facts FHIR's Signature lacks (method,
 * SHA-256 of the text shown, user agent) as extensions. Both are made once per response.
 */
import type { ConsentAnswer, FormDefinition, FormItem, SignatureRecord, Answers } from '@pxm/core/forms';
import type { FhirContext } from '../context.js';
import { token } from '../fhir/elements.js';
import { LOINC_PATIENT_CONSENT, SIGNATURE_CONSENT, DERIVED_IDENTIFIER, CONSENT_CODE_SYSTEM, SIGNATURE_METHOD_EXTENSION, SIGNATURE_TEXT_SHA256_EXTENSION, SIGNATURE_CONSENT_EXTENSION, SIGNATURE_USER_AGENT_EXTENSION, CONSENT_SCOPE_SYSTEM, LOINC_SYSTEM, SIGNATURE_TYPE_SYSTEM, DATA_OPERATION_SYSTEM, PROVENANCE_AGENT_TYPE_SYSTEM } from '../fhir/namespace.js';
import type { Consent, Extension, Provenance, Signature } from '../fhir/types.js';
import { utf8ToBase64 } from '../util/base64.js';

type ConsentItem = Extract<FormItem, { type: 'consent' }>;
type SignatureItem = Extract<FormItem, { type: 'signature' }>;

export interface SignedConsent {
  item: ConsentItem;
  answer: ConsentAnswer;
  signature: SignatureRecord | undefined;
}

function walk(items: readonly FormItem[], visit: (item: FormItem) => void): void {
  for (const item of items) {
    visit(item);
    if (item.type === 'section') walk(item.items, visit);
  }
}

/** Consents answered at the top level of the form (consents inside repeating groups are not records). */
export function signedConsents(definition: FormDefinition, answers: Answers): SignedConsent[] {
  const consents: ConsentItem[] = [];
  const signatures: SignatureItem[] = [];
  for (const page of definition.pages) {
    walk(page.items, (item) => {
      if (item.type === 'consent') consents.push(item);
      if (item.type === 'signature') signatures.push(item);
    });
  }
  return consents.flatMap((item): SignedConsent[] => {
    const answer = answers[item.id];
    if (!answer || typeof answer !== 'object' || Array.isArray(answer) || !('agreed' in answer)) return [];
    const signer = signatures.find((s) => s.consentItemId === item.id) ?? (consents.length === 1 ? signatures[0] : undefined);
    const value = signer ? answers[signer.id] : undefined;
    const signature = value && typeof value === 'object' && !Array.isArray(value) && 'signerName' in value ? (value as SignatureRecord) : undefined;
    return [{ item, answer: answer as ConsentAnswer, signature }];
  });
}

export function consentKey(responseId: string, consentId: string): string {
  return `${responseId}#consent-${consentId}`;
}

/** Privacy notices are privacy consents; everything else a practice asks to sign is consent to treat. */
function scopeOf(consentId: string): 'patient-privacy' | 'treatment' {
  return /privacy|hipaa/i.test(consentId) ? 'patient-privacy' : 'treatment';
}

export function toConsent(signed: SignedConsent, responseId: string, patientRef: string | undefined): Consent {
  const { item, answer } = signed;
  const scope = scopeOf(item.consentId);
  return {
    resourceType: 'Consent',
    identifier: [{ use: 'secondary', system: DERIVED_IDENTIFIER, value: consentKey(responseId, item.consentId) }],
    status: answer.agreed ? 'active' : 'rejected',
    scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: scope }] },
    category: [{ coding: [{ system: LOINC_SYSTEM, code: LOINC_PATIENT_CONSENT, display: 'Patient Consent' }], text: item.title }],
    ...(patientRef ? { patient: { reference: patientRef } } : {}),
    dateTime: answer.agreedAt ?? signed.signature?.signedAt ?? new Date().toISOString(),
    sourceAttachment: { contentType: 'text/plain; charset=utf-8', title: `${item.title} (version ${answer.version})`, data: utf8ToBase64(item.text) },
    policyRule: { coding: [{ system: CONSENT_CODE_SYSTEM, code: `${item.consentId}@${answer.version}` }], text: `${item.title}, version ${answer.version}` },
    provision: { type: answer.agreed ? 'permit' : 'deny' },
  };
}

export function toSignature(record: SignatureRecord, patientRef: string | undefined): Signature {
  const extension: Extension[] = [{ url: SIGNATURE_METHOD_EXTENSION, valueCode: record.method }];
  if (record.textSha256) extension.push({ url: SIGNATURE_TEXT_SHA256_EXTENSION, valueString: record.textSha256 });
  if (record.consentId) extension.push({ url: SIGNATURE_CONSENT_EXTENSION, valueString: `${record.consentId}${record.consentVersion ? `@${record.consentVersion}` : ''}` });
  if (record.userAgent) extension.push({ url: SIGNATURE_USER_AGENT_EXTENSION, valueString: record.userAgent });
  return {
    type: [{ system: SIGNATURE_TYPE_SYSTEM, code: SIGNATURE_CONSENT, display: 'Consent Signature' }],
    when: record.signedAt,
    who: patientRef ? { reference: patientRef, display: record.signerName } : { display: record.signerName },
    ...(record.svg ? { sigFormat: 'image/svg+xml', data: utf8ToBase64(record.svg) } : {}),
    extension,
  };
}

export function toProvenance(signed: SignedConsent & { signature: SignatureRecord }, consentId: string | undefined, responseId: string, patientRef: string | undefined): Provenance {
  return {
    resourceType: 'Provenance',
    target: [...(consentId ? [{ reference: `Consent/${consentId}` }] : []), { reference: `QuestionnaireResponse/${responseId}` }],
    recorded: signed.signature.signedAt,
    activity: { coding: [{ system: DATA_OPERATION_SYSTEM, code: 'CREATE', display: 'create' }] },
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_AGENT_TYPE_SYSTEM, code: 'author', display: 'Author' }] },
        who: patientRef ? { reference: patientRef, display: signed.signature.signerName } : { display: signed.signature.signerName },
      },
    ],
    entity: [{ role: 'source', what: { reference: `QuestionnaireResponse/${responseId}` } }],
    signature: [toSignature(signed.signature, patientRef)],
  };
}

/** Consent and Provenance for each consent answered in the response; safe to run again. */
export async function writeConsentRecords(
  ctx: FhirContext,
  definition: FormDefinition,
  answers: Answers,
  responseId: string,
  patientRef: string | undefined,
  operation: string,
  signal?: AbortSignal,
): Promise<void> {
  for (const signed of signedConsents(definition, answers)) {
    // A Consent must name its patient (R4 ppc-2..5); without one, the signature's Provenance
    // on the response is the record.
    if (!patientRef) {
      if (signed.signature) {
        await ctx.client.create(operation, toProvenance({ ...signed, signature: signed.signature }, undefined, responseId, undefined), {
          ifNoneExist: { target: `QuestionnaireResponse/${responseId}` },
          signal,
        });
      }
      continue;
    }
    const consent = await ctx.client.create(operation, toConsent(signed, responseId, patientRef), {
      ifNoneExist: { identifier: token(DERIVED_IDENTIFIER, consentKey(responseId, signed.item.consentId)) },
      signal,
    });
    const consentId = consent.resource.id;
    if (!signed.signature || !consentId) continue;
    // Provenance has no identifier: the conditional create keys on its target instead.
    await ctx.client.create(operation, toProvenance({ ...signed, signature: signed.signature }, consentId, responseId, patientRef), {
      ifNoneExist: { target: `Consent/${consentId}` },
      signal,
    });
  }
}
