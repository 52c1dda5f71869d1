// Exchange time (America/New_York) helpers. Data stays in UTC everywhere; these are used only
// to label times and to find session boundaries, never to shift the data.

export const EXCHANGE_TZ = "America/New_York";
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** 09:30 in minutes after midnight, exchange time. */
export const RTH_OPEN_MINUTE = 9 * 60 + 30;
/** 16:00, the regular session's close, in minutes after midnight, exchange time. */
export const RTH_CLOSE_MINUTE = 16 * 60;

const partsFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: EXCHANGE_TZ,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

const offsetCache = new Map<number, number>();

/** Offset of New York from UTC at instant `ms` (e.g. −4 h in summer), in ms. Cached per hour. */
export function nyOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const at = hour * HOUR_MS;
  const p: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(new Date(at))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const offset = asUtc - at;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(hour, offset);
  return offset;
}

export interface NyClock {
  /** Days since 1970-01-01 in New York's calendar. */
  day: number;
  /** Minutes after New York midnight. */
  minuteOfDay: number;
}

export function nyClock(ms: number): NyClock {
  const local = ms + nyOffsetMs(ms);
  const day = Math.floor(local / DAY_MS);
  return { day, minuteOfDay: Math.floor((local - day * DAY_MS) / 60_000) };
}

/**
 * The regular session a moment belongs to for session-anchored indicators: the New York day
 * number if the moment is at or after 09:30 ET that day, otherwise null (premarket, overnight).
 */
export function sessionDay(ms: number): number | null {
  const { day, minuteOfDay } = nyClock(ms);
  return minuteOfDay >= RTH_OPEN_MINUTE ? day : null;
}

const timeFmt = new Intl.DateTimeFormat("en-US", {
  timeZone: EXCHANGE_TZ,
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
});
const timeSecFmt = new Intl.DateTimeFormat("en-US", {
  timeZone: EXCHANGE_TZ,
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
const dateFmt = new Intl.DateTimeFormat("en-US", { timeZone: EXCHANGE_TZ, month: "short", day: "numeric" });
const monthFmt = new Intl.DateTimeFormat("en-US", { timeZone: EXCHANGE_TZ, month: "short", year: "numeric" });
const fullFmt = new Intl.DateTimeFormat("en-US", {
  timeZone: EXCHANGE_TZ,
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
});

/** "14:05" in New York time for a UTC epoch in seconds. */
export function formatNyTime(sec: number, withSeconds = false): string {
  return (withSeconds ? timeSecFmt : timeFmt).format(new Date(sec * 1000));
}

/** "Tue, Nov 24, 2026, 14:05 ET" in New York time, for the crosshair label and legend. */
export function formatNyDateTime(sec: number): string {
  return `${fullFmt.format(new Date(sec * 1000))} ET`;
}

/** Lightweight Charts' tick weights (TickMarkWeight): the bigger, the more important the tick. */
export const TICK_WEIGHT = {
  minute: 20,
  minute5: 21,
  minute30: 22,
  hour: 30,
  hour3: 31,
  hour6: 32,
  hour12: 33,
  day: 50,
  month: 60,
  year: 70,
} as const;
const INTRADAY: [number, number][] = [
  [12 * HOUR_MS, TICK_WEIGHT.hour12],
  [6 * HOUR_MS, TICK_WEIGHT.hour6],
  [3 * HOUR_MS, TICK_WEIGHT.hour3],
  [HOUR_MS, TICK_WEIGHT.hour],
  [30 * 60_000, TICK_WEIGHT.minute30],
  [5 * 60_000, TICK_WEIGHT.minute5],
  [60_000, TICK_WEIGHT.minute],
];

/**
 * The weight of the tick at `sec` after the point at `prevSec` (UTC seconds), judged on New
 * York's calendar and clock: a new New York day weighs a day (so the date is drawn at New York
 * midnight, not at UTC midnight), a new New York hour an hour, and so on.
 */
export function nyTickWeight(sec: number, prevSec: number): number {
  const cur = sec * 1000 + nyOffsetMs(sec * 1000);
  const prev = prevSec * 1000 + nyOffsetMs(prevSec * 1000);
  const a = new Date(cur);
  const b = new Date(prev);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return TICK_WEIGHT.year;
  if (a.getUTCMonth() !== b.getUTCMonth()) return TICK_WEIGHT.month;
  if (a.getUTCDate() !== b.getUTCDate()) return TICK_WEIGHT.day;
  if (cur <= prev) return TICK_WEIGHT.hour; // the clock went back an hour (end of DST)
  for (const [divisor, weight] of INTRADAY) {
    if (Math.floor(cur / divisor) !== Math.floor(prev / divisor)) return weight;
  }
  return 0;
}

/** True outside the regular session (09:30–16:00 New York): pre-market, after hours, night. */
export function isExtendedHours(sec: number): boolean {
  const { minuteOfDay } = nyClock(sec * 1000);
  return minuteOfDay < RTH_OPEN_MINUTE || minuteOfDay >= RTH_CLOSE_MINUTE;
}

/**
 * Axis label in New York time. The tick weights come from {@link nyTickWeight}, so a "day"
 * tick is the first candle of a New York day and shows its date. `markType` follows
 * Lightweight Charts' TickMarkType (0 year, 1 month, 2 day of month, 3 time, 4 time with seconds).
 */
export function formatNyTick(sec: number, markType: number): string {
  const d = new Date(sec * 1000);
  if (markType === 4) return formatNyTime(sec, true);
  if (markType === 3) return formatNyTime(sec);
  if (markType === 2) return dateFmt.format(d);
  return monthFmt.format(d);
}
