import { describe, expect, it } from "vitest";
import { formatNyDateTime, formatNyTick, formatNyTime, nyClock, nyOffsetMs, sessionDay } from "./time";

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
    expect(formatNyDateTime(sec)).toBe("Tue, Nov 24, 09:30 ET");
    expect(formatNyTick(sec, 3)).toBe("09:30");
    // A "day" tick placed at UTC midnight is 19:00 in New York: label the time, not a date.
    expect(formatNyTick(Date.UTC(2026, 10, 25, 0, 0) / 1000, 2)).toBe("19:00");
    expect(formatNyTick(Date.UTC(2026, 10, 25, 5, 0) / 1000, 2)).toBe("Nov 25");
  });
});
