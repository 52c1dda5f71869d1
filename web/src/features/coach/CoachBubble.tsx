// The voice coach bubble: power, mic, state, last transcript line and tool activity. The voice
// client (audio, WebSocket) is loaded on the first power-on, so it is not in the initial bundle.
import {
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { registerVoice } from "../../testHook";
import { useAppState } from "../market/context";
import { useVoiceStatus } from "./queries";
import type { VoiceClient, VoiceSnapshot, VoiceState } from "./voice/VoiceClient";

const POS_KEY = "spotlight.coach.position";
/** Holding T longer than this is push-to-talk (the mic closes on release); shorter toggles. */
const PTT_MS = 350;

type Pos = { x: number; y: number } | null;

function readPos(): Pos {
  try {
    const raw = localStorage.getItem(POS_KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as { x?: unknown; y?: unknown };
    return typeof p.x === "number" && typeof p.y === "number" ? { x: p.x, y: p.y } : null;
  } catch {
    return null;
  }
}

function writePos(pos: Pos): void {
  try {
    if (pos) localStorage.setItem(POS_KEY, JSON.stringify(pos));
    else localStorage.removeItem(POS_KEY);
  } catch {
    // storage disabled
  }
}

function clampPos(p: { x: number; y: number }, w = 288, h = 140): { x: number; y: number } {
  const maxX = Math.max(0, window.innerWidth - w);
  const maxY = Math.max(0, window.innerHeight - h);
  return { x: Math.round(Math.min(Math.max(0, p.x), maxX)), y: Math.round(Math.min(Math.max(0, p.y), maxY)) };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

const STATE_LABEL: Record<VoiceState, string> = {
  off: "off",
  connecting: "off",
  idle: "idle",
  listening: "listening",
  thinking: "thinking",
  speaking: "speaking",
};

const STATE_DOT: Record<string, string> = {
  off: "bg-zinc-600",
  disabled: "bg-zinc-700",
  idle: "bg-emerald-500",
  listening: "bg-sky-400 animate-pulse",
  thinking: "bg-amber-400 animate-pulse",
  speaking: "bg-fuchsia-400 animate-pulse",
};

const noop = () => () => {};

export function CoachBubble({ keysEnabled = true }: { keysEnabled?: boolean }) {
  const voiceStatus = useVoiceStatus();
  const status = voiceStatus.data ?? null;
  const statusError = voiceStatus.error?.message ?? null;
  const [client, setClient] = useState<VoiceClient | null>(null);
  const [loading, setLoading] = useState(false);
  const [pos, setPos] = useState<Pos>(() => readPos());
  const posRef = useRef<Pos>(pos);
  posRef.current = pos;
  const clientRef = useRef<VoiceClient | null>(null);
  const symbol = useAppState((s) => s.selected);
  const timeframe = useAppState((s) => s.timeframe);

  const snap: VoiceSnapshot | null = useSyncExternalStore(
    client ? client.subscribe : noop,
    client ? client.snapshot : () => null,
  );

  const enabled = status?.enabled === true;
  const disabledReason = !enabled
    ? (status?.reason ?? (statusError ? `voice is unavailable (${statusError})` : null))
    : null;
  const state: string =
    !status && !statusError ? "off" : !enabled ? "disabled" : snap ? STATE_LABEL[snap.state] : "off";
  const powered = snap !== null && snap.state !== "off";

  // Test hook.
  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(
    () =>
      registerVoice(() => {
        const c = clientRef.current;
        const probe = c?.probe() ?? {
          state: "off",
          states: [],
          connected: false,
          lastTruncate: null,
          played_ms: 0,
        };
        return { ...probe, state: stateRef.current === "disabled" ? "disabled" : probe.state };
      }),
    [],
  );

  // Tell the coach what the user is looking at.
  useEffect(() => {
    client?.setContext(symbol, timeframe);
  }, [client, symbol, timeframe]);

  useEffect(() => () => clientRef.current?.shutdown(), []);

  const ensureClient = useCallback(async (): Promise<VoiceClient> => {
    if (clientRef.current) return clientRef.current;
    setLoading(true);
    try {
      const mod = await import("./voice/webaudio");
      const c = mod.createBrowserVoiceClient();
      clientRef.current = c;
      setClient(c);
      return c;
    } finally {
      setLoading(false);
    }
  }, []);

  const togglePower = useCallback(async () => {
    if (!enabled) return;
    const c = clientRef.current;
    if (c && c.snapshot().state !== "off") {
      c.shutdown();
      return;
    }
    const fresh = await ensureClient();
    fresh.setContext(symbol, timeframe);
    fresh.start();
  }, [enabled, ensureClient, symbol, timeframe]);

  const setMic = useCallback(
    async (on: boolean) => {
      if (!enabled) return;
      let c = clientRef.current;
      if (on && (!c || c.snapshot().state === "off")) {
        c = await ensureClient();
        c.setContext(symbol, timeframe);
        c.start();
      }
      await c?.setMic(on);
    },
    [enabled, ensureClient, symbol, timeframe],
  );

  // Keyboard: T = push-to-talk (hold) or toggle the mic (tap); Esc = stop the coach.
  // T belongs to the coach only while it is powered on; otherwise it starts the symbol box.
  const ptt = useRef<{ at: number; opened: boolean } | null>(null);
  useEffect(() => {
    if (!keysEnabled) return;
    const down = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const c = clientRef.current;
      if (!c || c.snapshot().state === "off") return;
      if (e.key === "Escape") {
        c.stop();
        return;
      }
      if (e.key !== "t" && e.key !== "T") return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.repeat) return;
      const opened = !c.micOn;
      ptt.current = { at: performance.now(), opened };
      void c.setMic(opened);
    };
    const up = (e: KeyboardEvent) => {
      if (e.key !== "t" && e.key !== "T") return;
      const p = ptt.current;
      ptt.current = null;
      if (p?.opened && performance.now() - p.at > PTT_MS) void clientRef.current?.setMic(false);
    };
    window.addEventListener("keydown", down, true);
    window.addEventListener("keyup", up, true);
    return () => {
      window.removeEventListener("keydown", down, true);
      window.removeEventListener("keyup", up, true);
    };
  }, [keysEnabled]);

  // Dragging by the handle; the position is remembered. Docked (null) = in the layout's slot.
  const boxRef = useRef<HTMLElement>(null);
  const drag = useRef<{ dx: number; dy: number } | null>(null);
  const onDragStart = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest("button")) return;
    const rect = boxRef.current?.getBoundingClientRect();
    if (!rect) return;
    drag.current = { dx: e.clientX - rect.left, dy: e.clientY - rect.top };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onDragMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const rect = boxRef.current?.getBoundingClientRect();
    const next = clampPos({ x: e.clientX - d.dx, y: e.clientY - d.dy }, rect?.width, rect?.height);
    posRef.current = next;
    setPos(next);
  };
  const onDragEnd = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
    writePos(posRef.current);
  };
  const dock = () => {
    setPos(null);
    writePos(null);
  };
  const floating = pos !== null;
  useEffect(() => {
    if (!floating) return;
    const onResize = () =>
      setPos((p) => (p ? clampPos(p, boxRef.current?.offsetWidth, boxRef.current?.offsetHeight) : p));
    window.addEventListener("resize", onResize);
    onResize();
    return () => window.removeEventListener("resize", onResize);
  }, [floating]);

  const mic = snap?.mic ?? false;
  const transcript = snap?.transcript;

  const bubble = (
    <section
      ref={boxRef}
      data-testid="coach-bubble"
      data-state={snap?.state ?? state}
      data-floating={floating}
      aria-label="Voice coach"
      style={pos ? { left: pos.x, top: pos.y } : undefined}
      className={`${floating ? "fixed z-30 w-72 shadow-2xl" : "w-full"} rounded-xl border border-zinc-700 bg-zinc-900/95 text-xs text-zinc-200`}
    >
      <div
        className="flex cursor-grab touch-none items-center gap-2 border-b border-zinc-800 px-2 py-1.5 select-none active:cursor-grabbing"
        onPointerDown={onDragStart}
        onPointerMove={onDragMove}
        onPointerUp={onDragEnd}
        onPointerCancel={onDragEnd}
        title="Drag to move the coach"
      >
        <span
          aria-hidden="true"
          className={`h-2.5 w-2.5 rounded-full ${STATE_DOT[state] ?? "bg-zinc-600"}`}
        />
        <span className="sr-only">Coach state:</span>
        <span data-testid="coach-state" aria-live="polite" className="font-medium text-zinc-100">
          {state}
        </span>
        {snap?.state === "connecting" && <span className="text-zinc-400">connecting…</span>}
        {loading && <span className="text-zinc-400">loading…</span>}
        <div className="ml-auto flex items-center gap-1">
          <button
            type="button"
            data-testid="coach-mic"
            onClick={() => void setMic(!mic)}
            disabled={!enabled}
            aria-pressed={mic}
            aria-label={mic ? "Mic on: turn the microphone off" : "Mic off: turn the microphone on"}
            title="Microphone (T: hold to talk, tap to toggle)"
            className={`rounded border px-1.5 py-0.5 disabled:opacity-40 ${mic ? "border-sky-500 bg-sky-900/60 text-sky-100" : "border-zinc-700 text-zinc-300 hover:border-zinc-500"}`}
          >
            {mic ? "Mic on" : "Mic off"}
          </button>
          <button
            type="button"
            data-testid="coach-power"
            onClick={() => void togglePower()}
            disabled={!enabled}
            aria-pressed={powered}
            aria-label={powered ? "On: turn the coach off" : "Off: turn the coach on"}
            title="Coach power"
            className={`rounded border px-1.5 py-0.5 disabled:opacity-40 ${powered ? "border-emerald-600 bg-emerald-900/50 text-emerald-100" : "border-zinc-700 text-zinc-300 hover:border-zinc-500"}`}
          >
            {powered ? "On" : "Off"}
          </button>
          {floating && (
            <button
              type="button"
              onClick={dock}
              aria-label="Dock the coach in its panel"
              title="Dock"
              className="rounded px-1 text-zinc-400 hover:text-zinc-100"
            >
              ⤓
            </button>
          )}
        </div>
      </div>
      <div className="space-y-1 px-2 py-1.5">
        {state === "disabled" ? (
          <p className="leading-relaxed text-zinc-400">
            Voice coach is off: {disabledReason ?? "voice is not configured on the server"}.{" "}
            {disabledReason?.includes("OPENAI_API_KEY") ? (
              "The key is read where the server runs; restart it after setting the key."
            ) : (
              <>
                Set <code className="text-zinc-300">OPENAI_API_KEY</code> where the server runs and restart
                it.
              </>
            )}
          </p>
        ) : (
          <>
            <p
              data-testid="coach-transcript"
              className="max-h-16 min-h-4 overflow-y-auto leading-snug text-zinc-200"
            >
              {transcript ? (
                <>
                  <span className="text-zinc-400">{transcript.who === "you" ? "You: " : "Coach: "}</span>
                  {transcript.text}
                </>
              ) : powered ? (
                <span className="text-zinc-400">
                  Press T (hold) or the mic button and ask about the chart.
                </span>
              ) : (
                <span className="text-zinc-400">
                  Turn the coach on to talk about {symbol ?? "the chart"}.
                </span>
              )}
            </p>
            {snap?.tool && (
              <p data-testid="coach-tool" className="text-[12px] text-amber-300/90">
                {snap.tool.text}
              </p>
            )}
            {snap?.error && (
              <p role="alert" className="text-[12px] text-rose-300">
                {snap.error}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );

  // Same tree docked or floating, so a drag that undocks keeps its pointer capture.
  return (
    <>
      {floating && (
        <p className="text-xs text-zinc-400">
          The coach is floating.{" "}
          <button type="button" onClick={dock} className="text-sky-400 underline hover:text-sky-300">
            Dock it here
          </button>
        </p>
      )}
      {bubble}
    </>
  );
}
