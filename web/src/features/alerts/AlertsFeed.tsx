import { useEffect, useMemo, useState } from "react";
import type { Signal } from "../../shared/api/types";
import { useAppState, useStore } from "../market/context";
import { formatNyDateTime, formatNyTime } from "../market/time";
import { AlertsToolbar, type RuleChoice } from "./AlertsToolbar";
import { askNotifications, notificationsAvailable, speechAvailable } from "./announce";
import { useAlertsState } from "./context";
import {
  type AlertMute,
  clearedThrough,
  type FeedFilter,
  feedPrefs,
  feedView,
  muteOf,
  NO_FILTER,
  withAcked,
  withMute,
  withoutMute,
} from "./feedState";
import { useAlertPreference, usePreferences } from "./notifyPrefs";

type Style = { label: string; text: string; border: string };
const NEUTRAL: Style = { label: "● neutral", text: "text-sky-400", border: "border-l-sky-500" };
const DIRECTION: Record<string, Style> = {
  long: { label: "▲ long", text: "text-emerald-400", border: "border-l-emerald-500" },
  short: { label: "▼ short", text: "text-rose-400", border: "border-l-rose-500" },
  neutral: NEUTRAL,
};

/** Alerts drawn in the feed (the store keeps more; `__spotlight.alerts()` returns them all). */
const SHOWN = 150;

function PreferenceToggle({
  pref,
  label,
  title,
  testId,
}: {
  pref: "alert_sound" | "alert_speech";
  label: string;
  title: string;
  testId: string;
}) {
  const { value, set, error } = useAlertPreference(pref);
  return (
    <label
      className="flex cursor-pointer items-center gap-1 text-[12px] text-zinc-400"
      title={error ? `Not saved: ${error.message}` : title}
    >
      <input
        type="checkbox"
        data-testid={testId}
        checked={value ?? false}
        disabled={value === undefined}
        onChange={(e) => set(e.target.checked)}
        className="accent-sky-500"
      />
      {label}
    </label>
  );
}

/** Desktop notifications: switched on only once the browser grants the permission (asked on
 * this click), stored for the user like the other two. */
function DesktopToggle() {
  const { prefs, save, error } = usePreferences();
  const [refused, setRefused] = useState(false);
  if (!notificationsAvailable()) return null;
  const on = prefs?.alert_desktop ?? false;
  return (
    <label
      className="flex cursor-pointer items-center gap-1 text-[12px] text-zinc-400"
      title={
        error
          ? `Not saved: ${error.message}`
          : refused
            ? "The browser blocks notifications for this site: allow them in its site settings"
            : "Desktop notifications of new alerts"
      }
    >
      <input
        type="checkbox"
        data-testid="alerts-desktop"
        checked={on}
        disabled={prefs === undefined}
        onChange={async (e) => {
          if (!e.target.checked) return save(() => ({ alert_desktop: false }));
          const granted = await askNotifications();
          setRefused(!granted);
          if (granted) save(() => ({ alert_desktop: true }));
        }}
        className="accent-sky-500"
      />
      Desktop{refused && <span className="text-rose-300"> (blocked)</span>}
    </label>
  );
}

/** The Alerts panel header's sound, speech and desktop toggles: the user's stored
 * preferences (the same ones the Settings panel edits). */
export function AlertNotifyToggles() {
  return (
    <div className="flex items-center gap-2">
      <DesktopToggle />
      <PreferenceToggle pref="alert_sound" label="Sound" title="Chime on new alerts" testId="alerts-sound" />
      {speechAvailable() && (
        <PreferenceToggle
          pref="alert_speech"
          label="Speak"
          title="Read new alerts aloud"
          testId="alerts-speak"
        />
      )}
    </div>
  );
}

const MUTE_FOR: readonly { label: string; ms: number }[] = [
  { label: "15 min", ms: 15 * 60_000 },
  { label: "1 hour", ms: 60 * 60_000 },
  { label: "4 hours", ms: 4 * 60 * 60_000 },
];

/** The clock the mutes run on (wall time), ticking so that a mute ends on screen too. */
function useNow(periodMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return now;
}

