import { useEffect, useReducer } from "react";
import { fmtPrice, fmtVolume } from "../../shared/format";
import { useStore } from "./context";
import { formatNyDateTime } from "./time";

export interface LegendValues {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  vwap: number | null;
}

interface Props {
  symbol: string | null;
  timeframe: number;
  /** Values under the crosshair, or null to show the newest candle. */
  values: LegendValues | null;
  /** The alerts on the hovered candle (one line each; a collapsed marker's full list). */
  alerts: readonly string[];
  fallback: () => LegendValues | null;
}

/** OHLCV of the candle under the crosshair (or the newest one), over the chart's top-left. */
export function Legend({ symbol, timeframe, values, alerts, fallback }: Props) {
  const store = useStore();
  const [, tick] = useReducer((n: number) => n + 1, 0);

  // While not hovering, follow the newest candle (at most once per frame).
  useEffect(() => {
    if (values) return;
    let frame: number | null = null;
    const off = store.onCandles((sym) => {
      if (sym !== symbol || frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        tick();
      });
    });
    return () => {
      off();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [store, symbol, values]);

  const v = values ?? fallback();
  const up = v ? v.close >= v.open : true;
  const color = up ? "text-emerald-400" : "text-rose-400";
  return (
    <div
      className="pointer-events-none absolute top-1 left-2 z-10 flex flex-wrap items-baseline gap-x-3 font-mono text-[12px] leading-5 text-zinc-400"
      data-testid="legend"
      aria-live="off"
    >
      <span className="font-sans text-sm font-semibold text-zinc-100">{symbol ?? "—"}</span>
      <span>{timeframe}m</span>
      {v && (
        <>
          <span className="text-zinc-400">{formatNyDateTime(v.time)}</span>
          <span>
            O <span className={color}>{fmtPrice(v.open)}</span>
          </span>
          <span>
            H <span className={color}>{fmtPrice(v.high)}</span>
          </span>
          <span>
            L <span className={color}>{fmtPrice(v.low)}</span>
          </span>
          <span>
            C <span className={color}>{fmtPrice(v.close)}</span>
          </span>
          <span>
            V <span className="text-zinc-200">{fmtVolume(v.volume)}</span>
          </span>
          {v.vwap != null && (
            <span>
              VWAP <span className="text-amber-400">{fmtPrice(v.vwap)}</span>
            </span>
          )}
        </>
      )}
      {alerts.length > 0 && (
        <ul
          data-testid="legend-alerts"
          className="basis-full font-sans text-zinc-200"
          aria-label="Alerts on this candle"
        >
          {alerts.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed list for one candle
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
