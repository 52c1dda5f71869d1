import { describe, expect, it } from "vitest";
import type { Signal } from "../../shared/api/types";
import { rng } from "../../test/rng";
import {
  type AlertMute,
  clearedThrough,
  type FeedFilter,
  feedView,
  MAX_ACKED,
  MAX_MUTES,
  muteOf,
  remaining,
  withAcked,
  withMute,
} from "./feedState";

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const SYMBOLS = ["SPY", "QQQ", "AAPL"];
const DIRECTIONS = ["long", "short", "neutral"] as const;

function signal(id: number, rand: () => number): Signal {
  const rule = 1 + Math.floor(rand() * 4);
  return {
    id,
    rule_id: rule,
    rule_name: `rule ${rule}`,
    version: 1,
    symbol: pick(rand, SYMBOLS),
    seq: 1000 + id,
    ts_ms: (1001 + id) * 60_000,
    direction: pick(rand, DIRECTIONS),
    inputs: {},
    explanation: "",
    user_id: "local",
    key: `k${id}`,
  };
}

describe("alert feed state", () => {
  it("shows exactly the alerts after the clear mark that match the filter and are not muted", () => {
    for (let trial = 0; trial < 300; trial++) {
      const rand = rng(trial + 1);
      const now = 1_000_000;
      const signals = Array.from({ length: 40 }, (_, i) => signal(40 - i, rand));
      const mutes: AlertMute[] = [];
      if (rand() < 0.5)
        mutes.push({ kind: "rule", key: String(1 + Math.floor(rand() * 4)), until_ms: now + 1 });
      if (rand() < 0.5)
        mutes.push({ kind: "symbol", key: pick(rand, SYMBOLS), until_ms: now - 1 + Math.floor(rand() * 3) });
      const prefs = {
        mutes,
        clearedThrough: Math.floor(rand() * 30),
        acked: signals.filter(() => rand() < 0.3).map((s) => s.id),
      };
      const filter: FeedFilter = {
        symbol: rand() < 0.5 ? pick(rand, SYMBOLS) : null,
        ruleId: rand() < 0.3 ? 1 + Math.floor(rand() * 4) : null,
        direction: rand() < 0.3 ? pick(rand, DIRECTIONS) : null,
      };
      for (const showMuted of [false, true]) {
        const view = feedView(signals, prefs, filter, now, showMuted);
        const wanted = signals.filter(
          (s) =>
            s.id > prefs.clearedThrough &&
            (filter.symbol === null || s.symbol === filter.symbol) &&
            (filter.ruleId === null || s.rule_id === filter.ruleId) &&
            (filter.direction === null || s.direction === filter.direction),
        );
        const quiet = wanted.filter((s) =>
          mutes.some(
            (m) =>
              m.until_ms > now &&
              ((m.kind === "rule" && m.key === String(s.rule_id)) ||
                (m.kind === "symbol" && m.key === s.symbol)),
          ),
        );
        expect(view.muted).toBe(quiet.length);
        expect(view.shown).toEqual(showMuted ? wanted : wanted.filter((s) => !quiet.includes(s)));
        expect(view.unacked).toBe(view.shown.filter((s) => !prefs.acked.includes(s.id)).length);
      }
    }
  });

  it("keeps one mute per target, drops expired ones and caps the list", () => {
    let mutes: AlertMute[] = [];
    mutes = withMute(mutes, "rule", "3", 2_000, 1_000);
    mutes = withMute(mutes, "rule", "3", 5_000, 1_000);
    expect(mutes).toEqual([{ kind: "rule", key: "3", until_ms: 5_000 }]);
    expect(
      muteOf(
        signal(1, () => 0.6),
        mutes,
        4_999,
      )?.until_ms,
    ).toBe(5_000);
    expect(withMute(mutes, "symbol", "SPY", 9_000, 6_000)).toEqual([
      { kind: "symbol", key: "SPY", until_ms: 9_000 },
    ]);
    for (let i = 0; i < MAX_MUTES + 10; i++) mutes = withMute(mutes, "symbol", `S${i}`, 10_000, 1_000);
    expect(mutes).toHaveLength(MAX_MUTES);
    expect(mutes.at(-1)?.key).toBe(`S${MAX_MUTES + 9}`);
  });

  it("acks without duplicates, forgets what was cleared, keeps the newest", () => {
    expect(withAcked([5, 3], [3, 9, 1], 2)).toEqual([3, 5, 9]);
    const many = withAcked(
      [],
      Array.from({ length: MAX_ACKED + 50 }, (_, i) => i + 1),
      0,
    );
    expect(many).toHaveLength(MAX_ACKED);
    expect(many[0]).toBe(51);
    const rand = rng(9);
    const signals = Array.from({ length: 10 }, (_, i) => signal(i + 3, rand));
    expect(clearedThrough(signals, 0)).toBe(12);
    expect(clearedThrough([], 7)).toBe(7);
  });

  it("says how long a mute still runs", () => {
    expect(remaining(15 * 60_000, 0)).toBe("15 min");
    expect(remaining(14 * 60_000 + 20_000, 0)).toBe("14 min");
    expect(remaining(14 * 60_000 + 40_000, 0)).toBe("15 min");
    expect(remaining(10, 0)).toBe("1 min");
    expect(remaining(4 * 3_600_000, 0)).toBe("4 h");
    expect(remaining(125 * 60_000, 0)).toBe("2 h 5 min");
  });
});
