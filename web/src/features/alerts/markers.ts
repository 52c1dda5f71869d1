// Pure mapping of signals to chart markers for one symbol and timeframe. No chart calls.
import type { Signal } from "../../shared/api/types";
import { bucketOf, seqToTime, type Timeframe } from "../market/candles";

export type MarkerShape = "arrowUp" | "arrowDown" | "circle" | "square";

/** What the chart's markers plugin takes (a `SeriesMarkerBar`, time in UTC seconds). */
export interface ChartMarker {
  id: string;
  time: number;
  position: "aboveBar" | "belowBar" | "inBar";
  shape: MarkerShape;
  color: string;
  text: string;
}

export const LONG = "#22c55e";
export const SHORT = "#f43f5e";
export const NEUTRAL = "#38bdf8";
/** Backtest previews are drawn in one muted colour so they never pass for live alerts. */
export const PREVIEW = "#a78bfa";

/** Time (UTC seconds) of the candle that holds a signal's bar at a timeframe. */
export function signalTime(seq: number, tf: Timeframe): number {
  return seqToTime(bucketOf(seq, tf));
}

/** `previewIndex`: the signal's place in a backtest preview (backtest signals are not stored,
 * so their ids are not unique); its marker id is then `preview:<index>`. */
export function signalMarker(s: Signal, tf: Timeframe, previewIndex?: number): ChartMarker {
  const preview = previewIndex !== undefined;
  const id = preview ? `preview:${previewIndex}` : String(s.id);
  const base = { id, time: signalTime(s.seq, tf), text: s.rule_name };
  const color = (c: string) => (preview ? PREVIEW : c);
  if (s.direction === "long") return { ...base, position: "belowBar", shape: "arrowUp", color: color(LONG) };
  if (s.direction === "short")
    return { ...base, position: "aboveBar", shape: "arrowDown", color: color(SHORT) };
  return { ...base, position: "aboveBar", shape: "circle", color: color(NEUTRAL) };
}

/** Markers for `symbol` at `tf`, sorted by time (the plugin requires it). Several signals in
 * one bucket each keep their marker; the plugin stacks them. */
export function markersFor(
  signals: readonly Signal[],
  symbol: string | null,
  tf: Timeframe,
  preview: readonly Signal[] = [],
): ChartMarker[] {
  if (!symbol) return [];
  const out: ChartMarker[] = [];
  for (const s of signals) if (s.symbol === symbol) out.push(signalMarker(s, tf));
  preview.forEach((s, i) => {
    if (s.symbol === symbol) out.push(signalMarker(s, tf, i));
  });
  // Stable: equal times keep the order (live before preview, feed order within each).
  return out.sort((a, b) => a.time - b.time);
}

/** Keep the markers whose candle is drawn (`first`..`last`, UTC s). The markers plugin would
 * otherwise pin a marker outside the data onto the first or last candle; it reappears once
 * older history or its bar is loaded. */
export function drawnMarkers(
  markers: readonly ChartMarker[],
  first: number | null,
  last: number | null,
): ChartMarker[] {
  if (first === null || last === null) return [];
  return markers.filter((m) => m.time >= first && m.time <= last);
}
