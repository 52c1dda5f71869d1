import { useQuery } from "@tanstack/react-query";
import {
  type CandlestickData,
  CandlestickSeries,
  type ChartOptions,
  ColorType,
  CrosshairMode,
  createChartEx,
  createSeriesMarkers,
  type DeepPartial,
  type HistogramData,
  HistogramSeries,
  type IChartApi,
  type IPriceLine,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type LineData,
  LineSeries,
  LineStyle,
  type MouseEventParams,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
  type WhitespaceData,
} from "lightweight-charts";
import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { fmtPrice, fmtVolume } from "../../shared/format";
import { registerChart } from "../../testHook";
import { useAlertsState } from "../alerts/context";
import { alertLinesAt, type ChartMarker, drawnMarkers, markersFor, signalTime } from "../alerts/markers";
import { PriceAlertDialog } from "../alerts/PriceAlertDialog";
import { settingsQuery } from "../settings/api";
import { type Candle, type Timeframe, tfLabel } from "./candles";
import { useAppState, useStore } from "./context";
import { Legend, type LegendValues } from "./Legend";
import { NyTimeScale } from "./nyTimeScale";
import { type ChartSeries, drawAll, drawChange, GuardedSeries, type Mappers } from "./series";
import { SessionShade } from "./sessionShade";
import { studyLine } from "./studies";
import { formatNyDateTime, formatNyTick } from "./time";

const UP = "#22c55e";
const DOWN = "#f43f5e";
const VWAP = "#f59e0b";
const EMA9 = "#38bdf8";
const EMA21 = "#c084fc";
const RSI = "#e879f9";
const SHOWN_KEY = "spotlight.studies";

/** Which studies are drawn (kept in localStorage). */
interface Shown {
  vwap: boolean;
  ema: boolean;
  rsi: boolean;
}

function readShown(): Shown {
  try {
    const v = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? "null") as Partial<Shown> | null;
    return { vwap: v?.vwap ?? true, ema: v?.ema ?? false, rsi: v?.rsi ?? false };
  } catch {
    return { vwap: true, ema: false, rsi: false };
  }
}

type C = CandlestickData<UTCTimestamp>;
type V = HistogramData<UTCTimestamp>;
type L = LineData<UTCTimestamp>;
type W = L | WhitespaceData<UTCTimestamp>;
type Raw = {
  candles: ISeriesApi<"Candlestick">;
  volume: ISeriesApi<"Histogram">;
  vwap: ISeriesApi<"Line">;
  ema9: ISeriesApi<"Line">;
  ema21: ISeriesApi<"Line">;
  /** RSI 14 in its own pane below the candles, while the study is on. */
  rsi: ISeriesApi<"Line"> | null;
  /** The live price: its axis label is always the newest candle's close, wherever the view is. */
  live: IPriceLine;
  shade: SessionShade;
};

const mappers: Mappers<C, V> = {
  candle: (c: Candle) => ({
    time: c.time as UTCTimestamp,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
  }),
  volume: (c: Candle) => ({
    time: c.time as UTCTimestamp,
    value: c.volume,
    color: c.close >= c.open ? "rgba(34,197,94,0.35)" : "rgba(244,63,94,0.35)",
  }),
};

interface Zoom {
  barSpacing: number;
  position: number;
}

const zooms = new Map<string, Zoom>();

const toTime = (t: Time): number => (typeof t === "number" ? t : 0);

