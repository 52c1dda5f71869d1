// Application state outside React: the watchlist, one CandleBook per symbol, the stream client,
// and the selected symbol/timeframe. React reads it through useSyncExternalStore; the chart
// subscribes to candle changes directly so microbars never re-render React trees.
import { ApiError } from "../../shared/api/http";
import type { Bar, Microbar, SymbolQuote } from "../../shared/api/types";
import { AlertsStore } from "../alerts/store";
import { StreamClient, type StreamClientOptions, type StreamSnapshot } from "../stream";
import * as api from "./api";
import { type ApplyResult, CandleBook, TIMEFRAMES, type Timeframe } from "./candles";
import { addMinute, type DayVolume, fromServer, rebase } from "./dayVolume";
import { StudiesStore } from "./studiesStore";
import { type ColumnKey, parseColumns, parseSort, sortRows, type WatchSort } from "./watchColumns";

export interface QuoteView {
  symbol: string;
  last: number | null;
  prevClose: number | null;
  change: number | null;
  changePct: number | null;
  lastTradeMs: number | null;
  /** Last price moved up (1), down (-1) or not (0) on the newest update, for a flash. */
  tick: -1 | 0 | 1;
  bid: number | null;
  ask: number | null;
  /** Today's volume: the server's figure plus the minutes streamed since. */
  volume: DayVolume;
  rvol: number | null;
  gapPct: number | null;
  /** Why RVOL or gap % is empty (the server's words), by column. */
  notes: Partial<Record<"rvol" | "gapPct", string>>;
}

export interface AppState {
  watchlist: QuoteView[];
  selected: string | null;
  timeframe: Timeframe;
  stream: StreamSnapshot;
  /** A message for the user (failed add/remove/load), or null. */
  notice: string | null;
  loadingHistory: boolean;
  /** The symbol being added (checked by the server and backfilled), or null. */
  adding: string | null;
  /** The watchlist's optional columns shown, and its sort (null: the watchlist's order). */
  columns: ColumnKey[];
  sort: WatchSort | null;
}

export type CandleListener = (symbol: string, result: ApplyResult) => void;
/** Ask the chart to bring a bar (1-minute seq) of a symbol into view. */
export type FocusListener = (symbol: string, seq: number) => void;

const HISTORY_PAGE = 500;
/** Bars re-fetched after the stream's first `ready` to close the history/stream seam. */
const SEAM_PAGE = 30;
/** The server's largest `limit` for /api/bars. */
const MAX_PAGE = 5000;
const TF_KEY = "spotlight.timeframe";
const SYMBOL_KEY = "spotlight.symbol";
const COLUMNS_KEY = "spotlight.watchColumns";
const SORT_KEY = "spotlight.watchSort";
/** How often the quote columns (bid/ask) refresh while shown. */
const QUOTE_REFRESH_MS = 2_000;
/** A final bar's RVOL, gap and volume are fetched this long after it (one request for all
 * the symbols whose minute closed together). */
const BAR_REFRESH_DELAY_MS = 750;

/** A watchlist row from the REST snapshot. The change figures are derived here, from the
 * same last price and prior close the row shows (as {@link withLast} does for streamed
 * prices), so a refresh never moves them while the price stays put. */
export function quoteFrom(q: SymbolQuote): QuoteView {
  const last = q.last ?? null;
  const prevClose = q.prev_close ?? null;
  const derived = last !== null && prevClose !== null;
  const change = derived ? last - prevClose : (q.change ?? null);
  return {
    symbol: q.symbol,
    last,
    prevClose,
    change,
    changePct: derived ? (prevClose ? (change ?? 0) / prevClose : 0) * 100 : (q.change_pct ?? null),
    lastTradeMs: q.last_trade_ms ?? null,
    tick: 0,
    bid: q.bid ?? null,
    ask: q.ask ?? null,
    volume: fromServer(q.volume, q.volume_seq),
    rvol: q.rvol ?? null,
    gapPct: q.gap_pct ?? null,
    notes: { rvol: q.notes?.rvol, gapPct: q.notes?.gap_pct },
  };
}

