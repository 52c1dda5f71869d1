import { describe, expect, it } from "vitest";
import { rng } from "../../test/rng";
import { fromServer } from "./dayVolume";
import type { QuoteView } from "./store";
import {
  COLUMNS,
  DEFAULT_COLUMNS,
  nextSort,
  parseColumns,
  parseSort,
  type SortKey,
  sortRows,
  type WatchSort,
} from "./watchColumns";

function row(symbol: string, rand: () => number): QuoteView {
  const maybe = (v: number) => (rand() < 0.2 ? null : Math.round(v * 100) / 100);
  return {
    symbol,
    last: maybe(rand() * 300),
    prevClose: null,
    change: maybe(rand() * 10 - 5),
    changePct: maybe(rand() * 6 - 3),
    lastTradeMs: null,
    tick: 0,
    bid: maybe(rand() * 300),
    ask: maybe(rand() * 300),
    volume: fromServer(rand() < 0.2 ? null : Math.floor(rand() * 1e6), 29_000_000),
    rvol: maybe(rand() * 4),
    gapPct: rand() < 0.5 ? null : maybe(rand() * 4 - 2),
    notes: {},
  };
}

describe("watchlist sort", () => {
  it("orders by the column, values before blanks, ties and blanks in watchlist order", () => {
    const keys: SortKey[] = ["symbol", ...COLUMNS.map((c) => c.key)];
    for (let trial = 0; trial < 100; trial++) {
      const rand = rng(trial + 1);
      const rows = Array.from({ length: 12 }, (_, i) =>
        row(`S${String.fromCharCode(90 - ((i * 7) % 26))}${i}`, rand),
      );
      for (const key of keys) {
        for (const dir of ["asc", "desc"] as const) {
          const sorted = sortRows(rows, { key, dir });
          expect([...sorted].sort((a, b) => a.symbol.localeCompare(b.symbol))).toEqual(
            [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol)),
          );
          const value = (q: QuoteView): number | string | null =>
            key === "symbol" ? q.symbol : key === "volume" ? q.volume.base : q[key];
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1] as QuoteView;
            const b = sorted[i] as QuoteView;
            const va = value(a);
            const vb = value(b);
            if (va === null) {
              expect(vb).toBeNull();
              expect(rows.indexOf(a)).toBeLessThan(rows.indexOf(b));
            } else if (vb !== null) {
              if (va === vb) expect(rows.indexOf(a)).toBeLessThan(rows.indexOf(b));
              else expect(dir === "asc" ? va < vb : va > vb).toBe(true);
            }
          }
        }
      }
      expect(sortRows(rows, null)).toEqual(rows);
    }
  });

  it("cycles a header: first direction, the other, then the watchlist's order", () => {
    let sort: WatchSort | null = null;
    sort = nextSort(sort, "rvol");
    expect(sort).toEqual({ key: "rvol", dir: "desc" });
    sort = nextSort(sort, "rvol");
    expect(sort).toEqual({ key: "rvol", dir: "asc" });
    expect(nextSort(sort, "rvol")).toBeNull();
    expect(nextSort(sort, "symbol")).toEqual({ key: "symbol", dir: "asc" });
  });

  it("reads stored choices and falls back on anything it cannot read", () => {
    expect(parseColumns(null)).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns("")).toEqual(DEFAULT_COLUMNS);
    expect(parseColumns("rvol,bogus,bid")).toEqual(["bid", "rvol"]);
    expect(parseSort("gapPct:asc")).toEqual({ key: "gapPct", dir: "asc" });
    expect(parseSort("gapPct:up")).toBeNull();
    expect(parseSort("nope:desc")).toBeNull();
    expect(parseSort(null)).toBeNull();
  });
});
