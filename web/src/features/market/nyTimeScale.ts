// The chart's horizontal scale in New York time: Lightweight Charts' own time behaviour with
// its tick weights computed on New York's calendar (data stays in UTC seconds).
import {
  defaultHorzScaleBehavior,
  type IHorzScaleBehavior,
  type Mutable,
  type TickMarkWeightValue,
  type Time,
  type TimeScalePoint,
} from "lightweight-charts";
import { nyTickWeight } from "./time";

const Base = defaultHorzScaleBehavior();
const secondsOf = (p: TimeScalePoint): number => (typeof p.originalTime === "number" ? p.originalTime : 0);

/** Weights of `points[start…]` from their New York times; the first point's guess assumes the
 * average spacing before it (as the library does). Exported for tests. */
export function fillNyWeights(points: readonly Mutable<TimeScalePoint>[], start: number): void {
  if (points.length === 0) return;
  for (let i = Math.max(start, 1); i < points.length; i++) {
    const p = points[i];
    const prev = points[i - 1];
    if (p && prev) p.timeWeight = nyTickWeight(secondsOf(p), secondsOf(prev)) as TickMarkWeightValue;
  }
  const first = points[0];
  const last = points.at(-1);
  if (start === 0 && first && last && points.length > 1) {
    const step = Math.ceil((secondsOf(last) - secondsOf(first)) / (points.length - 1));
    first.timeWeight = nyTickWeight(secondsOf(first), secondsOf(first) - step) as TickMarkWeightValue;
  }
}

/** The default time behaviour, with New York tick weights. */
export class NyTimeScale extends Base implements IHorzScaleBehavior<Time> {
  override fillWeightsForPoints(points: readonly Mutable<TimeScalePoint>[], start: number): void {
    fillNyWeights(points, start);
  }
}
