import { describe, expect, it } from "vitest";
import type { Bar, FormingBar } from "../../shared/api/types";
import { type Candle, CandleBook, type Timeframe } from "./candles";
import { drawAll, drawChange, GuardedSeries, type SeriesSink } from "./series";

// 2026-11-24 09:30 ET = 14:30 UTC.
const OPEN_MS = Date.UTC(2026, 10, 24, 14, 30);
const OPEN_SEQ = OPEN_MS / 60_000;

function bar(seq: number, o: number, h: number, l: number, c: number, v = 100, symbol = "SPY"): Bar {
  return {
    symbol,
    seq,
    bar_start_ms: seq * 60_000,
    bar_end_ms: (seq + 1) * 60_000,
    open: o,
    high: h,
    low: l,
    close: c,
    volume: v,
    trades: Math.max(1, Math.round(v / 10)),
  };
}

function forming(
  seq: number,
  o: number | null,
  h: number | null,
  l: number | null,
  c: number | null,
  v: number,
  trades: number,
): FormingBar {
  return { seq, bar_start_ms: seq * 60_000, open: o, high: h, low: l, close: c, volume: v, trades };
}

/** A deterministic pseudo-random generator (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBars(n: number, seed: number, startSeq = OPEN_SEQ - 20): Bar[] {
  const r = rng(seed);
  const bars: Bar[] = [];
  let seq = startSeq;
  let price = 100;
  for (let i = 0; i < n; i++) {
    seq += r() < 0.15 ? 2 + Math.floor(r() * 6) : 1; // gaps: minutes with no trades
    const o = price;
    const c = Math.round((o + (r() - 0.5) * 2) * 100) / 100;
    const h = Math.max(o, c) + Math.round(r() * 50) / 100;
    const l = Math.min(o, c) - Math.round(r() * 50) / 100;
    bars.push(bar(seq, o, h, l, c, 1 + Math.floor(r() * 1000)));
    price = c;
  }
  return bars;
}

/** A fake Lightweight Charts series that enforces the same ordering rules. */
class FakeSeries<P extends { time: number }> implements SeriesSink<P> {
  data: P[] = [];
  setData(points: P[]): void {
    for (let i = 1; i < points.length; i++) {
      if ((points[i] as P).time <= (points[i - 1] as P).time)
        throw new Error("data must be asc ordered by time");
    }
    this.data = [...points];
  }
  update(point: P): void {
    const last = this.data.at(-1);
    if (last && point.time < last.time) {
      throw new Error(`Cannot update oldest data, last time=${last.time}, new time=${point.time}`);
    }
    if (last && point.time === last.time) this.data[this.data.length - 1] = point;
    else this.data.push(point);
  }
}

function chart() {
  const sinks = {
    candles: new FakeSeries<Candle>(),
    volume: new FakeSeries<{ time: number; value: number }>(),
  };
  const series = {
    candles: new GuardedSeries(sinks.candles),
    volume: new GuardedSeries(sinks.volume),
  };
  const map = { candle: (c: Candle) => c, volume: (c: Candle) => ({ time: c.time, value: c.volume }) };
  return { sinks, series, map };
}

