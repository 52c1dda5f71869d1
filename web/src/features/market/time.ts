// Exchange time (America/New_York) helpers. Data stays in UTC everywhere; these are used only
// to label times and to find session boundaries, never to shift the data.

export const EXCHANGE_TZ = "America/New_York";
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** 09:30 in minutes after midnight, exchange time. */
export const RTH_OPEN_MINUTE = 9 * 60 + 30;

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
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
});

/** "14:05" in New York time for a UTC epoch in seconds. */
export function formatNyTime(sec: number, withSeconds = false): string {
  return (withSeconds ? timeSecFmt : timeFmt).format(new Date(sec * 1000));
}

/** "Tue, Nov 24, 14:05" in New York time, for the crosshair label and legend. */
export function formatNyDateTime(sec: number): string {
  return `${fullFmt.format(new Date(sec * 1000))} ET`;
}

/**
 * Axis label in New York time. The chart picks tick weights from UTC dates, so a "day" tick
 * may fall on a moment that is not New York midnight: label it with the time then, so that
 * every label is true in New York. `markType` follows Lightweight Charts' TickMarkType
 * (0 year, 1 month, 2 day of month, 3 time, 4 time with seconds).
 */
export function formatNyTick(sec: number, markType: number): string {
  const { minuteOfDay } = nyClock(sec * 1000);
  if (markType === 4) return formatNyTime(sec, true);
  if (markType === 3 || minuteOfDay !== 0) return formatNyTime(sec);
  if (markType === 2) return dateFmt.format(new Date(sec * 1000));
  return monthFmt.format(new Date(sec * 1000));
}
