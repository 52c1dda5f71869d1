import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { AlertsFeed, SpeakToggle } from "../features/alerts/AlertsFeed";
import { CoachBubble } from "../features/coach/CoachBubble";
import { JournalPanel } from "../features/journal/JournalPanel";
import { Chart } from "../features/market/Chart";
import { TIMEFRAMES, type Timeframe } from "../features/market/candles";
import { useAppState, useStore } from "../features/market/context";
import { SymbolJump } from "../features/market/SymbolJump";
import { Toolbar } from "../features/market/Toolbar";
import { Watchlist } from "../features/market/Watchlist";
import { StaleBanner } from "../features/stream/StaleBanner";
import { StreamStatus } from "../features/stream/StreamStatus";
import { useFreshness } from "../features/stream/useFreshness";
import { ComingSoon, Panel } from "../shared/ui/Panel";
import { ROUTES } from "./routes";
import { ShortcutsOverlay } from "./ShortcutsOverlay";

// The rules browser is its own chunk: it is not needed to draw the first candle.
const RulesPanel = lazy(() => import("../features/rules/RulesPanel"));

/** Keys 1…7 choose 1m, 2m, 5m, 15m, 30m, 1h, 1D. */
const TF_KEYS: Record<string, Timeframe> = Object.fromEntries(TIMEFRAMES.map((t, i) => [String(i + 1), t]));

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function Dashboard() {
  const store = useStore();
  const notice = useAppState((s) => s.notice);
  const fresh = useFreshness();
  const [help, setHelp] = useState(false);
  const [settings, setSettings] = useState(false);
  const [jump, setJump] = useState("");
  const jumpRef = useRef<HTMLInputElement>(null);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "?") {
        if (isTyping(e.target)) return;
        e.preventDefault();
        setHelp((h) => !h);
        return;
      }
      if (e.key === "Escape") {
        setHelp(false);
        setSettings(false);
        return;
      }
      if (isTyping(e.target) || help || settings) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        store.selectRelative(e.key === "ArrowDown" ? 1 : -1);
        return;
      }
      const tf = TF_KEYS[e.key];
      if (tf) {
        e.preventDefault();
        store.setTimeframe(tf);
        return;
      }
      if (/^[a-zA-Z]$/.test(e.key)) {
        // Start the symbol jump with this letter.
        e.preventDefault();
        setJump(e.key.toUpperCase());
        jumpRef.current?.focus();
      }
    },
    [store, help, settings],
  );

  useEffect(() => {
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onKey]);

  return (
    <div
      data-stale={fresh.stale}
      className="flex h-screen flex-col overflow-hidden bg-zinc-950 text-zinc-200"
    >
      <header className="flex items-center gap-4 border-b border-zinc-800 bg-zinc-925 px-3 py-1.5">
        <h1 className="text-sm font-semibold tracking-tight text-zinc-50">
          Spotlight <span className="text-sky-400">Trader</span>
        </h1>
        <SymbolJump ref={jumpRef} value={jump} onChange={setJump} />
        {notice && (
          <div
            role="alert"
            className="flex items-center gap-2 rounded border border-rose-800 bg-rose-950/60 px-2 py-0.5 text-xs text-rose-200"
          >
            <span>{notice}</span>
            <button
              type="button"
              onClick={() => store.dismissNotice()}
              aria-label="Dismiss"
              className="text-rose-300 hover:text-white"
            >
              ×
            </button>
          </div>
        )}
        <div className="ml-auto flex items-center gap-3">
          <StreamStatus fresh={fresh} />
          <button
            type="button"
            onClick={() => setHelp(true)}
            className="rounded border border-zinc-700 px-1.5 text-xs text-zinc-300 hover:border-zinc-500"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
          <button
            type="button"
            onClick={() => setSettings((s) => !s)}
            aria-expanded={settings}
            aria-controls="settings-drawer"
            className="rounded border border-zinc-700 px-1.5 text-xs text-zinc-300 hover:border-zinc-500"
          >
            Settings
          </button>
        </div>
      </header>
      <StaleBanner fresh={fresh} dataClockMs={store.stream.snapshot().dataClockMs} />

      <main className="grid min-h-0 flex-1 grid-cols-[270px_minmax(0,1fr)_320px]">
        <aside className="flex min-h-0 flex-col border-r border-zinc-800" aria-label="Symbols and rules">
          <Watchlist />
          <Panel id="rules" title="Rules" className="h-[34%] border-t">
            <Suspense fallback={<p className="text-xs text-zinc-500">Loading rules…</p>}>
              <RulesPanel />
            </Suspense>
          </Panel>
        </aside>

        <section className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)_auto]" aria-label="Chart">
          <Toolbar />
          <Chart />
          <Panel
            id="journal"
            title="Journal"
            className="h-40 border-t"
            actions={
              <Link href={ROUTES.journal} className="text-[11px] text-sky-400 hover:text-sky-300">
                Open
              </Link>
            }
          >
            <JournalPanel />
          </Panel>
        </section>

        <aside className="flex min-h-0 flex-col border-l border-zinc-800" aria-label="Coach and alerts">
          <Panel id="coach" title="Coach" className="h-52 border-b">
            <CoachBubble keysEnabled={!help && !settings} />
          </Panel>
          <Panel id="alerts" title="Alerts" className="flex-1" actions={<SpeakToggle />}>
            <AlertsFeed />
          </Panel>
        </aside>
      </main>

      {settings && (
        <div
          id="settings-drawer"
          role="dialog"
          aria-label="Settings"
          data-testid="panel-settings"
          className="fixed top-10 right-2 z-40 w-80 rounded-lg border border-zinc-700 bg-zinc-900 p-3 shadow-2xl"
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold text-zinc-100">Settings</h2>
            <button
              type="button"
              onClick={() => setSettings(false)}
              aria-label="Close settings"
              className="text-zinc-400 hover:text-zinc-100"
            >
              ×
            </button>
          </div>
          <ComingSoon>
            Account, API keys status, coach voice and verbosity, alert sounds, default timeframe and chart
            colours will be set here.
          </ComingSoon>
        </div>
      )}
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