describe("candle merge", () => {
  it("a microbar snapshot becomes the forming candle and the final bar replaces it", () => {
    const book = new CandleBook("SPY");
    book.applyHistory([bar(OPEN_SEQ, 10, 11, 9, 10.5)]);
    const s = OPEN_SEQ + 1;
    expect(book.applyForming(forming(s, 10.5, 10.6, 10.4, 10.55, 30, 3))).toEqual({
      changed: true,
      fromSeq: s,
      reset: false,
    });
    let last = book.candles(1).at(-1);
    expect(last).toMatchObject({
      seq: s,
      open: 10.5,
      high: 10.6,
      low: 10.4,
      close: 10.55,
      volume: 30,
      final: false,
    });

    // The next snapshot is the running state of the same minute, not a delta.
    book.applyForming(forming(s, 10.5, 10.9, 10.4, 10.8, 55, 6));
    last = book.candles(1).at(-1);
    expect(last).toMatchObject({ high: 10.9, close: 10.8, volume: 55, final: false });
    expect(book.candles(1)).toHaveLength(2);

    // The final bar wins, even if it differs from the last snapshot seen.
    expect(book.applyBar(bar(s, 10.5, 10.95, 10.35, 10.7, 60))).toEqual({
      changed: true,
      fromSeq: s,
      reset: false,
    });
    last = book.candles(1).at(-1);
    expect(last).toMatchObject({ seq: s, high: 10.95, low: 10.35, close: 10.7, volume: 60, final: true });
    expect(book.candles(1)).toHaveLength(2);

    // A late microbar for the finalised minute changes nothing.
    expect(book.applyForming(forming(s, 10.5, 11.5, 10.4, 11.5, 99, 9))).toEqual({
      changed: false,
      reason: "stale",
    });
    expect(book.candles(1).at(-1)).toMatchObject({ close: 10.7, final: true });
  });

  it("a forming minute with no price yet draws nothing", () => {
    const book = new CandleBook("SPY");
    book.applyHistory([bar(OPEN_SEQ, 10, 11, 9, 10.5)]);
    book.applyForming(forming(OPEN_SEQ + 1, null, null, null, null, 5, 1));
    expect(book.candles(1)).toHaveLength(1);
    book.applyForming(forming(OPEN_SEQ + 1, 10.4, 10.4, 10.4, 10.4, 105, 2));
    expect(book.candles(1)).toHaveLength(2);
  });

  it("history merges with streamed bars without duplicates and in order", () => {
    const book = new CandleBook("SPY");
    const bars = randomBars(50, 7);
    for (const b of bars.slice(30)) book.applyBar(b);
    book.applyForming(forming((bars.at(-1) as Bar).seq + 1, 1, 2, 0.5, 1.5, 10, 1));
    const r = book.applyHistory(bars.slice(0, 35)); // overlaps 30..34
    expect(r).toMatchObject({ changed: true, reset: true });
    const seqs = book.candles(1).map((c) => c.seq);
    expect(seqs).toEqual([...bars.map((b) => b.seq), (bars.at(-1) as Bar).seq + 1]);
    expect(book.applyBar(bars[10] as Bar)).toEqual({ changed: false, reason: "duplicate" });
  });
});

describe("higher-timeframe aggregation", () => {
  /** Reference: group by wall-clock bucket of bar_start_ms, computed independently. */
  function reference(bars: Bar[], tf: number) {
    const groups = new Map<number, Bar[]>();
    for (const b of bars) {
      const key = b.bar_start_ms - (b.bar_start_ms % (tf * 60_000));
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a - b)
      .map(([start, group]) => {
        const sorted = [...group].sort((a, b) => a.bar_start_ms - b.bar_start_ms);
        return {
          time: start / 1000,
          open: (sorted[0] as Bar).open,
          high: Math.max(...sorted.map((b) => b.high)),
          low: Math.min(...sorted.map((b) => b.low)),
          close: (sorted.at(-1) as Bar).close,
          volume: sorted.reduce((s, b) => s + b.volume, 0),
        };
      });
  }

  for (const tf of [1, 5, 15] as Timeframe[]) {
    it(`${tf}m candles equal the reference for random bars with gaps`, () => {
      for (const seed of [1, 2, 3]) {
        const bars = randomBars(400, seed * 11 + tf);
        const book = new CandleBook("SPY");
        // Feed half as history (shuffled page) and half live, in order.
        const shuffled = bars.slice(0, 200).sort(() => rng(seed)() - 0.5);
        book.applyHistory(shuffled);
        for (const b of bars.slice(200)) book.applyBar(b);
        const got = book
          .candles(tf)
          .map(({ time, open, high, low, close, volume }) => ({ time, open, high, low, close, volume }));
        const want = reference(bars, tf);
        expect(got).toHaveLength(want.length);
        for (let i = 0; i < want.length; i++) {
          const g = got[i] as (typeof got)[number];
          const w = want[i] as (typeof want)[number];
          expect(g.time).toBe(w.time);
          expect(g.open).toBe(w.open);
          expect(g.high).toBe(w.high);
          expect(g.low).toBe(w.low);
          expect(g.close).toBe(w.close);
          expect(g.volume).toBeCloseTo(w.volume, 6);
        }
      }
    });
  }

  it("the forming minute moves the current 5m candle, and the bucket is final only once it is over", () => {
    const book = new CandleBook("SPY");
    const base = OPEN_SEQ + 10; // a 5-minute boundary
    book.applyHistory([bar(base, 10, 11, 9.5, 10.5, 100), bar(base + 1, 10.5, 12, 10, 11, 50)]);
    book.applyForming(forming(base + 2, 11, 11.2, 8, 9, 20, 2));
    let c = book.candles(5).at(-1) as Candle;
    expect(c).toMatchObject({ seq: base, open: 10, high: 12, low: 8, close: 9, volume: 170, final: false });
    book.applyBar(bar(base + 2, 11, 11.2, 8, 9.1, 25));
    book.applyBar(bar(base + 3, 9.1, 9.2, 9, 9.2, 5));
    book.applyBar(bar(base + 4, 9.2, 9.3, 9.1, 9.3, 5));
    c = book.candles(5).at(-1) as Candle;
    expect(c).toMatchObject({ close: 9.3, volume: 185, final: true });
    expect(book.candlesFrom(5, base + 3)).toEqual([c]);
  });
});

