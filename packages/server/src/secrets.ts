/**
 * Secrets at rest. Replies kept for idempotent replays carry a manage token, and pending
 * reminders carry the token and the patient's contact: both are sealed (AES-256-GCM) with a key
 * that lives in the environment, never in the database, so a copy of the database alone opens
 * no visit. Without a configured key the process makes a random one: sealed rows then outlive
 * it unreadable (a replay after a restart is a 409, a reminder is marked failed), which is safe.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface Sealer {
  /** True when the key was made for this process only (no `PXM_SECRET_KEY`). */
  readonly ephemeral: boolean;
  seal(plain: string): string;
  /** The plain text, or undefined when it was sealed with another key or tampered with. */
  open(sealed: string): string | undefined;
}

const VERSION = 'v1';
export const MIN_SECRET_KEY_LENGTH = 32;

export function createSealer(secretKey?: string): Sealer {
  if (secretKey !== undefined && secretKey.length < MIN_SECRET_KEY_LENGTH) {
    throw new Error(`The secret key must be at least ${MIN_SECRET_KEY_LENGTH} characters (for example \`openssl rand -base64 32\`).`);
  }
  const key = secretKey === undefined ? randomBytes(32) : createHash('sha256').update(`pxm-at-rest:${secretKey}`).digest();
  return {
    ephemeral: secretKey === undefined,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed) {
      const [version, ivText, bodyText] = sealed.split('.');
      if (version !== VERSION || !ivText || !bodyText) return undefined;
      try {
        const body = Buffer.from(bodyText, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