/** A crossed-out bell (an icon font or emoji may be missing: drawn here). */
function BellOff() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" className="inline-block">
      <path
        d="M8 2a4 4 0 0 0-4 4v3l-1.5 2h11L12 9V6a4 4 0 0 0-4-4Zm-1.5 10.5a1.5 1.5 0 0 0 3 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
      <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}

function MuteMenu({
  s,
  onMute,
}: {
  s: Signal;
  onMute: (kind: AlertMute["kind"], key: string, ms: number) => void;
}) {
  return (
    <details className="relative" data-testid={`alert-mute-${s.id}`}>
      <summary
        aria-label={`Mute ${s.rule_name} or ${s.symbol}`}
        title="Mute this rule or symbol for a while"
        className="cursor-pointer list-none rounded px-1 text-[12px] text-zinc-400 hover:text-zinc-100"
      >
        <BellOff />
      </summary>
      <div className="absolute right-0 z-30 mt-1 flex w-52 flex-col rounded border border-zinc-700 bg-zinc-900 p-1 text-[12px] shadow-xl">
        {(
          [
            ["rule", String(s.rule_id), s.rule_name],
            ["symbol", s.symbol, s.symbol],
          ] as const
        ).map(([kind, key, name]) =>
          MUTE_FOR.map((d) => (
            <button
              key={`${kind}-${d.ms}`}
              type="button"
              data-testid={`alert-mute-${s.id}-${kind}-${d.ms / 60_000}`}
              onClick={(e) => {
                e.currentTarget.closest("details")?.removeAttribute("open");
                onMute(kind, key, d.ms);
              }}
              className="truncate rounded px-1.5 py-0.5 text-left text-zinc-200 hover:bg-zinc-800"
            >
              Mute {name} for {d.label}
            </button>
          )),
        )}
      </div>
    </details>
  );
}

/** Newest first; click an alert to select its symbol and centre the chart on its bar. The
 * trader filters it, mutes a rule or symbol for a while, acknowledges and clears alerts;
 * that state is stored with their preferences (so it follows them to another browser). */
