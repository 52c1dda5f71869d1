import { describe, expect, it } from "vitest";
import { extendedRuns } from "./sessionShade";
import {
  formatNyDateTime,
  formatNyTick,
  formatNyTime,
  isExtendedHours,
  nyClock,
  nyOffsetMs,
  nyTickWeight,
  sessionDay,
  TICK_WEIGHT,
} from "./time";

const H = 3_600_000;

describe("exchange time", () => {
  it("knows New York's offset on both sides of the DST changes", () => {
    // 2026-03-08 02:00 EST → 03:00 EDT (07:00 UTC); 2026-11-01 02:00 EDT → 01:00 EST (06:00 UTC).
    expect(nyOffsetMs(Date.UTC(2026, 2, 8, 6, 59))).toBe(-5 * H);
    expect(nyOffsetMs(Date.UTC(2026, 2, 8, 7, 0))).toBe(-4 * H);
    expect(nyOffsetMs(Date.UTC(2026, 10, 1, 5, 59))).toBe(-4 * H);
    expect(nyOffsetMs(Date.UTC(2026, 10, 1, 6, 0))).toBe(-5 * H);
  });

  it("anchors the session at 09:30 New York time in summer and winter", () => {
    expect(sessionDay(Date.UTC(2026, 6, 1, 13, 29))).toBeNull(); // 09:29 EDT
    expect(sessionDay(Date.UTC(2026, 6, 1, 13, 30))).toBe(nyClock(Date.UTC(2026, 6, 1, 13, 30)).day);
    expect(sessionDay(Date.UTC(2026, 0, 15, 14, 29))).toBeNull(); // 09:29 EST
    expect(sessionDay(Date.UTC(2026, 0, 15, 14, 30))).not.toBeNull();
    // 23:00 EST is still the same New York day (04:00 UTC the next day).
    expect(sessionDay(Date.UTC(2026, 0, 16, 4, 0))).toBe(sessionDay(Date.UTC(2026, 0, 15, 14, 30)));
  });

  it("labels times in New York whatever the process time zone", () => {
    const sec = Date.UTC(2026, 10, 24, 14, 30) / 1000; // 09:30 EST
    expect(formatNyTime(sec)).toBe("09:30");
    expect(formatNyTime(sec + 5, true)).toBe("09:30:05");
    expect(formatNyDateTime(sec)).toBe("Tue, Nov 24, 2026, 09:30 ET");
    expect(formatNyTick(sec, 3)).toBe("09:30");
    // New York midnight (05:00 UTC in winter) is the day tick and shows the New York date.
    expect(formatNyTick(Date.UTC(2026, 10, 25, 5, 0) / 1000, 2)).toBe("Nov 25");
    expect(formatNyTick(Date.UTC(2026, 10, 25, 3, 0) / 1000, 2)).toBe("Nov 24");
  });
});

// An independent oracle: New York's calendar date and hour through Intl (en-CA: YYYY-MM-DD).
const oracle = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const nyParts = (sec: number) => {
  const p = Object.fromEntries(oracle.formatToParts(new Date(sec * 1000)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
};

describe("New York tick weights and sessions", () => {
  // Every minute of three days on each side of both 2026 DST changes.
  const spans = [Date.UTC(2026, 2, 6), Date.UTC(2026, 9, 30)].map((start) =>
    Array.from({ length: 3 * 1440 }, (_, i) => start / 1000 + i * 60),
  );

  it("weighs a day exactly where the New York date changes, an hour where its hour changes", () => {
    for (const minutes of spans) {
      for (let i = 1; i < minutes.length; i++) {
        const [prev, sec] = [minutes[i - 1] as number, minutes[i] as number];
        const a = nyParts(prev);
        const b = nyParts(sec);
        const w = nyTickWeight(sec, prev);
        expect(w >= TICK_WEIGHT.day, `${b.date} ${b.hour}:${b.minute}`).toBe(a.date !== b.date);
        if (a.date === b.date) expect(w >= TICK_WEIGHT.hour).toBe(a.hour !== b.hour || b.minute === 0);
      }
    }
  });

  it("weighs a new year and a new month above a day", () => {
    const ny = (y: number, m: number, d: number) => Date.UTC(y, m, d, 5) / 1000; // midnight EST
    expect(nyTickWeight(ny(2026, 0, 1), ny(2025, 11, 31))).toBe(TICK_WEIGHT.year);
    expect(nyTickWeight(ny(2026, 1, 1), ny(2026, 0, 31))).toBe(TICK_WEIGHT.month);
  });

  it("calls everything outside 09:30-16:00 New York extended hours", () => {
    for (const minutes of spans) {
      for (const sec of minutes) {
        const { hour, minute } = nyParts(sec);
        const m = hour * 60 + minute;
        expect(isExtendedHours(sec)).toBe(m < 570 || m >= 960);
      }
    }
  });

  it("groups consecutive extended-hours candles into bands", () => {
    const day = spans[0] as number[];
    const runs = extendedRuns(day);
    // three New York days from UTC midnight: the night before, then each day's pre-market+night
    const covered = new Set(
      runs.flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i)),
    );
    day.forEach((sec, i) => {
      expect(covered.has(i)).toBe(isExtendedHours(sec));
    });
    for (let i = 1; i < runs.length; i++) {
      expect((runs[i] as { from: number }).from).toBeGreaterThan((runs[i - 1] as { to: number }).to + 1);
    }
    expect(runs).toHaveLength(4);
  });
});
