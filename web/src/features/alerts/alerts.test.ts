import { describe, expect, it } from "vitest";
import type { RuleVersion, Signal } from "../../shared/api/types";
import { diffVersions } from "./diff";
import { mergeSignals } from "./feed";
import { alertLinesAt, drawnMarkers, LONG, markersFor, NEUTRAL, PREVIEW, SHORT, signalTime } from "./markers";

// 2026-03-02 14:47 UTC = 09:47 New York; a multiple of 15 minutes is 14:45.
const SEQ = Date.UTC(2026, 2, 2, 14, 47) / 60_000;

// Signals are named by a label in these tests; their ids are numbers, as the server's.
const LABELS = [
  "a",
  "b",
  "c",
  "z",
  "x",
  "y",
  "w",
  "l",
  "s",
  "n",
  "other",
  "late",
  "early",
  "in",
  "old",
  "future",
];
const idOf = (label: string): number => {
  const i = LABELS.indexOf(label);
  return i >= 0 ? i + 1 : 100 + Number(label.slice(1));
};
const labelOf = (id: number): string => LABELS[id - 1] ?? `s${id - 100}`;
const labels = (list: readonly Signal[]): string[] => list.map((s) => labelOf(s.id));

function sig(label: string, seq: number, extra: Partial<Signal> = {}): Signal {
  return {
    id: idOf(label),
    rule_id: 7,
    rule_name: "VWAP reclaim",
    version: 1,
    symbol: "NVDA",
    seq,
    ts_ms: (seq + 1) * 60_000,
    direction: "long",
    inputs: { close: 482.1, vwap: 481.35 },
    explanation: "NVDA closed 482.10 above session VWAP 481.35",
    user_id: "local",
    key: `local/7/1/NVDA/${seq}`,
    ...extra,
  };
}

describe("mergeSignals", () => {
  it("orders newest first and dedupes by id", () => {
    const page = [sig("b", SEQ + 1), sig("a", SEQ)];
    let feed = mergeSignals([], page);
    expect(labels(feed)).toEqual(["b", "a"]);
    // A resumed stream repeats "b", then brings "c"; an older REST page brings "z".
    feed = mergeSignals(feed, [sig("b", SEQ + 1), sig("c", SEQ + 2)]);
    feed = mergeSignals(feed, [sig("z", SEQ - 5), sig("a", SEQ)]);
    expect(labels(feed)).toEqual(["c", "b", "a", "z"]);
  });

  it("keeps the first copy of an id and returns the same array when nothing is new", () => {
    const feed = mergeSignals([], [sig("a", SEQ, { explanation: "first" })]);
    const again = mergeSignals(feed, [sig("a", SEQ, { explanation: "second" })]);
    expect(again).toBe(feed);
    expect(again[0]?.explanation).toBe("first");
  });

  it("breaks time ties by seq then id, and caps the length", () => {
    const t = 1_000_000;
    const feed = mergeSignals(
      [],
      [sig("x", SEQ, { ts_ms: t }), sig("y", SEQ, { ts_ms: t }), sig("w", SEQ + 1, { ts_ms: t })],
    );
    expect(labels(feed)).toEqual(["w", "y", "x"]);
    const capped = mergeSignals(
      [],
      Array.from({ length: 10 }, (_, i) => sig(`s${i}`, SEQ + i)),
      3,
    );
    expect(labels(capped)).toEqual(["s9", "s8", "s7"]);
  });
});

