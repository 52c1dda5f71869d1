// Pure candle logic for one symbol: final 1-minute bars plus the forming minute(s) from
// microbars, higher-timeframe aggregation, and session VWAP. No I/O, no chart calls.
//
// Sequence discipline: seq = bar_start_ms // 60000. A final bar is immutable and wins over any
// forming state of the same minute. A microbar for a minute that is already final, or older
// than the newest forming minute, or an older snapshot of the same minute, is stale and dropped.
import type { Bar, FormingBar } from "../../shared/api/types";
import { nyClock } from "./time";

/** Candle sizes in minutes (1440 = one New York day), all aggregated from 1-minute bars. */
export const TIMEFRAMES = [1, 2, 5, 15, 30, 60, 1440] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

export const MINUTE_MS = 60_000;

/** One drawable candle. `time` is UTC seconds of the bucket start (what the chart takes). */
export interface Candle {
  time: number;
  /** seq of the bucket's first minute. */
  seq: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Every minute in the bucket is final (and, for higher timeframes, the bucket has ended). */
  final: boolean;
}

/** A line value, or whitespace (no `value`) outside a session. Lightweight Charts joins a line
 * across whitespace, so the last value of each session is `transparent`: the segment that
 * leaves it (drawn in its colour) is invisible and sessions are not joined. */
export interface LinePoint {
  time: number;
  value?: number;
  color?: string;
}

export const SESSION_END_COLOR = "transparent";

/** A priced 1-minute bar, final or forming. */
interface Minute {
  seq: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  trades: number;
  final: boolean;
}

export type ApplyResult =
  | { changed: false; reason: "duplicate" | "stale" }
  /** `fromSeq`: the oldest minute whose candle changed. `reset`: candles older than the newest
   * drawn one changed or disappeared, so the series must be replaced, not updated. */
  | { changed: true; fromSeq: number; reset: boolean };

/** The label of a timeframe: 1m … 30m, 1h, 1D. */
export function tfLabel(tf: Timeframe): string {
  return tf === 1440 ? "1D" : tf === 60 ? "1h" : `${tf}m`;
}

/** The seq of the first minute of `seq`'s bucket: `floor(seq / tf) * tf` (aligned to the
 * clock in New York too, its offset being whole hours), and New York midnight for 1D. */
export function bucketOf(seq: number, tf: Timeframe): number {
  if (tf !== 1440) return Math.floor(seq / tf) * tf;
  return seq - nyClock(seq * MINUTE_MS).minuteOfDay;
}

export function seqToTime(seq: number): number {
  return (seq * MINUTE_MS) / 1000;
}

function fromBar(bar: Bar): Minute {
  return {
    seq: bar.seq,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
    trades: bar.trades,
    final: true,
  };
}

function priced(f: FormingBar): Minute | null {
  if (f.open == null || f.high == null || f.low == null || f.close == null) return null;
  return {
    seq: f.seq,
    open: f.open,
    high: f.high,
    low: f.low,
    close: f.close,
    volume: f.volume,
    trades: f.trades,
    final: false,
  };
}

/** Index of the first element with seq >= target (binary search). */
function lowerBound(items: readonly { seq: number }[], target: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as { seq: number }).seq < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Aggregate consecutive 1-minute bars into buckets of `tf` minutes (seq-aligned). */
export function aggregate(
  minutes: Iterable<Minute>,
  tf: Timeframe,
  nowSeq = Number.POSITIVE_INFINITY,
): Candle[] {
  const out: Candle[] = [];
  let cur: Candle | null = null;
  for (const m of minutes) {
    const b = bucketOf(m.seq, tf);
    if (cur === null || cur.seq !== b) {
      if (cur) out.push(cur);
      cur = {
        time: seqToTime(b),
        seq: b,
        open: m.open,
        high: m.high,
        low: m.low,
        close: m.close,
        volume: m.volume,
        final: m.final,
      };
    } else {
      cur.high = Math.max(cur.high, m.high);
      cur.low = Math.min(cur.low, m.low);
      cur.close = m.close;
      cur.volume += m.volume;
      cur.final = cur.final && m.final;
    }
  }
  if (cur) out.push(cur);
  // A higher-timeframe bucket is final only once its last minute is past.
  if (tf > 1) {
    for (const c of out) if (c.final && c.seq + tf > nowSeq) c.final = false;
  }
  return out;
}

export class CandleBook {
  readonly symbol: string;
  /** Final 1-minute bars, ascending by seq, unique. */
  private finals: Minute[] = [];
  /** Forming minutes newer than the newest final bar, ascending, priced or not. */
  private formings: FormingBar[] = [];
  /** Bumped on every change; lets views cheaply tell whether to redraw. */
  version = 0;

