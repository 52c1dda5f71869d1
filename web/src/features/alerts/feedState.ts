// The alert feed as the trader manages it (pure): filters, mutes (a rule or a symbol kept quiet
// and out of the feed for a while), acknowledgements and "clear". The state itself is the
// user's stored preferences (`alert_mutes`, `alerts_cleared_through`, `alerts_acked`).
import type { Preferences, Signal } from "../../shared/api/types";

export type AlertMute = Preferences["alert_mutes"][number];

export interface FeedFilter {
  symbol: string | null;
  ruleId: number | null;
  direction: string | null;
}

export const NO_FILTER: FeedFilter = { symbol: null, ruleId: null, direction: null };
export const MAX_MUTES = 100;
export const MAX_ACKED = 500;

export interface FeedPrefs {
  mutes: readonly AlertMute[];
  clearedThrough: number;
  acked: readonly number[];
}

export function feedPrefs(p: Preferences | undefined): FeedPrefs {
  return {
    mutes: p?.alert_mutes ?? [],
    clearedThrough: p?.alerts_cleared_through ?? 0,
    acked: p?.alerts_acked ?? [],
  };
}

/** The mute that keeps `s` quiet at `nowMs`, if any. */
export function muteOf(s: Signal, mutes: readonly AlertMute[], nowMs: number): AlertMute | null {
  for (const m of mutes) {
    if (m.until_ms <= nowMs) continue;
    if ((m.kind === "rule" && m.key === String(s.rule_id)) || (m.kind === "symbol" && m.key === s.symbol))
      return m;
  }
  return null;
}

export function matches(s: Signal, f: FeedFilter): boolean {
  return (
    (f.symbol === null || s.symbol === f.symbol) &&
    (f.ruleId === null || s.rule_id === f.ruleId) &&
    (f.direction === null || s.direction === f.direction)
  );
}

export interface FeedView {
  /** What the feed shows, newest first. */
  shown: Signal[];
  /** Hidden by a mute (matching the filter). */
  muted: number;
  /** Shown and not acknowledged. */
  unacked: number;
}

/** The feed after "clear", the filter and the mutes (muted ones too when `showMuted`). */
export function feedView(
  signals: readonly Signal[],
  prefs: FeedPrefs,
  filter: FeedFilter,
  nowMs: number,
  showMuted = false,
): FeedView {
  const acked = new Set(prefs.acked);
  const shown: Signal[] = [];
  let muted = 0;
  let unacked = 0;
  for (const s of signals) {
    if (s.id <= prefs.clearedThrough || !matches(s, filter)) continue;
    if (muteOf(s, prefs.mutes, nowMs)) {
      muted++;
      if (!showMuted) continue;
    }
    shown.push(s);
    if (!acked.has(s.id)) unacked++;
  }
  return { shown, muted, unacked };
}

/** Mute a rule or symbol until `untilMs`: replaces a mute of the same target, drops
 * expired ones, keeps the newest {@link MAX_MUTES}. */
export function withMute(
  mutes: readonly AlertMute[],
  kind: AlertMute["kind"],
  key: string,
  untilMs: number,
  nowMs: number,
): AlertMute[] {
  const kept = mutes.filter((m) => m.until_ms > nowMs && !(m.kind === kind && m.key === key));
  return [...kept, { kind, key, until_ms: untilMs }].slice(-MAX_MUTES);
}

export function withoutMute(mutes: readonly AlertMute[], kind: AlertMute["kind"], key: string): AlertMute[] {
  return mutes.filter((m) => !(m.kind === kind && m.key === key));
}

/** Acknowledge `ids`: ids at or below the cleared mark are dropped (nothing to show), the
 * newest {@link MAX_ACKED} are kept. */
export function withAcked(
  acked: readonly number[],
  ids: readonly number[],
  clearedThrough: number,
): number[] {
  const all = [...new Set([...acked, ...ids])].filter((id) => id > clearedThrough).sort((a, b) => a - b);
  return all.slice(-MAX_ACKED);
}

/** "Clear": everything up to the newest alert leaves the feed (the history stays). */
export function clearedThrough(signals: readonly Signal[], current: number): number {
  return signals.reduce((m, s) => Math.max(m, s.id), current);
}

/** "14 min", "2 h 5 min": how long a mute still runs (to the nearest minute, at least 1). */
export function remaining(untilMs: number, nowMs: number): string {
  const minutes = Math.max(1, Math.round((untilMs - nowMs) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
