import { useAppState, useStore } from "../market/context";
import { formatNyDateTime, formatNyTime } from "../market/time";
import { speechAvailable } from "./announce";
import { useAlertsState } from "./context";
import { useAlertPreference } from "./notifyPrefs";

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

/** The Alerts panel header's sound and speech toggles: the user's stored preferences (the
 * same ones the Settings panel edits). */
export function AlertNotifyToggles() {
  return (
    <div className="flex items-center gap-2">
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

/** Newest first; click an alert to select its symbol and centre the chart on its bar. */
export function AlertsFeed() {
  const store = useStore();
  const signals = useAlertsState((s) => s.signals);
  const error = useAlertsState((s) => s.error);
  const selected = useAppState((s) => s.selected);

  return (
    <div data-testid="alerts-feed" className="flex flex-col gap-1">
      {error && signals.length === 0 && <p className="text-xs text-rose-300">{error}</p>}
      {signals.length === 0 && !error && (
        <p className="text-xs text-zinc-400">No alerts yet. Enable a rule in the Rules panel.</p>
      )}
      <ol className="flex flex-col gap-1" aria-label="Alerts, newest first">
        {signals.slice(0, SHOWN).map((s) => {
          const d = DIRECTION[s.direction] ?? NEUTRAL;
          // One time convention: the New York start of the alert's bar (as the explanation).
          const sec = (s.seq * 60_000) / 1000;
          return (
            <li key={s.id}>
              <button
                type="button"
                data-testid={`alert-${s.id}`}
                data-symbol={s.symbol}
                data-direction={s.direction}
                onClick={() => void store.reveal(s.symbol, s.seq)}
                className={`w-full rounded border-l-2 ${d.border} bg-zinc-900/70 px-2 py-1 text-left hover:bg-zinc-800 ${
                  s.symbol === selected ? "ring-1 ring-zinc-700" : ""
                }`}
              >
                <div className="flex items-baseline gap-2 text-xs">
                  <span className="shrink-0 font-semibold text-zinc-100">{s.symbol}</span>
                  <span className={`shrink-0 whitespace-nowrap ${d.text}`}>{d.label}</span>
                  <span className="truncate text-zinc-300">
                    {s.rule_name} <span className="text-zinc-500">v{s.version}</span>
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
            </li>
          );
        })}
      </ol>
    </div>
  );
}