export function withLast(q: QuoteView, last: number, tradeMs: number | null): QuoteView {
  if (q.last === last) return q;
  const change = q.prevClose !== null ? last - q.prevClose : null;
  const changePct = q.prevClose ? ((change ?? 0) / q.prevClose) * 100 : null;
  return {
    ...q,
    last,
    change,
    changePct,
    lastTradeMs: tradeMs ?? q.lastTradeMs,
    tick: q.last === null ? 0 : last > q.last ? 1 : -1,
  };
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage disabled: keep it in memory only
  }
}

export class MarketStore {
  readonly stream: StreamClient;
  readonly alerts: AlertsStore;
  /** The server's indicator values (VWAP, EMA 9/21, RSI 14) per symbol, for the chart. */
  readonly studies = new StudiesStore();
  private readonly focusListeners = new Set<FocusListener>();
  private readonly books = new Map<string, CandleBook>();
  private readonly history = new Map<string, Promise<void>>();
  private readonly exhausted = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly candleListeners = new Set<CandleListener>();
  private state: AppState;
  private frame: number | null = null;
  private firstReady: Promise<void>;
  private resolveReady: () => void = () => {};
  private readySeen = false;
  private readyWaiters: (() => void)[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private barRefresh: ReturnType<typeof setTimeout> | null = null;
  private quoteTimer: ReturnType<typeof setInterval> | null = null;

  constructor(streamOptions: Partial<Omit<StreamClientOptions, "symbols" | "sinceSeq">> = {}) {
    const tf = Number(readStorage(TF_KEY));
    this.firstReady = new Promise((resolve) => {
      this.resolveReady = resolve;
    });
    this.stream = new StreamClient({
      ...streamOptions,
      symbols: [],
      sinceSeq: () => this.resumeSeq(),
    });
    this.alerts = new AlertsStore(this.stream);
    this.state = {
      watchlist: [],
      selected: readStorage(SYMBOL_KEY),
      timeframe: (TIMEFRAMES as readonly number[]).includes(tf) ? (tf as Timeframe) : 1,
      stream: this.stream.snapshot(),
      notice: null,
      loadingHistory: false,
      adding: null,
      columns: parseColumns(readStorage(COLUMNS_KEY)),
      sort: parseSort(readStorage(SORT_KEY)),
    };
    this.stream.subscribe({
      bar: (bar) => this.onBar(bar),
      microbar: (mb) => this.onMicrobar(mb),
      ready: () => {
        // a resume (after a drop or a server restart): prices, prior closes and any notice
        // about the outage are refreshed at once, not at the next 30 s refresh
        if (this.readySeen) void this.refreshSymbols();
        this.readySeen = true;
        this.resolveReady();
        const waiters = this.readyWaiters;
        this.readyWaiters = [];
        for (const resolve of waiters) resolve();
      },
      gap: (gap) => void this.fillGap(gap.symbol, gap.from_seq, gap.to_seq),
      state: (snap) => this.set({ stream: snap }),
    });
  }

  // ---- React glue -------------------------------------------------------------------------
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): AppState => this.state;

  onCandles(fn: CandleListener): () => void {
    this.candleListeners.add(fn);
    return () => this.candleListeners.delete(fn);
  }

