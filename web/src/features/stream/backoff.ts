/** Exponential backoff with "equal jitter": half the delay is fixed, half is random. */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  initialMs: number;
  /** Ceiling for the delay, before jitter. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000, factor: 2 };

/**
 * Delay before retry number `attempt` (0-based). `random` returns a number in [0, 1).
 * The result lies in [base/2, base) where base = min(maxMs, initialMs * factor^attempt).
 */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = DEFAULT_BACKOFF) {
  const base = Math.min(opts.maxMs, opts.initialMs * opts.factor ** Math.max(0, attempt));
  const half = base / 2;
  return Math.round(half + random() * half);
}
