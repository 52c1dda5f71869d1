// Pure mapping of signals to chart markers for one symbol and timeframe. No chart calls.
import type { Signal } from "../../shared/api/types";
import { bucketOf, seqToTime, type Timeframe } from "../market/candles";

export type MarkerShape = "arrowUp" | "arrowDown" | "circle" | "square";

/** What the chart's markers plugin takes (a `SeriesMarkerBar`, time in UTC seconds), plus
 * the alerts it stands for: the plugin ignores the extra fields. */
export interface ChartMarker {
  id: string;
  time: number;
  position: "aboveBar" | "belowBar" | "inBar";
  shape: MarkerShape;
  color: string;
  text: string;
  /** Ids of every alert on this candle and side (`id` is the first of them). */
  ids: string[];
  /** One line per alert, newest first, for the chart's hover legend. */
  lines: string[];
}

export const LONG = "#22c55e";
export const SHORT = "#f43f5e";
export const NEUTRAL = "#38bdf8";
/** Backtest previews are drawn in one muted colour so they never pass for live alerts. */
export const PREVIEW = "#a78bfa";

const GLYPH: Record<Signal["direction"], string> = { long: "▲", short: "▼", neutral: "●" };

/** Time (UTC seconds) of the candle that holds a signal's bar at a timeframe. */
export function signalTime(seq: number, tf: Timeframe): number {
  return seqToTime(bucketOf(seq, tf));
}

/** `previewIndex`: the signal's place in a backtest preview (backtest signals are not stored,
 * so their ids are not unique); its marker id is then `preview:<index>`. */
export function signalMarker(s: Signal, tf: Timeframe, previewIndex?: number): ChartMarker {
  const preview = previewIndex !== undefined;
  const id = preview ? `preview:${previewIndex}` : String(s.id);
  const line = `${GLYPH[s.direction]} ${s.rule_name}${preview ? " (backtest)" : ""}`;
  const base = { id, time: signalTime(s.seq, tf), text: s.rule_name, ids: [id], lines: [line] };
  const color = (c: string) => (preview ? PREVIEW : c);
  if (s.direction === "long") return { ...base, position: "belowBar", shape: "arrowUp", color: color(LONG) };
  if (s.direction === "short")
    return { ...base, position: "aboveBar", shape: "arrowDown", color: color(SHORT) };
  return { ...base, position: "aboveBar", shape: "circle", color: color(NEUTRAL) };
}

/** One marker for the alerts of a candle and side: the first one's shape and colour when
 * they agree (else a neutral circle), its rule name or "N alerts", and every line. */
function collapse(group: ChartMarker[]): ChartMarker {
  const [first, ...rest] = group as [ChartMarker, ...ChartMarker[]];
  if (rest.length === 0) return first;
  const same = rest.every((m) => m.shape === first.shape && m.color === first.color);
  const names = new Set(group.map((m) => m.text));
  return {
    ...first,
    shape: same ? first.shape : "circle",
    color: same ? first.color : first.color === PREVIEW ? PREVIEW : NEUTRAL,
    text: names.size === 1 ? `${first.text} ×${group.length}` : `${group.length} alerts`,
    ids: group.flatMap((m) => m.ids),
    lines: group.flatMap((m) => m.lines),
  };
}

/** Markers for `symbol` at `tf`, sorted by time (the plugin requires it). Alerts on the same
 * candle and side collapse into one marker with a count (live and backtest apart), so
 * markers never stack into unreadable columns on 5m/15m. */
export function markersFor(
  signals: readonly Signal[],
  symbol: string | null,
  tf: Timeframe,
  preview: readonly Signal[] = [],
): ChartMarker[] {
  if (!symbol) return [];
  const groups = new Map<string, ChartMarker[]>();
  const put = (m: ChartMarker, kind: string) => {
    const key = `${m.time}|${m.position}|${kind}`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  };
  for (const s of signals) if (s.symbol === symbol) put(signalMarker(s, tf), "live");
  preview.forEach((s, i) => {
    if (s.symbol === symbol) put(signalMarker(s, tf, i), "preview");
  });
  // Stable: equal times keep the order (live before preview, feed order within each).
  return [...groups.values()].map(collapse).sort((a, b) => a.time - b.time);
}

/** The hover lines of every marker on the candle at `time` (UTC s). */
export function alertLinesAt(markers: readonly ChartMarker[], time: number): string[] {
  return markers.filter((m) => m.time === time).flatMap((m) => m.lines);
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
