// Alerts outside React: the feed (GET /api/signals, then the stream's `alert` events, merged
// and deduplicated by id), a backtest preview, and the chime / spoken call-out of new alerts.

import type { Rule, Signal } from "../../shared/api/types";
import type { StreamClient } from "../stream";
import {
  type AlertNotify,
  type Announcer,
  announcement,
  browserAnnouncer,
  NOTIFY_DEFAULTS,
  type Tone,
} from "./announce";
import * as api from "./api";
import { mergeSignals } from "./feed";
import { type AlertMute, muteOf } from "./feedState";

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
  /** How new live alerts are announced: the user's stored preferences. */
  notify: AlertNotify;
  /** Why the first page could not be loaded, or null. */
  error: string | null;
}

/** Signals fetched on start and after each stream `ready` (to close the REST/stream seam). */
const PAGE = 200;

export class AlertsStore {
  private state: AlertsState;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  /** Live alerts waiting for the next frame (a burst re-renders the feed once). */
  private pending: Signal[] = [];
  private frame: number | null = null;
  private started = false;
  private mutes: readonly AlertMute[] = [];
  private ruleSounds: Readonly<Record<string, Tone>> = {};

  constructor(
    stream: StreamClient,
    private readonly announcer: Announcer = browserAnnouncer,
  ) {
    this.state = { signals: [], preview: null, notify: NOTIFY_DEFAULTS, error: null };
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

  /** Fetch the newest page of signals and merge it (never announced: these are not new). */
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

  /** Merge signals into the feed; `live` ones are announced as the preferences say (the
   * newest of a burst only, and speech not while earlier call-outs are still queued). */
  add(signals: readonly Signal[], live: boolean): void {
    const next = mergeSignals(this.state.signals, signals);
    if (next === this.state.signals) return;
    const known = new Set(this.state.signals.map((s) => s.id));
    this.set({ signals: next });
    if (!live) return;
    const now = Date.now();
    const newest = announcement(signals.filter((s) => !known.has(s.id) && !muteOf(s, this.mutes, now)));
    if (newest === null) return;
    const tone = this.ruleSounds[String(newest.rule_id)] ?? "chime";
    if (this.state.notify.sound && tone !== "off") this.announcer.chime(newest.direction, tone);
    if (this.state.notify.speech) this.announcer.speak(`${newest.rule_name}. ${newest.explanation}`);
    if (this.state.notify.desktop)
      this.announcer.notify(`${newest.symbol} · ${newest.rule_name}`, newest.explanation, newest.key);
  }

  /** Apply the user's stored alert preferences. */
  setNotify(notify: AlertNotify): void {
    const now = this.state.notify;
    if (notify.sound === now.sound && notify.speech === now.speech && notify.desktop === now.desktop) return;
    if (!notify.speech) this.announcer.hush();
    this.set({ notify });
  }

  /** The user's mutes: a muted rule's or symbol's alerts are never announced. */
  setMutes(mutes: readonly AlertMute[]): void {
    this.mutes = mutes;
  }

  /** Each rule's sound (by rule id; a rule without one chimes). */
  setRuleSounds(sounds: Readonly<Record<string, Tone>>): void {
    this.ruleSounds = sounds;
  }

  setPreview(preview: BacktestPreview | null): void {
    this.set({ preview });
  }
}
