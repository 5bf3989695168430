/**
 * What exactly a patient signs, and the record that proves it: the consent's title, version,
 * text and electronic-records disclosure as shown, normalized so the same words always give the
 * same SHA-256, whatever the line endings or Unicode composition of the source.
 */
import type { FormItem, SignatureRecord } from '../schemas/intake.js';
import { strokesToSvg, type SignatureStroke, type StrokeBox } from './signature-svg.js';

type ConsentItem = Extract<FormItem, { type: 'consent' }>;

/** The canonical text of a consent as presented for signing. */
export function consentTextToSign(consent: Pick<ConsentItem, 'title' | 'version' | 'text'>, disclosure: string): string {
  const clean = (value: string) => value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  return [`${clean(consent.title)} (version ${clean(consent.version)})`, clean(consent.text), clean(disclosure)].filter(Boolean).join('\n\n');
}

/** Lower-case hex SHA-256 of a text's UTF-8 bytes (WebCrypto: browsers and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface SignatureInput {
  /** The signer's full name as typed. */
  signerName: string;
  /** The consent signed, and the disclosure shown with it. */
  consent?: ConsentItem | undefined;
  disclosure?: string | undefined;
  /** Drawn strokes; none for a typed signature. */
  strokes?: readonly SignatureStroke[] | undefined;
  box?: StrokeBox | undefined;
  /** When the patient signed. */
  signedAt: Date;
  userAgent?: string | undefined;
}

export async function createSignatureRecord(input: SignatureInput): Promise<SignatureRecord> {
  const drawn = (input.strokes ?? []).some((stroke) => stroke.length > 0);
  const record: SignatureRecord = {
    signerName: input.signerName.trim().replace(/\s+/g, ' '),
    signedAt: input.signedAt.toISOString(),
    method: drawn ? 'drawn' : 'typed',
  };
  if (input.consent) {
    record.consentId = input.consent.consentId;
    record.consentVersion = input.consent.version;
    record.textSha256 = await sha256Hex(consentTextToSign(input.consent, input.disclosure ?? input.consent.disclosure ?? ''));
  }
  if (drawn) record.svg = strokesToSvg(input.strokes!, input.box ?? { width: 600, height: 200 });
  if (input.userAgent) record.userAgent = input.userAgent.slice(0, 500);
  return record;
}
