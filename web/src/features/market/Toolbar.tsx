import { useEffect } from "react";
import { fmtChange, fmtPct, fmtPrice, tone } from "../../shared/format";
import { TIMEFRAMES, tfLabel } from "./candles";
import { useAppState, useStore } from "./context";

/** Above the chart: symbol, last price and change, timeframe switch. */
export function Toolbar() {
  const store = useStore();
  const selected = useAppState((s) => s.selected);
  const tf = useAppState((s) => s.timeframe);
  const quote = useAppState((s) => s.watchlist.find((q) => q.symbol === s.selected) ?? null);
  const last = quote?.last;
  useEffect(() => {
    document.title = selected ? `${selected} ${fmtPrice(last)} · Spotlight Trader` : "Spotlight Trader";
  }, [selected, last]);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-zinc-800 px-2 py-1">
      <div className="flex items-baseline gap-2 font-mono">
        <span className="font-sans text-base font-semibold text-zinc-50" data-testid="chart-symbol">
          {selected ?? "—"}
        </span>
        <span data-price data-testid="toolbar-last" className="text-sm text-zinc-100 tabular-nums">
          {fmtPrice(quote?.last)}
        </span>
        <span data-price className={`text-xs tabular-nums ${tone(quote?.change)}`}>
          {fmtChange(quote?.change)}
        </span>
        <span data-price className={`text-xs tabular-nums ${tone(quote?.changePct)}`}>
          {fmtPct(quote?.changePct)}
        </span>
      </div>
      <fieldset className="flex overflow-hidden rounded border border-zinc-700" aria-label="Timeframe">
        {TIMEFRAMES.map((t, i) => (
          <button
            key={t}
            type="button"
            aria-pressed={t === tf}
            data-testid={`tf-${tfLabel(t)}`}
            onClick={() => store.setTimeframe(t)}
            title={`${tfLabel(t)} candles (key ${i + 1})`}
            className={`px-2 py-0.5 font-mono text-xs ${
              t === tf ? "bg-sky-700 text-white" : "text-zinc-300 hover:bg-zinc-800"
            }`}
          >
            {tfLabel(t)}
          </button>
        ))}
      </fieldset>
      <span className="ml-auto hidden text-[12px] text-zinc-400 xl:inline">
        Times in New York (ET) · VWAP from 09:30 ET
      </span>
    </div>
  );
}
