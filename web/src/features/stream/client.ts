// The market stream client: one EventSource on /stream/market, independent of React.
//
// Resume: every `ready`, `bar` and `alert` event carries an id (the server's opaque cursor that encodes
// the last delivered seq per symbol). While one EventSource lives, the browser resends it as
// Last-Event-ID on its own retries. When this client opens a new EventSource (after backoff,
// on a symbol change, or when asked to), it passes the cursor as `lastEventId=` in the query,
// or `sinceSeq=` if it has no cursor yet but the caller knows a seq to resume after.
// Bars are deduplicated per symbol by seq (seq is strictly increasing per symbol).
import type { Bar, GapEvent, Microbar, ReadyEvent, Signal, StatusEvent } from "../../shared/api/types";
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from "./backoff";

/** What the page may claim: `live` only when the stream is connected AND the server's market
 * is live. `warming`: connected, the server is still loading history (no `ready` yet).
 * `stale`: connected, but the feed is reconnecting, failed or stopping (bars so far are real,
 * nothing new is coming). `finished`: a replay reached its end. `reconnecting`/`offline`: the
 * stream itself is down. */
export type StreamState =
  | "live"
  | "replaying"
  | "warming"
  | "stale"
  | "finished"
  | "reconnecting"
  | "offline";

/** The server's market lifecycle phase, from `status` events. */
export type MarketPhase = StatusEvent["phase"];

/** The page state a connected stream shows for a server phase. */
export function stateForPhase(phase: MarketPhase | null): StreamState {
  switch (phase) {
    case "warming":
      return "warming";
    case "replaying":
      return "replaying";
    case "finished":
      return "finished";
    case "reconnecting":
    case "failed":
    case "stopped":
      return "stale";
    default:
      return "live";
  }
}

export interface StreamSnapshot {
  state: StreamState;
  /** Last event id seen (the resume cursor), or null before the first `ready`. */
  cursor: string | null;
  /** Current delay, ms: client now − server_ms of the newest `status` event, or, between
   * status events of a real-time feed, client now − end of the newest microbar bucket
   * (sampled at most once a second). */
  lagMs: number | null;
  /** How far the feed clock trails the server's wall clock (server_ms − clock_ms), ms. */
  feedLagMs: number | null;
  /** Consecutive failed connection attempts since the stream was last live. */
  attempt: number;
  /** When the next manual reconnect fires (ms since epoch), if one is scheduled. */
  nextRetryAt: number | null;
  /** Client time of the newest event of any kind. */
  lastMessageAt: number | null;
  /** Client time of the newest market data (a `bar` or `microbar`). */
  lastDataAt: number | null;
  /** Feed time the newest market data reaches (bar end, microbar bucket end), ms. */
  dataClockMs: number | null;
  /** Feed ms per server ms between the two newest `status` events (1 real time, 30 for
   * SIM_SPEED=30, 0 paused), or null before two of them. */
  feedRate: number | null;
  feed: string | null;
  /** The feed clock from the newest `status` event (exchange / replay time). */
  clockMs: number | null;
  /** The server's market phase and what it said about it (e.g. "loading history"). */
  phase: MarketPhase | null;
  phaseDetail: string;
  /** Warm-up progress from the server: done of total (e.g. minutes of history), or null. */
  progress: { done: number; total: number } | null;
  /** EventSources opened so far. */
  connections: number;
  /** `ready` events received: one per successful (re)connection, also the browser's own. */
  readies: number;
  duplicatesDropped: number;
  malformedDropped: number;
}

/** The part of the browser's EventSource this client uses (a test double implements it). */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

export interface StreamListeners {
  bar?: (bar: Bar) => void;
  microbar?: (mb: Microbar) => void;
  ready?: (ready: ReadyEvent) => void;
  status?: (status: StatusEvent) => void;
  /** The server no longer holds bars this client missed: fetch them over REST. */
  gap?: (gap: GapEvent) => void;
  /** A rule fired (`alert` event; its id is the resume cursor, like a bar's). Listeners
   * deduplicate by signal id: a resume may repeat the newest alerts. */
  alert?: (signal: Signal) => void;
  state?: (snapshot: StreamSnapshot) => void;
}

