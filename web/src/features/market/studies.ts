// Chart studies (session VWAP, EMA 9/21, RSI 14) from the server's indicator values, which are
// the rule engine's own: `StudyBook` holds them per 1-minute seq, `studyLine` turns one field
// into line points for a timeframe. Pure, no I/O.
import type { StudyPoint } from "../../shared/api/types";
import { bucketOf, type LinePoint, SESSION_END_COLOR, seqToTime, type Timeframe } from "./candles";

export type StudyField = "vwap" | "ema9" | "ema21" | "rsi14";

/** Indicator values of one symbol by 1-minute seq (a repeated seq takes the newer value). */
export class StudyBook {
  private readonly bySeq = new Map<number, StudyPoint>();
  private sorted: StudyPoint[] | null = null;

  get size(): number {
    return this.bySeq.size;
  }

  get firstSeq(): number | null {
    return this.points()[0]?.seq ?? null;
  }

  get lastSeq(): number | null {
    return this.points().at(-1)?.seq ?? null;
  }

  /** Merge points; true when anything changed. */
  merge(points: readonly StudyPoint[]): boolean {
    let changed = false;
    for (const p of points) {
      const old = this.bySeq.get(p.seq);
      if (old && old.vwap === p.vwap && old.ema9 === p.ema9 && old.ema21 === p.ema21 && old.rsi14 === p.rsi14)
        continue;
      this.bySeq.set(p.seq, p);
      changed = true;
    }
    if (changed) this.sorted = null;
    return changed;
  }

  /** Every point, ascending by seq. */
  points(): StudyPoint[] {
    this.sorted ??= [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }
}

/**
 * One field as line points at timeframe `tf`: a bucket takes the value after its newest minute
 * (VWAP is cumulative, so that is the bucket's VWAP; EMA and RSI are the 1-minute values the
 * rules read). A minute without a value (VWAP outside the regular session, indicators not
 * warmed up) is whitespace; the last value before whitespace is drawn transparent so separate
 * sessions are not joined (see `LinePoint`).
 */
export function studyLine(points: readonly StudyPoint[], field: StudyField, tf: Timeframe): LinePoint[] {
  const out: LinePoint[] = [];
  for (const p of points) {
    const time = seqToTime(bucketOf(p.seq, tf));
    const value = p[field];
    const point: LinePoint = value == null ? { time } : { time, value };
    const prev = out.at(-1);
    if (prev?.time === time) out[out.length - 1] = value == null && prev.value !== undefined ? prev : point;
    else out.push(point);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const cur = out[i] as LinePoint;
    if (cur.value !== undefined && (out[i + 1] as LinePoint).value === undefined) {
      out[i] = { ...cur, color: SESSION_END_COLOR };
    }
  }
  return out;
}
