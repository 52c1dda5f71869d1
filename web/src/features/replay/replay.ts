// Pure helpers of the replay bar: the speeds offered, labels, and the jump box's check.
import type { ReplayStatus } from "../../shared/api/types";
import { formatNyTime } from "../market/time";

/** Speeds the bar offers (× real time); null: as fast as possible. */
export const SPEEDS: readonly (number | null)[] = [1, 5, 20, 60, 240, null];

export function speedLabel(speed: number | null): string {
  return speed === null ? "max" : `${speed}×`;
}

/** The select's value for a speed ("max" for null). */
export function speedValue(speed: number | null): string {
  return speed === null ? "max" : String(speed);
}

export function parseSpeed(value: string): number | null {
  return value === "max" ? null : Number(value);
}

/** "10:32 ET" for the replay clock, "" before the first trade. */
export function replayTime(status: Pick<ReplayStatus, "clock_ms">): string {
  return status.clock_ms == null ? "" : `${formatNyTime(status.clock_ms / 1000)} ET`;
}

/** Whole percent replayed, never above 100. */
export function replayPercent(status: Pick<ReplayStatus, "percent">): number {
  return Math.min(100, Math.floor(status.percent));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The jump box's text as "HH:MM" (a 24-hour New York time; "930" and "9:30" become
 * "09:30"), or null when it is not a time. */
export function normalizeJumpTime(raw: string): string | null {
  const text = raw.trim();
  const digits = /^\d{3,4}$/.test(text) ? `${text.slice(0, -2)}:${text.slice(-2)}` : text;
  const padded = /^\d:\d\d$/.test(digits) ? `0${digits}` : digits;
  return HHMM.test(padded) ? padded : null;
}

/** The state shown on the bar. */
export function replayStateLabel(status: Pick<ReplayStatus, "state">): string {
  switch (status.state) {
    case "playing":
      return "playing";
    case "paused":
      return "paused";
    case "jumping":
      return "jumping ahead";
    case "finished":
      return "replay finished";
    default:
      return "loading";
  }
}
