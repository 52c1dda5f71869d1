// Extended hours (pre-market, after hours, overnight) shaded behind the candles: a series
// primitive drawing one band per run of consecutive extended-hours candles.
import type {
  IPrimitivePaneRenderer,
  IPrimitivePaneView,
  ISeriesPrimitive,
  SeriesAttachedParameter,
  Time,
  UTCTimestamp,
} from "lightweight-charts";
import { isExtendedHours } from "./time";

export const SHADE = "rgba(148,163,184,0.07)";

/** Runs of consecutive candles (by index) whose start is outside 09:30–16:00 New York. */
export function extendedRuns(times: readonly number[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let start: number | null = null;
  times.forEach((t, i) => {
    if (isExtendedHours(t)) {
      if (start === null) start = i;
    } else if (start !== null) {
      runs.push({ from: start, to: i - 1 });
      start = null;
    }
  });
  if (start !== null) runs.push({ from: start, to: times.length - 1 });
  return runs;
}

type Target = Parameters<IPrimitivePaneRenderer["draw"]>[0];

/** Attach with `series.attachPrimitive(new SessionShade())`; `enabled` false for daily candles. */
export class SessionShade implements ISeriesPrimitive<Time> {
  private params: SeriesAttachedParameter<Time> | null = null;
  private runs: { from: number; to: number }[] = [];
  private times: number[] = [];
  private key = "";
  enabled = true;

  attached(params: SeriesAttachedParameter<Time>): void {
    this.params = params;
  }

  detached(): void {
    this.params = null;
  }

  /** The bands drawn now, as `[firstTime, lastTime]` pairs (for the test hook). */
  bands(): [number, number][] {
    this.refresh();
    return this.runs.map((r) => [this.times[r.from] ?? 0, this.times[r.to] ?? 0]);
  }

  updateAllViews(): void {
    this.refresh();
  }

  private refresh(): void {
    const data = this.params?.series.data() ?? [];
    const key = `${data.length}:${String(data[0]?.time)}:${String(data.at(-1)?.time)}:${this.enabled}`;
    if (key === this.key) return;
    this.key = key;
    this.times = data.map((d) => d.time as number);
    this.runs = this.enabled ? extendedRuns(this.times) : [];
  }

  paneViews(): readonly IPrimitivePaneView[] {
    return [{ zOrder: () => "bottom", renderer: () => ({ draw: (target) => this.draw(target) }) }];
  }

  private draw(target: Target): void {
    const params = this.params;
    if (!params || this.runs.length === 0) return;
    const ts = params.chart.timeScale();
    const half = ts.options().barSpacing / 2;
    // biome-ignore lint/correctness/useHookAtTopLevel: fancy-canvas's drawing scope, not a React hook
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio, bitmapSize }) => {
      context.fillStyle = SHADE;
      for (const run of this.runs) {
        const a = ts.timeToCoordinate(this.times[run.from] as UTCTimestamp);
        const b = ts.timeToCoordinate(this.times[run.to] as UTCTimestamp);
        if (a === null || b === null) continue;
        const x0 = Math.round((a - half) * horizontalPixelRatio);
        const x1 = Math.round((b + half) * horizontalPixelRatio);
        if (x1 < 0 || x0 > bitmapSize.width) continue;
        context.fillRect(x0, 0, x1 - x0, bitmapSize.height);
      }
    });
  }
}
