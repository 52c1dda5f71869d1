// Alerts outside React: the feed (GET /api/signals, then the stream's `alert` events, merged
// and deduplicated by id), a backtest preview, and optional spoken call-outs.

import type { Rule, Signal } from "../../shared/api/types";
import type { StreamClient } from "../stream";
import * as api from "./api";
import { mergeSignals } from "./feed";

export interface BacktestPreview {
  ruleId: Rule["id"];
  ruleName: string;
  version: number | null;
  symbol: string;
  signals: readonly Signal[];
}

export interface AlertsState {
  /** Newest first, unique ids. */
  signals: readonly Signal[];
  preview: BacktestPreview | null;
  /** Speak new alerts (speechSynthesis). Off by default; persisted. */
  speak: boolean;
  /** Why the first page could not be loaded, or null. */
  error: string | null;
}

/** Signals fetched on start and after each stream `ready` (to close the REST/stream seam). */
const PAGE = 200;
const SPEAK_KEY = "spotlight.speakAlerts";

function readSpeak(): boolean {
  try {
    return localStorage.getItem(SPEAK_KEY) === "1";
  } catch {
    return false;
  }
}

export class AlertsStore {
  private state: AlertsState;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  /** Live alerts waiting for the next frame (a burst re-renders the feed once). */
  private pending: Signal[] = [];
  private frame: number | null = null;
  private started = false;

  constructor(stream: StreamClient) {
    this.state = { signals: [], preview: null, speak: readSpeak(), error: null };
    stream.subscribe({
      alert: (s) => this.queue(s),
      // A (re)connection may start after signals the first page did not have: refetch, dedupe.
      ready: () => {
        if (this.started) void this.load();
      },
    });
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): AlertsState => this.state;

  private set(patch: Partial<AlertsState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  start(): Promise<void> {
    this.started = true;
    return this.load();
  }

  /** Fetch the newest page of signals and merge it (never speaks: these are not new). */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      try {
        const page = await api.listSignals({ limit: PAGE });
        this.add(page, false);
        if (this.state.error) this.set({ error: null });
      } catch (err) {
        this.set({ error: `Could not load alerts: ${(err as Error).message}` });
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }

  /** A live alert: merged on the next animation frame, with any others of the same burst. */
  private queue(signal: Signal): void {
    this.pending.push(signal);
    if (typeof requestAnimationFrame === "undefined") {
      this.flush();
      return;
    }
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.flush());
  }

  /** Merge the queued live alerts now. */
  flush(): void {
    if (this.frame !== null && typeof cancelAnimationFrame !== "undefined") cancelAnimationFrame(this.frame);
    this.frame = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.add(batch, true);
  }

  /** Merge signals into the feed; `live` ones are spoken when call-outs are on (the newest
   * of a burst only, and not while earlier call-outs are still queued: no growing backlog). */
  add(signals: readonly Signal[], live: boolean): void {
    const next = mergeSignals(this.state.signals, signals);
    if (next === this.state.signals) return;
    const known = new Set(this.state.signals.map((s) => s.id));
    this.set({ signals: next });
    if (live && this.state.speak) {
      const fresh = signals.filter((s) => !known.has(s.id));
      const newest = fresh.reduce<Signal | null>((a, s) => (a === null || s.ts_ms >= a.ts_ms ? s : a), null);
      if (newest) speak(newest);
    }
  }

  setSpeak(on: boolean): void {
    try {
      localStorage.setItem(SPEAK_KEY, on ? "1" : "0");
    } catch {
      // storage disabled: in memory only
    }
    if (!on && typeof speechSynthesis !== "undefined") speechSynthesis.cancel();
    this.set({ speak: on });
  }

  setPreview(preview: BacktestPreview | null): void {
    this.set({ preview });
  }
}

export function speechAvailable(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window;
}

function speak(s: Signal): void {
  if (!speechAvailable() || window.speechSynthesis.pending) return;
  const u = new SpeechSynthesisUtterance(`${s.rule_name}. ${s.explanation}`);
  u.rate = 1.05;
  window.speechSynthesis.speak(u);
}
