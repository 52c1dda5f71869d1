import { describe, expect, it } from "vitest";
import { rng } from "../../test/rng";
import { addMinute, type DayVolume, dayOfSeq, fromServer, rebase, totalVolume } from "./dayVolume";

// 2025-03-12 19:50 ET: the stream below crosses New York midnight into the next day
const START_SEQ = Math.floor(Date.parse("2025-03-12T19:50:00-04:00") / 60_000);

describe("day volume", () => {
  it("equals the newest day's final bars plus the forming minute, whatever the server lags", () => {
    for (let trial = 0; trial < 200; trial++) {
      const rand = rng(trial + 1);
      const finals = new Map<number, number>(); // seq → final volume (what the server holds)
      let shown: DayVolume = fromServer(null, null);
      let seq = START_SEQ;
      for (let minute = 0; minute < 40; minute++) {
        seq += rand() < 0.1 ? 500 : 1; // sometimes skip hours (overnight)
        let forming = 0;
        for (let update = 0; update < 1 + Math.floor(rand() * 4); update++) {
          forming += Math.floor(rand() * 1000);
          shown = addMinute(shown, seq, forming);
        }
        finals.set(seq, forming);
        shown = addMinute(shown, seq, forming); // the minute's final bar
        if (rand() < 0.4) {
          // a snapshot that may lag the stream by a few bars
          const known = [...finals.keys()];
          const upTo = known[Math.max(0, known.length - 1 - Math.floor(rand() * 3))] ?? seq;
          const day = dayOfSeq(upTo);
          let base = 0;
          for (const [s, v] of finals) if (s <= upTo && dayOfSeq(s) === day) base += v;
          shown = rebase(fromServer(base, upTo), shown);
        }
        const today = dayOfSeq(seq);
        let expected = 0;
        for (const [s, v] of finals) if (dayOfSeq(s) === today) expected += v;
        expect(totalVolume(shown)).toBe(expected);
      }
    }
  });

  it("ignores minutes the server counted and older days, and knows nothing before any figure", () => {
    expect(totalVolume(fromServer(null, null))).toBeNull();
    const v = fromServer(5_000, START_SEQ);
    expect(addMinute(v, START_SEQ, 99)).toBe(v);
    expect(addMinute(v, START_SEQ - 1_440, 99)).toBe(v);
    expect(totalVolume(addMinute(v, START_SEQ + 1, 250))).toBe(5_250);
  });
});
