import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { AlertNotifyToggles, AlertsFeed } from "../features/alerts/AlertsFeed";
import { useAlertNotifySync } from "../features/alerts/notifyPrefs";
import { CoachBubble } from "../features/coach/CoachBubble";
import { Chart } from "../features/market/Chart";
import { TIMEFRAMES, type Timeframe } from "../features/market/candles";
import { useAppState, useStore } from "../features/market/context";
import { SymbolJump } from "../features/market/SymbolJump";
import { Toolbar } from "../features/market/Toolbar";
import { Watchlist } from "../features/market/Watchlist";
import { ReplayBar } from "../features/replay/ReplayBar";
import { StaleBanner } from "../features/stream/StaleBanner";
import { StreamStatus } from "../features/stream/StreamStatus";
import { useFreshness } from "../features/stream/useFreshness";
import { Panel } from "../shared/ui/Panel";
import { COMPACT_TABS, type PanelTab, type PanelTabId, PanelTabs } from "./PanelTabs";
import { ROUTES } from "./routes";
import { SettingsDialog } from "./SettingsDialog";
import { ShortcutsOverlay } from "./ShortcutsOverlay";
import { useMediaQuery } from "./useMediaQuery";

/** Three columns from this width; below it the chart comes first and panels sit behind tabs. */
const WIDE = "(min-width: 1400px)";
/** Tablet/laptop: the watchlist stays beside the chart. */
const TABLET = "(min-width: 768px)";
const ROOMY_HEADER = "(min-width: 1280px)";

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
  useAlertNotifySync();
  const notice = useAppState((s) => s.notice);
  const fresh = useFreshness();
  const wide = useMediaQuery(WIDE);
  const tablet = useMediaQuery(TABLET);
  // the replay bar sits in the header where there is room for it, else in a row below it
  const roomy = useMediaQuery(ROOMY_HEADER);
  const tabs: PanelTab[] = tablet ? COMPACT_TABS.filter((t) => t.id !== "watchlist") : COMPACT_TABS;
  const [tab, setTab] = useState<PanelTabId | null>(() =>
    window.matchMedia(TABLET).matches ? "alerts" : "watchlist",
  );
  const activeTab = tab && tabs.some((t) => t.id === tab) ? tab : null;
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

  const rules = (
    <Suspense fallback={<p className="text-xs text-zinc-400">Loading rules…</p>}>
      <RulesPanel />
    </Suspense>
  );
  const coach = <CoachBubble keysEnabled={!help && !settings} />;

  return (
    <div
      data-stale={fresh.stale}
      className="flex h-screen flex-col overflow-hidden bg-zinc-950 text-zinc-200"
    >
      <header
        data-testid="app-header"
        className="flex min-w-0 items-center gap-2 border-b border-zinc-800 bg-zinc-925 px-2 py-1.5 sm:gap-4 sm:px-3"
      >
        <h1 className="shrink-0 text-sm font-semibold tracking-tight text-zinc-50">
          <span className="hidden sm:inline">Spotlight </span>
          <span className="text-sky-400">Trader</span>
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
        <div className="ml-auto flex shrink-0 items-center gap-2 sm:gap-3">
          <Link href={ROUTES.journal} className="text-xs text-sky-400 hover:text-sky-300">
            Journal
          </Link>
          {roomy && <ReplayBar />}
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
      {!roomy && <ReplayBar row />}
      <StaleBanner fresh={fresh} dataClockMs={store.stream.snapshot().dataClockMs} />

      {wide ? (
        <main className="grid min-h-0 flex-1 grid-cols-[300px_minmax(0,1fr)_320px]">
          <aside className="flex min-h-0 flex-col border-r border-zinc-800" aria-label="Symbols and rules">
            <Watchlist />
            <Panel id="rules" title="Rules" className="h-[34%] border-t">
              {rules}
            </Panel>
          </aside>
          <section className="grid min-h-0 grid-rows-[auto_minmax(0,1fr)]" aria-label="Chart">
            <Toolbar />
            <Chart />
          </section>
          <aside className="flex min-h-0 flex-col border-l border-zinc-800" aria-label="Coach and alerts">
            <Panel id="coach" title="Coach" className="h-52 border-b">
              {coach}
            </Panel>
            <Panel id="alerts" title="Alerts" className="flex-1" actions={<AlertNotifyToggles />}>
              <AlertsFeed />
            </Panel>
          </aside>
        </main>
      ) : (
        <main className={`grid min-h-0 flex-1 ${tablet ? "grid-cols-[300px_minmax(0,1fr)]" : "grid-cols-1"}`}>
          {tablet && (
            <aside className="flex min-h-0 flex-col border-r border-zinc-800" aria-label="Symbols">
              <Watchlist />
            </aside>
          )}
          <section
            className={`grid min-h-0 ${activeTab ? "grid-rows-[auto_minmax(0,1fr)_auto_40%]" : "grid-rows-[auto_minmax(0,1fr)_auto]"}`}
            aria-label="Chart"
          >
            <Toolbar />
            <Chart />
            <PanelTabs tabs={tabs} active={activeTab} onChange={setTab} />
            {activeTab && (
              <div
                role="tabpanel"
                id={`tabpanel-${activeTab}`}
                aria-labelledby={`tab-${activeTab}`}
                className="flex min-h-0 flex-col border-t border-zinc-800"
              >
                {activeTab === "watchlist" && <Watchlist />}
                {activeTab === "alerts" && (
                  <Panel id="alerts" title="Alerts" className="flex-1" actions={<AlertNotifyToggles />}>
                    <AlertsFeed />
                  </Panel>
                )}
                {activeTab === "rules" && (
                  <Panel id="rules" title="Rules" className="flex-1">
                    {rules}
                  </Panel>
                )}
                {activeTab === "coach" && (
                  <Panel id="coach" title="Coach" className="flex-1">
                    {coach}
                  </Panel>
                )}
              </div>
            )}
          </section>
        </main>
      )}

      {settings && <SettingsDialog onClose={() => setSettings(false)} />}
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
