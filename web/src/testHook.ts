// window.__spotlight: a read-only hook for browser tests (Playwright) and for debugging.
import type { ChartMarker } from "./features/alerts/markers";
import type { MarketStore } from "./features/market/store";
import type { Signal } from "./shared/api/types";

export interface ChartProbe {
  symbol(): string | null;
  timeframe(): number;
  candles(): { time: number; open: number; high: number; low: number; close: number }[];
  volume(): { time: number; value: number }[];
  vwap(): { time: number; value?: number }[];
  study(name: "ema9" | "ema21" | "rsi14"): { time: number; value?: number }[];
  markers(): ChartMarker[];
  zoom(): { barSpacing: number; scrollPosition: number };
  crosshair(): number | null;
  livePrice(): number | null;
  sessionBands(): [number, number][];
}

let chart: ChartProbe | null = null;

export function registerChart(probe: ChartProbe): () => void {
  chart = probe;
  return () => {
    if (chart === probe) chart = null;
  };
}

/** What the voice coach reports to tests (see CoachBubble / VoiceClient.probe). */
export interface VoiceProbe {
  state: string;
  /** Every state the voice client went through, newest last. */
  states: string[];
  connected: boolean;
  lastTruncate: { item_id: string; audio_end_ms: number; played_ms: number; received_ms: number } | null;
  played_ms: number;
}

let voice: (() => VoiceProbe) | null = null;

export function registerVoice(probe: () => VoiceProbe): () => void {
  voice = probe;
  return () => {
    if (voice === probe) voice = null;
  };
}

export interface SpotlightHook {
  /** Candles as drawn on the chart (selected symbol and timeframe), or, for another symbol,
   * the 1-minute candles the client holds for it. Times are UTC seconds. */
  candles(
    symbol?: string,
  ): { time: number; open: number; high: number; low: number; close: number; volume?: number }[];
  /** The final 1-minute bars the client holds for a symbol, ascending by seq. */
  finals(symbol: string): ReturnType<ReturnType<MarketStore["book"]>["finalBars"]>;
  volume(): { time: number; value: number }[];
  vwap(): { time: number; value?: number }[];
  /** A study line as drawn (empty while the study is off). */
  study(name: "ema9" | "ema21" | "rsi14"): { time: number; value?: number }[];
  /** The chart's bar spacing (px) and scroll position (bars from the right edge). */
  zoom(): { barSpacing: number; scrollPosition: number } | null;
  /** The candle time (UTC s) under the chart's crosshair, or null when it is hidden. */
  crosshair(): number | null;
  /** The price on the live price line's axis label (the newest candle's close), or null. */
  livePrice(): number | null;
  /** Shaded extended-hours bands as [first, last] candle times (UTC s). */
  sessionBands(): [number, number][];
  /** Alert feed items as listed (newest first). */
  alerts(): Signal[];
  /** Markers on the chart (live alerts and any backtest preview), sorted by time (UTC s). */
  markers(): ChartMarker[];
  /** The backtest preview shown on the chart, if any. */
  preview(): ReturnType<MarketStore["alerts"]["getState"]>["preview"];
  /** Stream state (live | warming | stale | finished | reconnecting | offline), the
   * server's phase and progress, lag, cursor, counters. */
  state(): ReturnType<MarketStore["stream"]["snapshot"]>;
  selected(): string | null;
  timeframe(): number;
  watchlist(): ReturnType<MarketStore["getState"]>["watchlist"];
  /** ms from navigation start to the first drawn candle, or null. */
  firstCandleMs(): number | null;
  /** Voice coach: state (off|disabled|connecting|idle|listening|thinking|speaking), connected,
   * the newest truncate sent and ms of the current coach item actually played. */
  voice(): VoiceProbe;
}

export function installTestHook(store: MarketStore): void {
  const hook: SpotlightHook = {
    candles(symbol) {
      const sym = symbol?.toUpperCase();
      if (chart && (!sym || sym === chart.symbol())) return chart.candles();
      if (!sym) return [];
      return store
        .book(sym)
        .candles(1)
        .map(({ time, open, high, low, close, volume }) => ({ time, open, high, low, close, volume }));
    },
    finals: (symbol) => store.book(symbol.toUpperCase()).finalBars(),
    volume: () => chart?.volume() ?? [],
    vwap: () => chart?.vwap() ?? [],
    study: (name) => chart?.study(name) ?? [],
    zoom: () => chart?.zoom() ?? null,
    crosshair: () => chart?.crosshair() ?? null,
    livePrice: () => chart?.livePrice() ?? null,
    sessionBands: () => chart?.sessionBands() ?? [],
    alerts: () => store.alerts.getState().signals.map((s) => ({ ...s })),
    markers: () => chart?.markers() ?? [],
    preview: () => store.alerts.getState().preview,
    state: () => store.stream.snapshot(),
    selected: () => store.getState().selected,
    timeframe: () => store.getState().timeframe,
    watchlist: () => store.getState().watchlist,
    voice: () =>
      voice?.() ?? { state: "off", states: [], connected: false, lastTruncate: null, played_ms: 0 },
    firstCandleMs() {
      const mark = performance.getEntriesByName("spotlight:first-candle")[0];
      return mark ? Math.round(mark.startTime) : null;
    },
  };
  (window as unknown as { __spotlight: SpotlightHook }).__spotlight = hook;
}