  private set(patch: Partial<AppState>, immediate = false): void {
    this.state = { ...this.state, ...patch };
    if (immediate || typeof requestAnimationFrame === "undefined") {
      this.flush();
      return;
    }
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    if (this.frame !== null && typeof cancelAnimationFrame !== "undefined") cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const fn of this.listeners) fn();
  }

  // ---- lifecycle --------------------------------------------------------------------------
  async start(): Promise<void> {
    this.stream.start();
    void this.alerts.start();
    if (typeof window !== "undefined") {
      window.addEventListener("online", () => this.stream.setNetworkOnline(true));
      window.addEventListener("offline", () => this.stream.setNetworkOnline(false));
    }
    await this.refreshLoop();
  }

  /** Refresh the watchlist (prior closes, added symbols) every 30 s, every 3 s while empty. */
  private async refreshLoop(): Promise<void> {
    await this.refreshSymbols();
    const delay = this.state.watchlist.length > 0 ? 30_000 : 3_000;
    this.refreshTimer = setTimeout(() => void this.refreshLoop(), delay);
  }

  stop(): void {
    this.stream.stop();
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    if (this.barRefresh !== null) clearTimeout(this.barRefresh);
    this.watchQuotes(false);
  }

  /** Refresh the quote columns every few seconds while they are shown (the stream carries
   * trades, not quotes). */
  watchQuotes(on: boolean): void {
    if (on && this.quoteTimer === null) {
      this.quoteTimer = setInterval(() => void this.refreshSymbols(), QUOTE_REFRESH_MS);
    } else if (!on && this.quoteTimer !== null) {
      clearInterval(this.quoteTimer);
      this.quoteTimer = null;
    }
  }

  setColumns(columns: ColumnKey[]): void {
    writeStorage(COLUMNS_KEY, columns.join(","));
    this.set({ columns }, true);
  }

  setSort(sort: WatchSort | null): void {
    writeStorage(SORT_KEY, sort ? `${sort.key}:${sort.dir}` : "");
    this.set({ sort }, true);
  }

  /** The watchlist rows in the order shown (sorted, or the watchlist's own). */
  rows(): QuoteView[] {
    return sortRows(this.state.watchlist, this.state.sort);
  }

  async refreshSymbols(): Promise<void> {
    try {
      const res = await api.listSymbols();
      const current = new Map(this.state.watchlist.map((q) => [q.symbol, q]));
      const watchlist = res.symbols.map((s) => {
        const snapshot = quoteFrom(s);
        const known = current.get(s.symbol);
        const fresh = known ? { ...snapshot, volume: rebase(snapshot.volume, known.volume) } : snapshot;
        // Keep a newer streamed price over the snapshot.
        if (known?.last != null && (known.lastTradeMs ?? 0) > (fresh.lastTradeMs ?? 0)) {
          return withLast({ ...fresh, last: null }, known.last, known.lastTradeMs);
        }
        return fresh;
      });
      let selected = this.state.selected;
      if (!selected || !watchlist.some((q) => q.symbol === selected)) selected = watchlist[0]?.symbol ?? null;
      const notice = this.state.notice?.startsWith("Could not load the watchlist") ? null : this.state.notice;
      this.set({ watchlist, selected, notice }, true);
      this.stream.setSymbols(watchlist.map((q) => q.symbol));
      if (selected) void this.ensureHistory(selected);
    } catch (err) {
      this.set({ notice: `Could not load the watchlist: ${(err as Error).message}` }, true);
    }
  }

  // ---- selection --------------------------------------------------------------------------
  select(symbol: string): void {
    const sym = symbol.toUpperCase();
    if (!this.state.watchlist.some((q) => q.symbol === sym) || sym === this.state.selected) return;
    writeStorage(SYMBOL_KEY, sym);
    this.set({ selected: sym }, true);
    void this.ensureHistory(sym);
    this.syncStudies(sym);
  }

  selectRelative(delta: number): void {
    const list = this.rows();
    if (list.length === 0) return;
    const idx = list.findIndex((q) => q.symbol === this.state.selected);
    const next = list[(Math.max(0, idx) + delta + list.length) % list.length];
    if (next) this.select(next.symbol);
  }

  /** The account's default timeframe (Settings), unless this browser has a choice stored. */
  applyDefaultTimeframe(tf: Timeframe): void {
    if (readStorage(TF_KEY) === null) this.setTimeframe(tf);
  }

  setTimeframe(tf: Timeframe): void {
    if (tf === this.state.timeframe) return;
    writeStorage(TF_KEY, String(tf));
    this.set({ timeframe: tf }, true);
    const sym = this.state.selected;
    if (sym && tf > 1 && (this.books.get(sym)?.size ?? 0) < HISTORY_PAGE * 2) void this.loadOlder(sym);
  }

  dismissNotice(): void {
    this.set({ notice: null }, true);
  }

  onFocus(fn: FocusListener): () => void {
    this.focusListeners.add(fn);
    return () => this.focusListeners.delete(fn);
  }

  /** Select `symbol` and bring the bar `seq` into view, loading older pages if it is before
   * the history the client holds (at most a few pages). */
  async reveal(symbol: string, seq: number): Promise<void> {
    const sym = symbol.toUpperCase();
    if (!this.state.watchlist.some((q) => q.symbol === sym)) {
      this.set({ notice: `${sym} is not on the watchlist` }, true);
      return;
    }
    this.select(sym);
    await this.ensureHistory(sym);
    for (let i = 0; i < 8; i++) {
      const first = this.book(sym).firstSeq;
      if (first === null || first <= seq || this.exhausted.has(sym)) break;
      await this.loadOlder(sym);
    }
    for (const fn of this.focusListeners) fn(sym, seq);
  }

  // ---- watchlist edits --------------------------------------------------------------------
  async addSymbol(raw: string): Promise<boolean> {
    const symbol = raw.trim().toUpperCase();
    if (!symbol) return false;
    if (this.state.watchlist.some((q) => q.symbol === symbol)) {
      this.select(symbol);
      return true;
    }
    // the server checks the symbol against the feed's reference data and answers once its
    // history is in: the watchlist shows "loading history" for it until then
    this.set({ adding: symbol, notice: null }, true);
    try {
      await api.addSymbol(symbol);
    } catch (err) {
      this.set({ adding: null, notice: `Could not add ${symbol}: ${(err as Error).message}` }, true);
      return false;
    }
    this.set({ adding: null }, true);
    await this.refreshSymbols();
    this.select(symbol);
    return true;
  }

  async removeSymbol(symbol: string): Promise<void> {
    try {
      await api.removeSymbol(symbol);
    } catch (err) {
      this.set({ notice: `Could not remove ${symbol}: ${(err as Error).message}` }, true);
      return;
    }
    if (this.state.selected === symbol) this.selectRelative(1);
    this.books.delete(symbol);
    this.history.delete(symbol);
    await this.refreshSymbols();
  }

  // ---- candles ----------------------------------------------------------------------------
  book(symbol: string): CandleBook {
    let b = this.books.get(symbol);
    if (!b) {
      b = new CandleBook(symbol);
      this.books.set(symbol, b);
    }
    return b;
  }

  hasHistory(symbol: string): boolean {
    return this.history.has(symbol);
  }

  /** Load the newest page of 1-minute bars once per symbol. If the stream has not said
   * `ready` yet, the page may end before the stream's first bar: a short tail page fetched
   * after `ready` closes that seam (bars dedupe by seq). */
  ensureHistory(symbol: string): Promise<void> {
    const existing = this.history.get(symbol);
    if (existing) return existing;
    const p = (async () => {
      let streamWasReady = this.readySeen;
      this.set({ loadingHistory: true });
      try {
        let bars: Bar[];
        try {
          bars = await api.getBars({ symbol, limit: HISTORY_PAGE });
        } catch (err) {
          // 503: the server is still loading its history. The stream says `ready` once it
          // is in; the whole page then comes at once.
          if (!(err instanceof ApiError) || err.status !== 503) throw err;
          await this.nextReady();
          streamWasReady = true;
          bars = await api.getBars({ symbol, limit: HISTORY_PAGE });
        }
        this.applyHistory(symbol, bars);
        if (this.state.timeframe > 1) void this.loadOlder(symbol);
        if (!streamWasReady) {
          await this.firstReady;
          this.applyHistory(symbol, await api.getBars({ symbol, limit: SEAM_PAGE }));
        }
      } catch (err) {
        this.history.delete(symbol);
        this.set({ notice: `Could not load ${symbol} history: ${(err as Error).message}` });
      } finally {
        this.set({ loadingHistory: false });
      }
    })();
    this.history.set(symbol, p);
    return p;
  }

  /** Resolves at the stream's next `ready` (after a warm-up or a reconnect). */
  private nextReady(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private loadingOlder = new Set<string>();

  /** Load the page before the oldest known bar (scrolling back, higher timeframes). */
  async loadOlder(symbol: string): Promise<void> {
    if (this.exhausted.has(symbol) || this.loadingOlder.has(symbol)) return;
    const first = this.book(symbol).firstSeq;
    if (first === null) return;
    this.loadingOlder.add(symbol);
    try {
      const bars = await api.getBars({ symbol, limit: HISTORY_PAGE, beforeSeq: first });
      const older = bars.filter((b) => b.seq < first);
      if (older.length === 0) this.exhausted.add(symbol);
      else this.applyHistory(symbol, older);
    } catch (err) {
      this.set({ notice: `Could not load older ${symbol} bars: ${(err as Error).message}` });
    } finally {
      this.loadingOlder.delete(symbol);
    }
  }

  /** Bars the stream could not replay (its ring no longer reaches back): fetch them. */
  async fillGap(symbol: string, fromSeq: number, toSeq: number): Promise<void> {
    const limit = Math.min(MAX_PAGE, Math.max(1, toSeq - fromSeq + 1));
    try {
      const bars = await api.getBars({ symbol, limit, beforeSeq: toSeq + 1 });
      this.applyHistory(
        symbol,
        bars.filter((b) => b.seq >= fromSeq && b.seq <= toSeq),
      );
    } catch (err) {
      this.set({ notice: `Could not fill the ${symbol} gap: ${(err as Error).message}` });
    }
  }

  private applyHistory(symbol: string, bars: Bar[]): void {
    const res = this.book(symbol).applyHistory(bars);
    this.emitCandles(symbol, res);
    if (res.changed) this.syncStudies(symbol);
    const last = bars.at(-1);
    const q = this.state.watchlist.find((w) => w.symbol === symbol);
    if (last && q && q.last === null) this.updateQuote(symbol, last.close, last.bar_end_ms);
  }

  private onBar(bar: Bar): void {
    const res = this.book(bar.symbol).applyBar(bar);
    this.emitCandles(bar.symbol, res);
    if (res.changed) this.syncStudies(bar.symbol);
    this.countVolume(bar.symbol, bar.seq, bar.volume);
    // the rules engine's RVOL and gap for the closed minute come with the next snapshot
    this.barRefresh ??= setTimeout(() => {
      this.barRefresh = null;
      void this.refreshSymbols();
    }, BAR_REFRESH_DELAY_MS);
  }

  private countVolume(symbol: string, seq: number, volume: number): void {
    let changed = false;
    const watchlist = this.state.watchlist.map((q) => {
      if (q.symbol !== symbol) return q;
      const next = addMinute(q.volume, seq, volume);
      if (next === q.volume) return q;
      changed = true;
      return { ...q, volume: next };
    });
    if (changed) this.set({ watchlist });
  }

  /** The server's indicator values for the selected symbol's final bars (the chart's studies). */
  syncStudies(symbol: string): void {
    if (symbol !== this.state.selected) return;
    const book = this.book(symbol);
    void this.studies.sync(symbol, book.firstSeq, book.lastFinalSeq);
  }

  private onMicrobar(mb: Microbar): void {
    const res = this.book(mb.symbol).applyForming(mb.minute);
    this.emitCandles(mb.symbol, res);
    this.countVolume(mb.symbol, mb.minute.seq, mb.minute.volume);
    const close = mb.close ?? mb.minute.close;
    if (close != null) this.updateQuote(mb.symbol, close, mb.bucket_start_ms);
  }

  private updateQuote(symbol: string, last: number, tradeMs: number | null): void {
    let changed = false;
    const watchlist = this.state.watchlist.map((q) => {
      if (q.symbol !== symbol) return q;
      const next = withLast(q, last, tradeMs);
      changed ||= next !== q;
      return next;
    });
    if (changed) this.set({ watchlist });
  }

  private emitCandles(symbol: string, res: ApplyResult): void {
    if (!res.changed) return;
    for (const fn of this.candleListeners) fn(symbol, res);
  }

  /** Without a cursor, resume after the oldest of the newest seqs we hold (safe: bars dedupe). */
  private resumeSeq(): number | undefined {
    let min: number | undefined;
    for (const q of this.state.watchlist) {
      const last = this.books.get(q.symbol)?.lastFinalSeq;
      if (last == null) return undefined;
      min = min === undefined ? last : Math.min(min, last);
    }
    return min;
  }
}