describe("out-of-order protection", () => {
  it("drops stale microbars: older minute, older snapshot, already-final minute", () => {
    const book = new CandleBook("SPY");
    book.applyBar(bar(OPEN_SEQ, 1, 1, 1, 1));
    book.applyForming(forming(OPEN_SEQ + 2, 1, 2, 1, 2, 20, 4));
    expect(book.applyForming(forming(OPEN_SEQ + 1, 1, 1, 1, 1, 5, 1))).toEqual({
      changed: false,
      reason: "stale",
    });
    expect(book.applyForming(forming(OPEN_SEQ + 2, 1, 1.5, 1, 1.5, 10, 2))).toEqual({
      changed: false,
      reason: "stale",
    });
    expect(book.applyForming(forming(OPEN_SEQ, 9, 9, 9, 9, 500, 50))).toEqual({
      changed: false,
      reason: "stale",
    });
    expect(book.candles(1).at(-1)).toMatchObject({ seq: OPEN_SEQ + 2, close: 2 });
  });

  it("never calls series.update with an older time, whatever order events arrive in", () => {
    for (const seed of [3, 4, 5, 6]) {
      const r = rng(seed);
      const bars = randomBars(120, seed);
      for (const tf of [1, 5, 15] as Timeframe[]) {
        const view = { book: new CandleBook("SPY"), ...chart() };
        drawAll(view.book, tf, view.series, view.map);
        // Events: microbars for every minute, then its final bar; then jitter the order a bit.
        const events: ({ kind: "bar"; bar: Bar } | { kind: "mb"; f: FormingBar })[] = [];
        for (const b of bars) {
          events.push({ kind: "mb", f: forming(b.seq, b.open, b.open, b.open, b.open, 1, 1) });
          events.push({
            kind: "mb",
            f: forming(b.seq, b.open, b.high, b.low, b.close, b.volume - 1, b.trades),
          });
          events.push({ kind: "bar", bar: b });
        }
        for (let i = 0; i < events.length - 1; i++) {
          if (r() < 0.2)
            [events[i], events[i + 1]] = [
              events[i + 1] as (typeof events)[number],
              events[i] as (typeof events)[number],
            ];
        }
        for (const e of events) {
          const res = e.kind === "bar" ? view.book.applyBar(e.bar) : view.book.applyForming(e.f);
          expect(() => drawChange(view.book, tf, res, view.series, view.map)).not.toThrow();
        }
        // Whatever the order, once every final bar is in, the chart equals a fresh draw.
        const fresh = new CandleBook("SPY");
        fresh.applyHistory(bars);
        // (`final` of a higher-timeframe bucket depends on what came after it, so compare prices.)
        const ohlcv = ({ time, open, high, low, close, volume }: Candle) => ({
          time,
          open,
          high,
          low,
          close,
          volume,
        });
        expect(view.sinks.candles.data.map(ohlcv)).toEqual(fresh.candles(tf).map(ohlcv));
        expect(view.sinks.volume.data.map((p) => p.value)).toEqual(fresh.candles(tf).map((c) => c.volume));
      }
    }
  });

  it("GuardedSeries drops an update older than the newest drawn time", () => {
    const sink = new FakeSeries<{ time: number; value: number }>();
    const g = new GuardedSeries(sink);
    g.setData([
      { time: 60, value: 1 },
      { time: 120, value: 2 },
    ]);
    expect(g.update({ time: 60, value: 3 })).toBe(false);
    expect(g.update({ time: 120, value: 4 })).toBe(true);
    expect(g.update({ time: 180, value: 5 })).toBe(true);
    expect(sink.data.map((p) => p.value)).toEqual([1, 4, 5]);
    expect(g.staleDropped).toBe(1);
  });
});