export function AlertsFeed() {
  const store = useStore();
  const signals = useAlertsState((s) => s.signals);
  const error = useAlertsState((s) => s.error);
  const selected = useAppState((s) => s.selected);
  const { prefs, save } = usePreferences();
  const state = feedPrefs(prefs);
  const [filter, setFilter] = useState<FeedFilter>(NO_FILTER);
  const [showMuted, setShowMuted] = useState(false);
  const [undo, setUndo] = useState<number | null>(null);
  const now = useNow();
  const view = feedView(signals, state, filter, now, showMuted);
  const visible = signals.filter((s) => s.id > state.clearedThrough);
  const symbols = useMemo(() => [...new Set(visible.map((s) => s.symbol))].sort(), [visible]);
  const rules = useMemo(() => {
    const byId = new Map<number, RuleChoice>();
    for (const s of signals)
      if (!byId.has(s.rule_id)) byId.set(s.rule_id, { id: s.rule_id, name: s.rule_name });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [signals]);
  const ruleName = (id: string) => rules.find((r) => String(r.id) === id)?.name ?? `rule ${id}`;
  const activeMutes = state.mutes.filter((m) => m.until_ms > now);
  const acked = new Set(state.acked);

  const ack = (ids: number[]) =>
    save((p) => ({ alerts_acked: withAcked(p.alerts_acked, ids, p.alerts_cleared_through) }));
  const mute = (kind: AlertMute["kind"], key: string, ms: number) =>
    save((p) => ({ alert_mutes: withMute(p.alert_mutes, kind, key, Date.now() + ms, Date.now()) }));
  const clear = () => {
    setUndo(state.clearedThrough);
    save((p) => {
      const through = clearedThrough(signals, p.alerts_cleared_through);
      return { alerts_cleared_through: through, alerts_acked: withAcked(p.alerts_acked, [], through) };
    });
  };

  return (
    <div data-testid="alerts-feed" className="flex flex-col gap-1">
      {error && signals.length === 0 && <p className="text-xs text-rose-300">{error}</p>}
      {signals.length > 0 && (
        <AlertsToolbar
          filter={filter}
          onFilter={setFilter}
          symbols={symbols}
          rules={rules}
          unacked={view.unacked}
          onAckAll={() => ack(view.shown.map((s) => s.id))}
          onClear={clear}
          canClear={visible.length > 0}
          mutes={activeMutes}
          ruleName={ruleName}
          onUnmute={(m) => save((p) => ({ alert_mutes: withoutMute(p.alert_mutes, m.kind, m.key) }))}
          muted={view.muted}
          showMuted={showMuted}
          onShowMuted={setShowMuted}
          now={now}
        />
      )}
      {undo !== null && (
        <p role="status" className="flex items-center gap-2 text-[12px] text-zinc-300">
          Feed cleared (the alerts stay in the history).
          <button
            type="button"
            data-testid="alerts-undo-clear"
            onClick={() => {
              save(() => ({ alerts_cleared_through: undo }));
              setUndo(null);
            }}
            className="text-sky-300 underline"
          >
            Undo
          </button>
        </p>
      )}
      {signals.length === 0 && !error && (
        <p className="text-xs text-zinc-400">No alerts yet. Enable a rule in the Rules panel.</p>
      )}
      {signals.length > 0 && view.shown.length === 0 && (
        <p className="text-xs text-zinc-400">
          No alerts to show{filter !== NO_FILTER ? " for this filter" : ""}.
        </p>
      )}
      <ol className="flex flex-col gap-1" aria-label="Alerts, newest first">
        {view.shown.slice(0, SHOWN).map((s) => {
          const d = DIRECTION[s.direction] ?? NEUTRAL;
          // One time convention: the New York start of the alert's bar (as the explanation).
          const sec = (s.seq * 60_000) / 1000;
          const seen = acked.has(s.id);
          const quiet = muteOf(s, state.mutes, now) !== null;
          return (
            <li
              key={s.id}
              data-testid={`alert-row-${s.id}`}
              data-acked={seen}
              data-muted={quiet}
              className={`flex items-start gap-0.5 rounded border-l-2 ${d.border} bg-zinc-900/70 ${
                s.symbol === selected ? "ring-1 ring-zinc-700" : ""
              } ${seen || quiet ? "opacity-70" : ""}`}
            >
              <button
                type="button"
                data-testid={`alert-${s.id}`}
                data-symbol={s.symbol}
                data-direction={s.direction}
                onClick={() => void store.reveal(s.symbol, s.seq)}
                className="min-w-0 flex-1 px-2 py-1 text-left hover:bg-zinc-800"
              >
                <div className="flex items-baseline gap-2 text-xs">
                  {!seen && (
                    <span className="size-1.5 shrink-0 self-center rounded-full bg-sky-400">
                      <span className="sr-only">new</span>
                    </span>
                  )}
                  <span className="shrink-0 font-semibold text-zinc-100">{s.symbol}</span>
                  <span className={`shrink-0 whitespace-nowrap ${d.text}`}>{d.label}</span>
                  <span className="truncate text-zinc-300">
                    {s.rule_name} <span className="text-zinc-400">v{s.version}</span>
                  </span>
                  <time
                    className="ml-auto shrink-0 font-mono text-[12px] text-zinc-400"
                    dateTime={new Date(sec * 1000).toISOString()}
                    title={`bar of ${formatNyDateTime(sec)}; fired ${formatNyDateTime(s.ts_ms / 1000)}`}
                  >
                    {formatNyTime(sec)} ET
                  </time>
                </div>
                <p className="mt-0.5 text-[12px] leading-snug text-zinc-400">{s.explanation}</p>
              </button>
              <div className="flex shrink-0 flex-col items-center py-1 pr-1">
                {!seen && (
                  <button
                    type="button"
                    data-testid={`alert-ack-${s.id}`}
                    aria-label={`Acknowledge ${s.symbol} ${s.rule_name}`}
                    title="Acknowledge"
                    onClick={() => ack([s.id])}
                    className="rounded px-1 text-[12px] text-zinc-400 hover:text-emerald-300"
                  >
                    ✓
                  </button>
                )}
                <MuteMenu s={s} onMute={mute} />
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
