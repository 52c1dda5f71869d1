// Pure alert-feed logic: merge signals from REST pages and the stream, deduplicated by id,
// newest first. No I/O.
import type { Signal } from "../../shared/api/types";

/** Most alerts the feed keeps in memory. */
export const FEED_LIMIT = 500;

/** Newest first: by time, then by bar seq, then by id (a stable total order). */
export function compareNewestFirst(a: Signal, b: Signal): number {
  if (a.ts_ms !== b.ts_ms) return b.ts_ms - a.ts_ms;
  if (a.seq !== b.seq) return b.seq - a.seq;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Merge `incoming` into `current` (already newest first). Returns `current` itself when
 * nothing new arrived, so callers can skip a re-render. A repeated id keeps the first copy. */
export function mergeSignals(
  current: readonly Signal[],
  incoming: readonly Signal[],
  limit = FEED_LIMIT,
): readonly Signal[] {
  const seen = new Set(current.map((s) => s.id));
  const fresh: Signal[] = [];
  for (const s of incoming) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    fresh.push(s);
  }
  if (fresh.length === 0) return current;
  const merged = [...current, ...fresh].sort(compareNewestFirst);
  return merged.length > limit ? merged.slice(0, limit) : merged;
}