  constructor(symbol: string) {
    this.symbol = symbol;
  }

  get lastFinalSeq(): number | null {
    return this.finals.at(-1)?.seq ?? null;
  }

  get firstSeq(): number | null {
    return this.finals[0]?.seq ?? null;
  }

  get size(): number {
    return this.finals.length;
  }

  /** The newest minute that has a price (final or forming), for quotes. */
  lastMinute(): { seq: number; close: number; final: boolean } | null {
    for (let i = this.formings.length - 1; i >= 0; i--) {
      const m = priced(this.formings[i] as FormingBar);
      if (m) return m;
    }
    return this.finals.at(-1) ?? null;
  }

  /** Merge a page of history (any order, may overlap what is known). Always a reset. */
  applyHistory(bars: readonly Bar[]): ApplyResult {
    const known = new Set(this.finals.map((m) => m.seq));
    const fresh = bars.filter((b) => Number.isInteger(b.seq) && !known.has(b.seq)).map(fromBar);
    if (fresh.length === 0) return { changed: false, reason: "duplicate" };
    const merged: Minute[] = [];
    for (const m of [...this.finals, ...fresh].sort((a, b) => a.seq - b.seq)) {
      if (merged.at(-1)?.seq !== m.seq) merged.push(m);
    }
    this.finals = merged;
    const last = this.lastFinalSeq ?? Number.NEGATIVE_INFINITY;
    this.formings = this.formings.filter((f) => f.seq > last);
    this.version++;
    return { changed: true, fromSeq: Math.min(...fresh.map((m) => m.seq)), reset: true };
  }

  /** A final 1-minute bar from the stream. */
  applyBar(bar: Bar): ApplyResult {
    const idx = lowerBound(this.finals, bar.seq);
    if (this.finals[idx]?.seq === bar.seq) return { changed: false, reason: "duplicate" };
    const appended = idx === this.finals.length;
    this.finals.splice(idx, 0, fromBar(bar));
    // The final bar replaces the forming state of its minute; forming minutes before it that
    // never became final cannot become final any more.
    const dropped = this.formings.filter((f) => f.seq <= bar.seq);
    this.formings = this.formings.filter((f) => f.seq > bar.seq);
    const droppedDrawn = dropped.some((f) => f.seq < bar.seq && priced(f) !== null);
    const newerDrawn = this.formings.some((f) => priced(f) !== null);
    this.version++;
    return {
      changed: true,
      fromSeq: bar.seq,
      reset: !appended || droppedDrawn || newerDrawn,
    };
  }

  /** The forming minute's running state (from a microbar). */
  applyForming(minute: FormingBar): ApplyResult {
    const last = this.lastFinalSeq;
    if (last !== null && minute.seq <= last) return { changed: false, reason: "stale" };
    const newest = this.formings.at(-1);
    if (newest) {
      if (minute.seq < newest.seq) return { changed: false, reason: "stale" };
      if (minute.seq === newest.seq) {
        if (minute.trades < newest.trades || minute.volume < newest.volume) {
          return { changed: false, reason: "stale" };
        }
        this.formings[this.formings.length - 1] = minute;
        this.version++;
        return { changed: true, fromSeq: minute.seq, reset: false };
      }
    }
    this.formings.push(minute);
    this.version++;
    return { changed: true, fromSeq: minute.seq, reset: false };
  }

  /** Minutes (final, then priced forming) with seq >= fromSeq, ascending. */
  *minutes(fromSeq = Number.NEGATIVE_INFINITY): Generator<Minute> {
    for (let i = lowerBound(this.finals, fromSeq); i < this.finals.length; i++) {
      yield this.finals[i] as Minute;
    }
    for (const f of this.formings) {
      if (f.seq < fromSeq) continue;
      const m = priced(f);
      if (m) yield m;
    }
  }

  /** All candles for a timeframe, ascending by time. */
  /** The final 1-minute bars held, ascending by seq (a copy). */
  finalBars(): Omit<Minute, "final">[] {
    return this.finals.map(({ seq, open, high, low, close, volume, trades }) => ({
      seq,
      open,
      high,
      low,
      close,
      volume,
      trades,
    }));
  }

  candles(tf: Timeframe): Candle[] {
    return aggregate(this.minutes(), tf, this.nowSeq());
  }

  /** Candles of the buckets from the one containing `fromSeq` to the newest. */
  candlesFrom(tf: Timeframe, fromSeq: number): Candle[] {
    return aggregate(this.minutes(bucketOf(fromSeq, tf)), tf, this.nowSeq());
  }

  private nowSeq(): number {
    const f = this.formings.at(-1);
    return f ? f.seq : (this.lastFinalSeq ?? 0) + 1;
  }
}