export interface StreamClientOptions {
  symbols: readonly string[];
  baseUrl?: string;
  /** Used only when no cursor is known yet: resume after this seq for every symbol. */
  sinceSeq?: () => number | undefined;
  createEventSource?: (url: string) => EventSourceLike;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffOptions;
  /** After this many consecutive failures the state reads `offline` (retries continue). */
  offlineAfterAttempts?: number;
  /** No event of any kind for this long → the connection is considered dead. */
  idleTimeoutMs?: number;
}

const CLOSED = 2;
/** A microbar's bucket length, ms. */
const MICROBAR_MS = 250;

function defaultCreate(url: string): EventSourceLike {
  return new EventSource(url) as unknown as EventSourceLike;
}

function parse<T>(ev: MessageEvent<string>): T | null {
  try {
    const value: unknown = JSON.parse(ev.data);
    return typeof value === "object" && value !== null ? (value as T) : null;
  } catch {
    return null;
  }
}

export function normalizeSymbols(symbols: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    const sym = s.trim().toUpperCase();
    if (sym && !out.includes(sym)) out.push(sym);
  }
  return out;
}

export class StreamClient {
  private readonly opts: Required<Omit<StreamClientOptions, "sinceSeq" | "symbols">> &
    Pick<StreamClientOptions, "sinceSeq">;
  private symbols: string[];
  private es: EventSourceLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private networkOnline = true;
  private lagSampledAt = Number.NEGATIVE_INFINITY;
  private lastStatus: StatusEvent | null = null;
  /** The EventSource that delivered `ready` (only then may the state say live). */
  private readyOn: EventSourceLike | null = null;
  private readonly lastSeq = new Map<string, number>();
  private readonly listeners = new Set<StreamListeners>();
  private snap: StreamSnapshot = {
    state: "reconnecting",
    cursor: null,
    lagMs: null,
    feedLagMs: null,
    attempt: 0,
    nextRetryAt: null,
    lastMessageAt: null,
    lastDataAt: null,
    dataClockMs: null,
    feedRate: null,
    feed: null,
    clockMs: null,
    phase: null,
    phaseDetail: "",
    progress: null,
    connections: 0,
    readies: 0,
    duplicatesDropped: 0,
    malformedDropped: 0,
  };

  constructor(options: StreamClientOptions) {
    this.symbols = normalizeSymbols(options.symbols);
    this.opts = {
      baseUrl: options.baseUrl ?? "/stream/market",
      sinceSeq: options.sinceSeq,
      createEventSource: options.createEventSource ?? defaultCreate,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      offlineAfterAttempts: options.offlineAfterAttempts ?? 6,
      idleTimeoutMs: options.idleTimeoutMs ?? 20_000,
    };
  }

  subscribe(listeners: StreamListeners): () => void {
    this.listeners.add(listeners);
    return () => this.listeners.delete(listeners);
  }

  snapshot(): StreamSnapshot {
    return this.snap;
  }

  currentSymbols(): readonly string[] {
    return this.symbols;
  }

  /** The last bar seq delivered for a symbol, if any. */
  lastSeqOf(symbol: string): number | undefined {
    return this.lastSeq.get(symbol);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open();
  }

  stop(): void {
    this.running = false;
    this.clearRetry();
    this.clearIdle();
    this.closeSource();
    this.update({ state: "offline", nextRetryAt: null });
  }

  /** Replace the subscribed symbols; reconnects at once (resuming from the cursor) if running. */
  setSymbols(symbols: readonly string[]): void {
    const next = normalizeSymbols(symbols);
    if (next.length === this.symbols.length && next.every((s, i) => s === this.symbols[i])) return;
    this.symbols = next;
    if (this.running && this.networkOnline) this.open();
  }

  /** Skip the backoff wait and connect now (e.g. the user pressed "retry"). */
  reconnectNow(): void {
    if (!this.running || !this.networkOnline) return;
    this.open();
  }