describe("markersFor", () => {
  it("maps direction to shape, side and colour for the selected symbol only", () => {
    const signals = [
      sig("l", SEQ),
      sig("s", SEQ + 1, { direction: "short" }),
      sig("n", SEQ + 2, { direction: "neutral" }),
      sig("other", SEQ, { symbol: "SPY" }),
    ];
    const m = markersFor(signals, "NVDA", 1);
    expect(m.map((x) => [labelOf(Number(x.id)), x.shape, x.position, x.color])).toEqual([
      ["l", "arrowUp", "belowBar", LONG],
      ["s", "arrowDown", "aboveBar", SHORT],
      ["n", "circle", "aboveBar", NEUTRAL],
    ]);
    expect(m[0]?.time).toBe(SEQ * 60);
    expect(markersFor(signals, null, 1)).toEqual([]);
  });

  it("puts a 1-minute signal on its 5m and 15m bucket, sorted by time", () => {
    expect(signalTime(SEQ, 5)).toBe(Date.UTC(2026, 2, 2, 14, 45) / 1000);
    expect(signalTime(SEQ, 15)).toBe(Date.UTC(2026, 2, 2, 14, 45) / 1000);
    expect(signalTime(SEQ + 3, 5)).toBe(Date.UTC(2026, 2, 2, 14, 50) / 1000);
    expect(signalTime(SEQ + 3, 15)).toBe(Date.UTC(2026, 2, 2, 14, 45) / 1000);
    const feed = [sig("late", SEQ + 20), sig("early", SEQ)];
    const m5 = markersFor(feed, "NVDA", 5);
    expect(m5.map((x) => [labelOf(Number(x.id)), x.time])).toEqual([
      ["early", Date.UTC(2026, 2, 2, 14, 45) / 1000],
      ["late", Date.UTC(2026, 2, 2, 15, 5) / 1000],
    ]);
  });

  it("collapses the alerts of one candle and side into one marker with a count and every line", () => {
    const feed = [
      sig("s1", SEQ + 1),
      sig("s2", SEQ, { rule_name: "EMA 9/21 cross" }),
      sig("s3", SEQ + 1, { direction: "short" }),
      sig("s4", SEQ + 2, { direction: "neutral" }),
      sig("s5", SEQ + 20),
    ];
    const m5 = markersFor(feed, "NVDA", 5);
    // every signal appears in exactly one marker, whatever the grouping
    expect(m5.flatMap((m) => m.ids).sort()).toEqual(feed.map((s) => String(s.id)).sort());
    const [below, above, later] = m5;
    expect(m5).toHaveLength(3);
    expect(below).toMatchObject({ position: "belowBar", shape: "arrowUp", color: LONG, text: "2 alerts" });
    expect(below?.lines).toEqual(["▲ VWAP reclaim", "▲ EMA 9/21 cross"]);
    // a short and a neutral alert above one candle: a neutral circle with the count
    expect(above).toMatchObject({
      position: "aboveBar",
      shape: "circle",
      color: NEUTRAL,
      text: "VWAP reclaim ×2",
    });
    expect(above?.lines).toEqual(["▼ VWAP reclaim", "● VWAP reclaim"]);
    expect(later).toMatchObject({ text: "VWAP reclaim", ids: [String(idOf("s5"))] });
    // the same rule twice on a candle: its name and the count
    expect(markersFor([sig("s6", SEQ), sig("s7", SEQ + 1)], "NVDA", 5)[0]?.text).toBe("VWAP reclaim ×2");
    expect(alertLinesAt(m5, Date.UTC(2026, 2, 2, 14, 45) / 1000)).toHaveLength(4);
    expect(alertLinesAt(m5, 0)).toEqual([]);
  });

  it("draws backtest previews in their own colour and id space", () => {
    const m = markersFor([sig("a", SEQ)], "NVDA", 1, [sig("a", SEQ - 1)]);
    expect(m.map((x) => [x.id, x.color])).toEqual([
      ["preview:0", PREVIEW],
      [String(idOf("a")), LONG],
    ]);
  });
});

describe("drawnMarkers", () => {
  it("drops markers outside the drawn candles instead of pinning them to the edges", () => {
    const m = markersFor([sig("old", SEQ - 100), sig("in", SEQ), sig("future", SEQ + 1)], "NVDA", 1);
    expect(drawnMarkers(m, (SEQ - 10) * 60, SEQ * 60).map((x) => x.id)).toEqual([String(idOf("in"))]);
    expect(drawnMarkers(m, null, null)).toEqual([]);
  });
});

describe("diffVersions", () => {
  const v1: RuleVersion = {
    rule_id: 3,
    version: 1,
    params: { minutes: 15, confirm: "close" },
    expression: null,
    frequency: "once",
    cooldown_s: 0,
    intrabar: false,
    created_at_ms: 1,
    note: null,
    fire_mode: "becomes_true",
  };

  it("lists changed params by name, then changed fields; nothing for equal versions", () => {
    const same: RuleVersion = { ...v1, version: 2, created_at_ms: 2, note: "x" };
    expect(diffVersions(v1, same)).toEqual([]);
    const v2 = {
      ...v1,
      params: { minutes: 5, confirm: "close", side: "long" },
      frequency: "once_per_bar" as const,
      cooldown_s: 300,
    };
    expect(diffVersions(v1, v2)).toEqual([
      { field: "params.minutes", from: "15", to: "5" },
      { field: "params.side", from: "—", to: "long" },
      { field: "frequency", from: "once", to: "once_per_bar" },
      { field: "cooldown_s", from: "0", to: "300" },
    ]);
  });

  it("diffs custom-rule expressions", () => {
    const a = { ...v1, params: {}, expression: "close > vwap" };
    const b = { ...a, expression: "close > vwap and rvol >= 2", intrabar: true };
    expect(diffVersions(a, b)).toEqual([
      { field: "expression", from: "close > vwap", to: "close > vwap and rvol >= 2" },
      { field: "intrabar", from: "false", to: "true" },
    ]);
  });
});
