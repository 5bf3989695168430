/** When an answer counts as given. Blank text, an empty list or an unticked consent do not. */
import type { AnswerValue } from '../schemas/intake.js';

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.length > 0;
  if ('agreed' in value) return value.agreed === true;
  if ('signerName' in value) return value.signerName.trim().length > 0;
  if ('line1' in value) return value.line1.trim().length > 0 || value.city.trim().length > 0;
  if ('front' in value || 'back' in value) return Boolean(value.front ?? value.back);
  return false;
}
