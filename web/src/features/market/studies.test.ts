import { describe, expect, it } from "vitest";
import type { StudyPoint } from "../../shared/api/types";
import { bucketOf, TIMEFRAMES } from "./candles";
import { StudyBook, studyLine } from "./studies";
import { nyClock } from "./time";

const OPEN = Date.UTC(2025, 2, 12, 13, 30) / 60_000; // 09:30 EDT as a minute seq

function pt(seq: number, vwap: number | null, ema9: number | null = null): StudyPoint {
  return { seq, vwap, ema9, ema21: null, rsi14: null };
}

describe("StudyBook", () => {
  it("merges by seq, newer values win, and keeps seq order", () => {
    const book = new StudyBook();
    expect(book.merge([pt(5, 1), pt(3, 2)])).toBe(true);
    expect(book.merge([pt(5, 1)])).toBe(false);
    expect(book.merge([pt(5, 9), pt(4, 3)])).toBe(true);
    expect(book.points().map((p) => [p.seq, p.vwap])).toEqual([
      [3, 2],
      [4, 3],
      [5, 9],
    ]);
    expect([book.firstSeq, book.lastSeq, book.size]).toEqual([3, 5, 3]);
  });
});

describe("studyLine", () => {
  it("draws the server's VWAP only in its session, sessions not joined", () => {
    const points = [
      pt(OPEN - 1, null),
      pt(OPEN, 10),
      pt(OPEN + 1, 11),
      pt(OPEN + 390, null),
      pt(OPEN + 1440, 20),
    ];
    const line = studyLine(points, "vwap", 1);
    expect(line).toEqual([
      { time: (OPEN - 1) * 60 },
      { time: OPEN * 60, value: 10 },
      { time: (OPEN + 1) * 60, value: 11, color: "transparent" },
      { time: (OPEN + 390) * 60 },
      { time: (OPEN + 1440) * 60, value: 20 },
    ]);
  });

  it("takes, per bucket, the value after its newest minute that has one", () => {
    const points = Array.from({ length: 3 * 1440 }, (_, i) => pt(OPEN - 600 + i, null, i));
    for (const tf of TIMEFRAMES) {
      const line = studyLine(points, "ema9", tf);
      const times = line.map((p) => p.time);
      expect(times, `tf ${tf}`).toEqual([...new Set(times)].sort((a, b) => a - b));
      // an independent oracle: the last minute of each bucket
      const last = new Map<number, number>();
      for (const p of points) last.set(bucketOf(p.seq, tf), p.ema9 as number);
      expect(line.map((p) => p.value)).toEqual([...last.values()]);
    }
  });

  it("puts 1D buckets at New York midnight", () => {
    for (const seq of [OPEN - 600, OPEN, OPEN + 700, OPEN + 1440 * 200]) {
      const b = bucketOf(seq, 1440);
      expect(nyClock(b * 60_000).minuteOfDay).toBe(0);
      expect(seq - b).toBeLessThan(1440);
      expect(seq - b).toBeGreaterThanOrEqual(0);
    }
  });
});
