/**
 * When a hold runs out on the patient's own clock. The backend's `expiresAt` is read on its
 * clock; a device whose clock is off by minutes would show a countdown that is wrong, or already
 * over. A reply that looks skewed (under 30 s or over 2 h left) gets a short, safe countdown
 * instead: the backend stays the judge, so the worst case is being told to re-hold early.
 */
const MIN_CREDIBLE_MS = 30_000;
const MAX_CREDIBLE_MS = 2 * 3_600_000;
const FALLBACK_MS = 5 * 60_000;

export function holdDeadline(expiresAt: string, receivedAtMs: number): number {
  const remaining = Date.parse(expiresAt) - receivedAtMs;
  if (Number.isNaN(remaining) || remaining < MIN_CREDIBLE_MS || remaining > MAX_CREDIBLE_MS) return receivedAtMs + FALLBACK_MS;
  return receivedAtMs + remaining;
}

/** `m:ss` of what is left, never negative. */
export function countdownText(remainingMs: number): string {
  const seconds = Math.max(0, Math.ceil(remainingMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

