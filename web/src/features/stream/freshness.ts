// Is what the page shows live? A pure judgement of the stream snapshot, for the banner, the
// dimmed prices and the header: the connection state, and whether the market data keeps up
// with the feed's own clock (a frozen chart under a "live" connection).
import type { StreamSnapshot } from "./client";

/** The feed clock may run this far (feed time) ahead of the newest data before it counts as
 * behind, and, for a fast feed (an accelerated simulator, a replay), this long in wall time. */
export const BEHIND_AFTER_MS = 120_000;
export const BEHIND_AFTER_WALL_MS = 10_000;

export interface Freshness {
  /** True when the prices on screen are not live. */
  stale: boolean;
  /** What is wrong, for the banner ("" when live). */
  reason: string;
  /** Wall-clock ms since the newest market data arrived, or null before any. */
  ageMs: number | null;
  /** How far the newest data trails the feed clock (feed time), when it does by more than
   * {@link BEHIND_AFTER_MS}; else null. */
  behindMs: number | null;
}

const REASON: Record<Exclude<StreamSnapshot["state"], "live" | "replaying">, string> = {
  reconnecting: "Connection to the server lost, reconnecting",
  offline: "Offline: the server cannot be reached",
  stale: "The market feed is down",
  finished: "The replay has finished",
  warming: "Loading history",
};

export function freshness(snap: StreamSnapshot, now: number): Freshness {
  const ageMs = snap.lastDataAt === null ? null : Math.max(0, now - snap.lastDataAt);
  const gap = snap.clockMs !== null && snap.dataClockMs !== null ? snap.clockMs - snap.dataClockMs : null;
  const rate = Math.max(1, snap.feedRate ?? 1);
  const behindMs = gap !== null && gap > BEHIND_AFTER_MS && gap / rate > BEHIND_AFTER_WALL_MS ? gap : null;
  if (snap.state !== "live" && snap.state !== "replaying") {
    const detail = snap.state === "stale" && snap.phaseDetail ? ` (${snap.phaseDetail})` : "";
    return { stale: true, reason: REASON[snap.state] + detail, ageMs, behindMs };
  }
  if (behindMs !== null) {
    return { stale: true, reason: "The market data is behind the feed's clock", ageMs, behindMs };
  }
  return { stale: false, reason: "", ageMs, behindMs: null };
}