export function Chart() {
  const store = useStore();
  const symbol = useAppState((s) => s.selected);
  const timeframe = useAppState((s) => s.timeframe);
  const loading = useAppState((s) => s.loadingHistory);
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const seriesRef = useRef<ChartSeries<C, V> | null>(null);
  const rawRef = useRef<Raw | null>(null);
  /** The price alert being placed (where it opened), and the last pointer height on the chart. */
  const [priceAlert, setPriceAlert] = useState<{ price: number; x: number; y: number } | null>(null);
  const [alertNote, setAlertNote] = useState<string | null>(null);
  const pointerY = useRef<number | null>(null);
  useEffect(() => {
    if (!alertNote) return;
    const id = setTimeout(() => setAlertNote(null), 10_000);
    return () => clearTimeout(id);
  }, [alertNote]);
  const prefs = useQuery({ ...settingsQuery(), select: (s) => s.preferences }).data;
  const viewRef = useRef<{ symbol: string | null; tf: Timeframe; zoomPending: boolean }>({
    symbol: null,
    tf: 1,
    zoomPending: false,
  });
  const markersRef = useRef<ISeriesMarkersPluginApi<Time> | null>(null);
  /** A bar to bring into view once its symbol is drawn (alert clicked). */
  const focusRef = useRef<{ symbol: string; seq: number } | null>(null);
  /** The candle time the crosshair and legend are held on after a focus, until the user
   * points at the chart. The crosshair is kept in pixels by the chart, so it is placed again
   * whenever the view moves (e.g. the centring scroll, the autoscale after it). */
  const heldRef = useRef<number | null>(null);
  const crosshairRef = useRef<number | null>(null);
  const placeHeld = useCallback(() => {
    const raw = rawRef.current;
    const chart = chartRef.current;
    const time = heldRef.current;
    if (!raw || !chart || time === null) return;
    const bar = raw.candles.data().find((d) => d.time === time) as C | undefined;
    if (!bar) return;
    chart.setCrosshairPosition(bar.close, time as UTCTimestamp, raw.candles);
    setLegend(valuesAt(raw, time));
  }, []);
  const placeSoon = useCallback(() => {
    // after the chart's own frame has applied the scroll and the price autoscale
    requestAnimationFrame(() => requestAnimationFrame(placeHeld));
  }, [placeHeld]);
  /** Every marker of the current view; `drawn` is the candle range they were last cut to. */
  const markerSource = useRef<ChartMarker[]>([]);
  const markerRange = useRef<{ first: number | null; last: number | null }>({ first: null, last: null });
  const syncMarkers = useCallback((force: boolean) => {
    const plugin = markersRef.current;
    const raw = rawRef.current;
    if (!plugin || !raw) return;
    const data = raw.candles.data();
    const first = (data[0]?.time as number | undefined) ?? null;
    const last = (data.at(-1)?.time as number | undefined) ?? null;
    const range = markerRange.current;
    if (!force && range.first === first && range.last === last) return;
    markerRange.current = { first, last };
    const list = drawnMarkers(markerSource.current, first, last);
    plugin.setMarkers(list.map((m) => ({ ...m, time: m.time as UTCTimestamp }) as SeriesMarker<Time>));
  }, []);
  const [shown, setShown] = useState<Shown>(readShown);
  const shownRef = useRef(shown);
  const [scrolledBack, setScrolledBack] = useState(false);
  /** Draw the studies of the current view from the server's indicator values. */
  const drawStudies = useCallback(() => {
    const raw = rawRef.current;
    const chart = chartRef.current;
    if (!raw || !chart) return;
    const { symbol: sym, tf } = viewRef.current;
    const on = shownRef.current;
    const first = sym ? store.book(sym).firstSeq : null;
    const points =
      sym && first !== null
        ? store.studies
            .book(sym)
            .points()
            .filter((p) => p.seq >= first)
        : [];
    raw.vwap.setData((on.vwap && tf !== 1440 ? studyLine(points, "vwap", tf) : []) as W[]);
    raw.ema9.setData((on.ema ? studyLine(points, "ema9", tf) : []) as W[]);
    raw.ema21.setData((on.ema ? studyLine(points, "ema21", tf) : []) as W[]);
    if (on.rsi && !raw.rsi) {
      raw.rsi = chart.addSeries(
        LineSeries,
        { color: RSI, lineWidth: 1, priceLineVisible: false, title: "RSI 14", crosshairMarkerVisible: false },
        1,
      );
      raw.rsi.createPriceLine({
        price: 70,
        color: "#52525b",
        lineStyle: LineStyle.Dashed,
        axisLabelVisible: false,
        title: "",
      });
      raw.rsi.createPriceLine({
        price: 30,
        color: "#52525b",
        lineStyle: LineStyle.Dashed,
        axisLabelVisible: false,
        title: "",
      });
      chart.panes()[1]?.setHeight(110);
    } else if (!on.rsi && raw.rsi) {
      chart.removeSeries(raw.rsi);
      raw.rsi = null;
    }
    raw.rsi?.setData(studyLine(points, "rsi14", tf) as W[]);
  }, [store]);
  useEffect(() => {
    shownRef.current = shown;
    try {
      localStorage.setItem(SHOWN_KEY, JSON.stringify(shown));
    } catch {
      // storage unavailable: the choice lasts for this page
    }
    drawStudies();
  }, [shown, drawStudies]);
  /** Keyboard control of the focused chart: pan, zoom, step the crosshair a candle. */
  const onChartKey = useCallback(
    (e: ReactKeyboardEvent<HTMLDivElement>) => {
      const chart = chartRef.current;
      const raw = rawRef.current;
      if (!chart || !raw) return;
      const ts = chart.timeScale();
      const data = raw.candles.data();
      if (e.altKey && e.key.toLowerCase() === "a") {
        // a price alert at the pointer's last height on the chart, else the live price
        const el = container.current;
        const live = lastValues(raw)?.close ?? null;
        const y = pointerY.current;
        const price = (y !== null ? raw.candles.coordinateToPrice(y) : null) ?? live;
        if (price === null || !el) return;
        setPriceAlert({ price, x: el.clientWidth / 2, y: y ?? el.clientHeight / 3 });
      } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        ts.scrollToPosition(ts.scrollPosition() + (e.key === "ArrowLeft" ? -10 : 10), false);
      } else if (e.key === "+" || e.key === "=" || e.key === "-") {
        const spacing = ts.options().barSpacing;
        ts.applyOptions({ barSpacing: Math.min(50, Math.max(1, spacing * (e.key === "-" ? 0.8 : 1.25))) });
      } else if ((e.key === "," || e.key === ".") && data.length > 0) {
        const at = heldRef.current ?? (data.at(-1)?.time as number);
        const idx = data.findIndex((d) => d.time === at);
        const next =
          data[
            Math.min(
              data.length - 1,
              Math.max(0, (idx < 0 ? data.length - 1 : idx) + (e.key === "," ? -1 : 1)),
            )
          ];
        if (!next) return;
        heldRef.current = next.time as number;
        const i = ts.timeToIndex(next.time as UTCTimestamp, true);
        const range = ts.getVisibleLogicalRange();
        if (i !== null && range && (i < range.from || i > range.to))
          ts.scrollToPosition(i - data.length + 5, false);
        placeHeld();
        placeSoon();
      } else return;
      e.preventDefault();
      e.stopPropagation();
    },
    [placeHeld, placeSoon],
  );
  const signals = useAlertsState((s) => s.signals);
  const preview = useAlertsState((s) => s.preview);
  const [legend, setLegend] = useState<LegendValues | null>(null);
  const [summary, setSummary] = useState("");
  // The accessible summary of the newest candle, refreshed once a second.
  useEffect(() => {
    const tick = () => {
      const v = lastValues(rawRef.current);
      setSummary(
        v && symbol
          ? `${symbol} ${tfLabel(timeframe)}, newest candle ${formatNyDateTime(v.time)}: open ${fmtPrice(v.open)}, high ${fmtPrice(v.high)}, low ${fmtPrice(v.low)}, close ${fmtPrice(v.close)}, volume ${fmtVolume(v.volume)}.`
          : "No candles yet.",
      );
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [symbol, timeframe]);
  const [empty, setEmpty] = useState(true);

  // Create the chart once.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const options: DeepPartial<ChartOptions> = {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: "#09090b" },
        textColor: "#a1a1aa",
        fontSize: 12,
        fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
        attributionLogo: true,
      },
      grid: { vertLines: { color: "#18181b" }, horzLines: { color: "#18181b" } },
      crosshair: { mode: CrosshairMode.Normal },
      rightPriceScale: { borderColor: "#27272a" },
      timeScale: {
        borderColor: "#27272a",
        timeVisible: true,
        secondsVisible: false,
        rightOffset: 5,
        tickMarkFormatter: (time: Time, type: number) => formatNyTick(toTime(time), type),
      },
      localization: { timeFormatter: (time: Time) => formatNyDateTime(toTime(time)) },
    };
    // createChart with New York tick weights (createChartEx types its options loosely)
    const chart = createChartEx(el, new NyTimeScale(), options as never) as IChartApi;
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: UP,
      downColor: DOWN,
      borderUpColor: UP,
      borderDownColor: DOWN,
      wickUpColor: UP,
      wickDownColor: DOWN,
      lastValueVisible: false,
      priceLineVisible: false,
    });
    const live = candles.createPriceLine({
      price: 0,
      color: "#a1a1aa",
      lineWidth: 1,
      lineStyle: LineStyle.Dotted,
      lineVisible: false,
      axisLabelVisible: false,
      title: "",
    });
    const shade = new SessionShade();
    candles.attachPrimitive(shade);
    const volume = chart.addSeries(HistogramSeries, {
      priceScaleId: "volume",
      priceFormat: { type: "volume" },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    chart.priceScale("volume").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    candles.priceScale().applyOptions({ scaleMargins: { top: 0.12, bottom: 0.25 } });
    const vwap = chart.addSeries(LineSeries, {
      color: VWAP,
      lineWidth: 1,
      priceLineVisible: false,
      lastValueVisible: false,
      crosshairMarkerVisible: false,
      title: "VWAP",
    });
    const markers = createSeriesMarkers<Time>(candles, []);
    markersRef.current = markers;
    chartRef.current = chart;
    const line = (color: string, title: string) =>
      chart.addSeries(LineSeries, {
        color,
        lineWidth: 1,
        priceLineVisible: false,
        lastValueVisible: false,
        crosshairMarkerVisible: false,
        title,
      });
    const ema9 = line(EMA9, "EMA 9");
    const ema21 = line(EMA21, "EMA 21");
    rawRef.current = { candles, volume, vwap, ema9, ema21, rsi: null, live, shade };
    seriesRef.current = {
      candles: new GuardedSeries<C>(candles),
      volume: new GuardedSeries<V>(volume),
    };

    const onCrosshair = (param: MouseEventParams<Time>) => {
      crosshairRef.current = param.time ? toTime(param.time) : null;
      if (heldRef.current !== null) {
        // held on a focused bar: the chart moved it (its pixel stayed put), put it back
        if (crosshairRef.current !== heldRef.current) placeSoon();
        return;
      }
      const c = param.seriesData.get(candles) as C | undefined;
      const v = param.seriesData.get(volume) as V | undefined;
      const w = param.seriesData.get(vwap) as L | undefined;
      if (!param.time || !c) {
        setLegend(null);
        return;
      }
      setLegend({ ...c, time: toTime(param.time), volume: v?.value ?? null, vwap: w?.value ?? null });
    };
    chart.subscribeCrosshairMove(onCrosshair);
    const release = () => {
      heldRef.current = null;
    };
    el.addEventListener("pointermove", release);
    el.addEventListener("pointerdown", release);
    el.addEventListener("wheel", release, { passive: true });

    const onRange = () => {
      if (heldRef.current !== null) placeSoon();
      setScrolledBack(chart.timeScale().scrollPosition() < -2);
      const range = chart.timeScale().getVisibleLogicalRange();
      const sym = viewRef.current.symbol;
      if (range && sym && range.from < 10 && store.hasHistory(sym)) void store.loadOlder(sym);
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(onRange);

    const unregister = registerChart({
      symbol: () => viewRef.current.symbol,
      timeframe: () => viewRef.current.tf,
      candles: () => candles.data().map((d) => ({ ...(d as C) })),
      volume: () => volume.data().map((d) => ({ ...(d as V) })),
      vwap: () => vwap.data().map((d) => ({ ...(d as W) })),
      study: (name) => {
        const raw = rawRef.current;
        const s = name === "ema9" ? raw?.ema9 : name === "ema21" ? raw?.ema21 : raw?.rsi;
        return s ? s.data().map((d) => ({ ...(d as W) })) : [];
      },
      markers: () => markers.markers().map((m) => ({ ...(m as unknown as ChartMarker) })),
      crosshair: () => crosshairRef.current,
      livePrice: () => {
        const o = live.options();
        return o.axisLabelVisible ? o.price : null;
      },
      sessionBands: () => shade.bands(),
      zoom: () => ({
        barSpacing: chart.timeScale().options().barSpacing,
        scrollPosition: chart.timeScale().scrollPosition(),
      }),
    });

    return () => {
      unregister();
      el.removeEventListener("pointermove", release);
      el.removeEventListener("pointerdown", release);
      el.removeEventListener("wheel", release);
      markers.detach();
      candles.detachPrimitive(shade);
      markersRef.current = null;
      chart.unsubscribeCrosshairMove(onCrosshair);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(onRange);
      chart.remove();
      chartRef.current = null;
      seriesRef.current = null;
      rawRef.current = null;
    };
  }, [store, placeSoon]);

  // the user's candle colours (Settings), once the chart and the preferences are there
  const up = prefs?.chart_up_colour ?? UP;
  const down = prefs?.chart_down_colour ?? DOWN;
  useEffect(() => {
    rawRef.current?.candles.applyOptions({
      upColor: up,
      downColor: down,
      borderUpColor: up,
      borderDownColor: down,
      wickUpColor: up,
      wickDownColor: down,
    });
  }, [up, down]);
  const defaultTimeframe = prefs?.default_timeframe;
  useEffect(() => {
    if (defaultTimeframe) store.applyDefaultTimeframe(defaultTimeframe);
  }, [store, defaultTimeframe]);

  // Switch symbol / timeframe: remember the zoom of the view we leave, draw, restore.
  useEffect(() => {
    const chart = chartRef.current;
    const series = seriesRef.current;
    if (!chart || !series) return;
    const prev = viewRef.current;
    if (prev.symbol && !prev.zoomPending) {
      zooms.set(`${prev.symbol}:${prev.tf}`, {
        barSpacing: chart.timeScale().options().barSpacing,
        position: chart.timeScale().scrollPosition(),
      });
    }
    viewRef.current = { symbol, tf: timeframe, zoomPending: true };
    heldRef.current = null;
    chart.clearCrosshairPosition();
    setLegend(null);
    if (!symbol) {
      series.candles.setData([]);
      series.volume.setData([]);
      drawStudies();
      setEmpty(true);
      return;
    }
    const redraw = () => {
      const book = store.book(symbol);
      drawAll(book, timeframe, series, mappers);
      drawStudies();
      syncMarkers(false);
      syncLive(rawRef.current);
      const n = book.size;
      setEmpty(n === 0 && series.candles.lastTime === null);
      if (series.candles.lastTime !== null) {
        markFirstCandle();
        if (viewRef.current.zoomPending) restoreZoom(chart, `${symbol}:${timeframe}`);
        viewRef.current.zoomPending = false;
        applyFocus();
      }
    };
    // Centre the chart on a focused bar, keeping the zoom; highlight it with the crosshair.
    const applyFocus = () => {
      const f = focusRef.current;
      const raw = rawRef.current;
      if (!f || f.symbol !== symbol || !raw || series.candles.lastTime === null) return;
      focusRef.current = null;
      const time = signalTime(f.seq, timeframe) as UTCTimestamp;
      const ts = chart.timeScale();
      const idx = ts.timeToIndex(time, true);
      if (idx === null) return;
      const range = ts.getVisibleLogicalRange();
      const half = range ? Math.max(10, (range.to - range.from) / 2) : 40;
      ts.setVisibleLogicalRange({ from: idx - half, to: idx + half });
      heldRef.current = time;
      placeHeld();
      placeSoon();
    };
    redraw();
    const offStudies = store.studies.onChange((sym) => {
      if (sym === symbol) drawStudies();
    });
    const offFocus = store.onFocus((sym, seq) => {
      focusRef.current = { symbol: sym, seq };
      applyFocus();
    });
    const offCandles = store.onCandles((sym, result) => {
      if (sym !== symbol) return;
      const wasEmpty = series.candles.lastTime === null;
      const how = drawChange(store.book(symbol), timeframe, result, series, mappers);
      if (how !== "none" && (wasEmpty || viewRef.current.zoomPending)) redraw();
      else if (how !== "none") {
        syncMarkers(false);
        syncLive(rawRef.current);
      }
    });
    return () => {
      offStudies();
      offFocus();
      offCandles();
    };
  }, [store, symbol, timeframe, syncMarkers, placeHeld, placeSoon, drawStudies]);

  // End (outside a field) goes to real time, like the button.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== "End" || (t && ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      e.preventDefault();
      if (chartRef.current) goToRealTime(chartRef.current);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Alert markers (and a backtest preview) for the selected symbol, on its timeframe's buckets.
  useEffect(() => {
    markerSource.current = markersFor(signals, symbol, timeframe, preview?.signals ?? []);
    syncMarkers(true);
  }, [signals, preview, symbol, timeframe, syncMarkers]);

  return (
    <div className="relative h-full min-h-0 w-full">
      <div
        ref={container}
        data-testid="chart"
        className="absolute inset-0 focus-visible:outline-2 focus-visible:outline-sky-400"
        role="application"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: role=application takes the chart's keys (pan, zoom, step)
        tabIndex={0}
        onKeyDown={onChartKey}
        onPointerMove={(e) => {
          pointerY.current = e.clientY - e.currentTarget.getBoundingClientRect().top;
        }}
        onContextMenu={(e) => {
          const raw = rawRef.current;
          if (!raw || !symbol) return;
          const rect = e.currentTarget.getBoundingClientRect();
          const y = e.clientY - rect.top;
          const price = raw.candles.coordinateToPrice(y);
          if (price === null) return;
          e.preventDefault();
          setPriceAlert({ price, x: e.clientX - rect.left, y });
        }}
        aria-roledescription="candlestick chart"
        aria-label={symbol ? `${symbol} ${tfLabel(timeframe)} chart, New York time` : "Chart"}
        aria-describedby="chart-summary chart-keys"
      />
      <p id="chart-keys" className="sr-only">
        Left and right arrows pan, plus and minus zoom, comma and period step the crosshair one candle, End
        goes to real time, Alt+A sets a price alert (right-click on a price does too).
      </p>
      {priceAlert && symbol && (
        <PriceAlertDialog
          symbol={symbol}
          price={priceAlert.price}
          last={lastValues(rawRef.current)?.close ?? null}
          x={priceAlert.x}
          y={priceAlert.y}
          onClose={() => setPriceAlert(null)}
          onCreated={setAlertNote}
        />
      )}
      {alertNote && (
        <div
          role="status"
          data-testid="price-alert-note"
          className="absolute top-8 left-1/2 z-20 flex max-w-[90%] -translate-x-1/2 items-center gap-2 rounded border border-sky-700 bg-sky-950 px-2 py-1 text-xs text-sky-100"
        >
          {alertNote}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setAlertNote(null)}
            className="text-sky-300"
          >
            ×
          </button>
        </div>
      )}
      <p id="chart-summary" data-testid="chart-summary" className="sr-only" aria-live="off">
        {summary}
      </p>
      <fieldset
        aria-label="Studies"
        className="absolute right-16 bottom-9 z-10 flex gap-1 font-mono text-[12px] sm:top-1 sm:bottom-auto"
        data-testid="studies"
      >
        {(
          [
            ["vwap", "VWAP"],
            ["ema", "EMA 9/21"],
            ["rsi", "RSI 14"],
          ] as const
        ).map(([key, label]) => (
          <button
            key={key}
            type="button"
            aria-pressed={shown[key]}
            data-testid={`study-${key}`}
            onClick={() => setShown((s) => ({ ...s, [key]: !s[key] }))}
            className={`rounded border px-1.5 ${
              shown[key]
                ? "border-zinc-500 bg-zinc-800 text-zinc-100"
                : "border-zinc-700 bg-zinc-950 text-zinc-400"
            }`}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {scrolledBack && (
        <button
          type="button"
          data-testid="go-realtime"
          onClick={() => chartRef.current && goToRealTime(chartRef.current)}
          title="Go to real time (End)"
          className="absolute right-20 bottom-10 z-10 rounded border border-sky-600 bg-sky-950 px-2 py-0.5 text-xs text-sky-100 hover:bg-sky-900"
        >
          Real time ⇥
        </button>
      )}
      <Legend
        symbol={symbol}
        timeframe={timeframe}
        values={legend}
        alerts={legend ? alertLinesAt(markerSource.current, legend.time) : []}
        fallback={() => lastValues(rawRef.current)}
      />
      {empty && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-400">
          {symbol
            ? loading
              ? `Loading ${symbol}…`
              : `Waiting for ${symbol} bars…`
            : "Add a symbol to the watchlist"}
        </div>
      )}
    </div>
  );
}

function restoreZoom(chart: IChartApi, key: string): void {
  const z = zooms.get(key);
  const ts = chart.timeScale();
  if (z) {
    ts.applyOptions({ barSpacing: z.barSpacing });
    ts.scrollToPosition(z.position, false);
  } else {
    ts.applyOptions({ barSpacing: 8 });
    ts.scrollToPosition(5, false);
  }
}

function lastValues(raw: Raw | null): LegendValues | null {
  const t = raw?.candles.data().at(-1)?.time;
  return raw && t !== undefined ? valuesAt(raw, t as number) : null;
}

/** Bring the newest candle into view at once. Not `scrollToRealTime()`: Lightweight Charts
 * (5.2) animates it and never applies the final position on the frame where the animation
 * ends, so with few frames (a busy machine) it stops short, even where it started. */
function goToRealTime(chart: IChartApi): void {
  const ts = chart.timeScale();
  ts.scrollToPosition(ts.options().rightOffset, false);
}

/** The legend's values of the candle at `time` (UTC s). */
function valuesAt(raw: Raw, time: number): LegendValues | null {
  const c = raw.candles.data().find((d) => d.time === time) as C | undefined;
  if (!c) return null;
  const v = raw.volume.data().find((d) => d.time === time) as V | undefined;
  const w = raw.vwap.data().find((d) => d.time === time) as W | undefined;
  const vwap = w && "value" in w ? w.value : null;
  return { ...c, time, volume: v?.value ?? null, vwap };
}

/** Move the live price line (and its axis label) to the newest candle's close. */
function syncLive(raw: Raw | null): void {
  const c = raw?.candles.data().at(-1) as C | undefined;
  if (!raw) return;
  raw.live.applyOptions(
    c
      ? { price: c.close, color: c.close >= c.open ? UP : DOWN, lineVisible: true, axisLabelVisible: true }
      : { lineVisible: false, axisLabelVisible: false },
  );
}

let firstCandleMarked = false;
function markFirstCandle(): void {
  if (firstCandleMarked) return;
  firstCandleMarked = true;
  try {
    performance.mark("spotlight:first-candle");
  } catch {
    // marks unsupported: nothing to record
  }
}
