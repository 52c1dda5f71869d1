// The render edge between CandleBook and a chart series: applies changes with `update` when
// they are at or after the newest drawn time and with `setData` otherwise, so the chart never
// sees "Cannot update oldest data".
import type { ApplyResult, Candle, CandleBook, Timeframe } from "./candles";

/** The subset of a Lightweight Charts series this module drives. */
export interface SeriesSink<P extends { time: number }> {
  setData(points: P[]): void;
  update(point: P): void;
}

/** Wraps a series and remembers the newest time it holds. */
export class GuardedSeries<P extends { time: number }> {
  private last: number | null = null;
  staleDropped = 0;

  constructor(private readonly sink: SeriesSink<P>) {}

  get lastTime(): number | null {
    return this.last;
  }

  setData(points: P[]): void {
    this.sink.setData(points);
    this.last = points.at(-1)?.time ?? null;
  }

  /** Updates the newest point or appends; an older time is dropped and counted. */
  update(point: P): boolean {
    if (this.last !== null && point.time < this.last) {
      this.staleDropped++;
      return false;
    }
    this.sink.update(point);
    this.last = point.time;
    return true;
  }
}

export interface ChartSeries<C extends { time: number }, V extends { time: number }> {
  candles: GuardedSeries<C>;
  volume: GuardedSeries<V>;
}

export interface Mappers<C, V> {
  candle: (c: Candle) => C;
  volume: (c: Candle) => V;
}

/** Draw the whole book. */
export function drawAll<C extends { time: number }, V extends { time: number }>(
  book: CandleBook,
  tf: Timeframe,
  series: ChartSeries<C, V>,
  map: Mappers<C, V>,
): void {
  const candles = book.candles(tf);
  series.candles.setData(candles.map(map.candle));
  series.volume.setData(candles.map(map.volume));
}

/** Apply one change reported by the book. Returns "reset" | "update" | "none". */
export function drawChange<C extends { time: number }, V extends { time: number }>(
  book: CandleBook,
  tf: Timeframe,
  result: ApplyResult,
  series: ChartSeries<C, V>,
  map: Mappers<C, V>,
): "reset" | "update" | "none" {
  if (!result.changed) return "none";
  if (result.reset) {
    drawAll(book, tf, series, map);
    return "reset";
  }
  const changed = book.candlesFrom(tf, result.fromSeq);
  const first = changed[0];
  const last = series.candles.lastTime;
  if (!first) return "none";
  if (last !== null && first.time < last) {
    drawAll(book, tf, series, map);
    return "reset";
  }
  for (const c of changed) {
    series.candles.update(map.candle(c));
    series.volume.update(map.volume(c));
  }
  return "update";
}