  /** Tell the client what the browser knows about the network (navigator.onLine). */
  setNetworkOnline(online: boolean): void {
    if (online === this.networkOnline) return;
    this.networkOnline = online;
    if (!this.running) return;
    if (online) {
      this.update({ state: "reconnecting", attempt: 0 });
      this.open();
    } else {
      this.clearRetry();
      this.clearIdle();
      this.closeSource();
      this.update({ state: "offline", nextRetryAt: null });
    }
  }

  /** The URL the next connection will use. */
  url(): string {
    const params = new URLSearchParams();
    params.set("symbols", this.symbols.join(","));
    if (this.snap.cursor) {
      params.set("lastEventId", this.snap.cursor);
    } else {
      const since = this.opts.sinceSeq?.();
      if (since !== undefined && Number.isFinite(since)) params.set("sinceSeq", String(Math.floor(since)));
    }
    return `${this.opts.baseUrl}?${params.toString()}`;
  }

  private open(): void {
    this.clearRetry();
    this.closeSource();
    if (this.symbols.length === 0) {
      // Nothing to subscribe to yet (the server rejects an empty list); setSymbols opens it.
      this.clearIdle();
      return;
    }
    const es = this.opts.createEventSource(this.url());
    this.es = es;
    this.update({ connections: this.snap.connections + 1, nextRetryAt: null });
    es.addEventListener("ready", (ev) => this.onReady(es, ev));
    es.addEventListener("bar", (ev) => this.onBar(es, ev));
    es.addEventListener("microbar", (ev) => this.onMicrobar(es, ev));
    es.addEventListener("status", (ev) => this.onStatus(es, ev));
    es.addEventListener("gap", (ev) => this.onGap(es, ev));
    es.addEventListener("alert", (ev) => this.onAlert(es, ev));
    es.onerror = () => this.onError(es);
    this.armIdle();
  }

  private onReady(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const ready = parse<ReadyEvent>(ev);
    if (!ready) {
      this.malformed();
      return;
    }
    this.clearRetry();
    this.readyOn = es;
    this.update({
      state: stateForPhase(this.snap.phase),
      readies: this.snap.readies + 1,
      attempt: 0,
      nextRetryAt: null,
      cursor: ev.lastEventId || ready.cursor || this.snap.cursor,
    });
    for (const l of this.listeners) l.ready?.(ready);
  }

  private onBar(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const bar = parse<Bar>(ev);
    if (!bar || typeof bar.symbol !== "string" || !Number.isInteger(bar.seq)) {
      this.malformed();
      return;
    }
    if (ev.lastEventId) this.snap = { ...this.snap, cursor: ev.lastEventId };
    const last = this.lastSeq.get(bar.symbol);
    if (last !== undefined && bar.seq <= last) {
      this.update({ duplicatesDropped: this.snap.duplicatesDropped + 1 });
      return;
    }
    this.lastSeq.set(bar.symbol, bar.seq);
    this.data(bar.bar_end_ms);
    for (const l of this.listeners) l.bar?.(bar);
  }

  private onMicrobar(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const mb = parse<Microbar>(ev);
    if (!mb || typeof mb.symbol !== "string" || typeof mb.minute !== "object" || mb.minute === null) {
      this.malformed();
      return;
    }
    const now = this.opts.now();
    if (now - this.lagSampledAt >= 1000 && typeof mb.bucket_start_ms === "number") {
      const lag = now - (mb.bucket_start_ms + MICROBAR_MS);
      // Only meaningful when the feed clock is the wall clock (not a replay or an accelerated sim).
      if (Math.abs(lag) < 60_000) {
        this.lagSampledAt = now;
        this.update({ lagMs: Math.max(0, lag) });
      }
    }
    if (typeof mb.bucket_start_ms === "number") this.data(mb.bucket_start_ms + MICROBAR_MS);
    for (const l of this.listeners) l.microbar?.(mb);
  }

  private onStatus(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const status = parse<StatusEvent>(ev);
    if (!status) {
      this.malformed();
      return;
    }
    const now = this.opts.now();
    const lag = typeof status.server_ms === "number" ? Math.max(0, now - status.server_ms) : null;
    this.lagSampledAt = now;
    const feedLag = typeof status.clock_ms === "number" ? status.server_ms - status.clock_ms : null;
    const prev = this.lastStatus;
    const elapsed = prev && typeof status.server_ms === "number" ? status.server_ms - prev.server_ms : 0;
    const feedRate =
      prev && elapsed > 0 && typeof status.clock_ms === "number" && typeof prev.clock_ms === "number"
        ? Math.max(0, status.clock_ms - prev.clock_ms) / elapsed
        : this.snap.feedRate;
    this.lastStatus = status;
    const phase = status.phase ?? "live";
    const progress =
      typeof status.done === "number" && typeof status.total === "number" && status.total > 0
        ? { done: status.done, total: status.total }
        : null;
    // Before `ready` only "warming" may show (the stream is not delivering yet); after it,
    // the phase says whether what is delivered is live.
    const state =
      es === this.readyOn ? stateForPhase(phase) : phase === "warming" ? "warming" : this.snap.state;
    this.update({
      state,
      lagMs: lag,
      feedLagMs: feedLag,
      feedRate,
      feed: status.feed ?? null,
      clockMs: status.clock_ms ?? null,
      phase,
      phaseDetail: status.detail ?? "",
      progress,
    });
    for (const l of this.listeners) l.status?.(status);
  }

  private onGap(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const gap = parse<GapEvent>(ev);
    if (
      !gap ||
      typeof gap.symbol !== "string" ||
      !Number.isInteger(gap.from_seq) ||
      !Number.isInteger(gap.to_seq)
    ) {
      this.malformed();
      return;
    }
    for (const l of this.listeners) l.gap?.(gap);
  }

  private onAlert(es: EventSourceLike, ev: MessageEvent<string>): void {
    if (es !== this.es) return;
    this.touch();
    const signal = parse<Signal>(ev);
    if (
      !signal ||
      (typeof signal.id !== "number" && typeof signal.id !== "string") ||
      typeof signal.symbol !== "string" ||
      !Number.isInteger(signal.seq)
    ) {
      this.malformed();
      return;
    }
    if (ev.lastEventId) this.snap = { ...this.snap, cursor: ev.lastEventId };
    for (const l of this.listeners) l.alert?.(signal);
  }

  private onError(es: EventSourceLike): void {
    if (es !== this.es) return;
    if (es.readyState === CLOSED) {
      // The browser gave up (HTTP error, wrong content type): reconnect ourselves.
      this.closeSource();
    }
    // Otherwise the browser is retrying on its own with Last-Event-ID; our timer takes over if
    // that has not produced a `ready` by the time the backoff delay has passed.
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || !this.networkOnline || this.retryTimer !== null) return;
    const delay = backoffDelay(this.snap.attempt, this.opts.random, this.opts.backoff);
    const attempt = this.snap.attempt + 1;
    this.update({
      state: attempt >= this.opts.offlineAfterAttempts ? "offline" : "reconnecting",
      attempt,
      nextRetryAt: this.opts.now() + delay,
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      // Silent for too long: a half-open connection. Drop it and resume from the cursor.
      this.closeSource();
      this.scheduleReconnect();
    }, this.opts.idleTimeoutMs);
  }

  private touch(): void {
    this.snap = { ...this.snap, lastMessageAt: this.opts.now() };
    this.armIdle();
  }

  /** Market data arrived, reaching feed time `endMs` (kept silently, like `touch`). */
  private data(endMs: number): void {
    const clock = this.snap.dataClockMs;
    this.snap = {
      ...this.snap,
      lastDataAt: this.opts.now(),
      dataClockMs: clock === null ? endMs : Math.max(clock, endMs),
    };
  }

  private malformed(): void {
    this.update({ malformedDropped: this.snap.malformedDropped + 1 });
  }

  private closeSource(): void {
    this.readyOn = null;
    if (this.es) {
      this.es.onerror = null;
      this.es.close();
      this.es = null;
    }
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
  }

  private update(patch: Partial<StreamSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l.state?.(this.snap);
  }
}
