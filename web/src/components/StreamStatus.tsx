import { useEffect, useState } from "react";
import { fmtLag } from "../format";
import { useAppState, useStore } from "../store/context";

const DOT: Record<string, string> = {
  live: "bg-emerald-400",
  reconnecting: "bg-amber-400 motion-safe:animate-pulse",
  offline: "bg-rose-500",
};

/** live / reconnecting / offline, with the lag of the newest status event. */
export function StreamStatus() {
  const store = useStore();
  const snap = useAppState((s) => s.stream);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);

  const silentMs = snap.lastMessageAt ? now - snap.lastMessageAt : null;
  const retryIn = snap.nextRetryAt ? Math.max(0, snap.nextRetryAt - now) : null;
  let detail = "";
  if (snap.state === "live") {
    detail = snap.lagMs != null ? `lag ${fmtLag(snap.lagMs)}` : "";
    if (silentMs != null && silentMs > 6000) detail = `silent ${fmtLag(silentMs)}`;
  } else if (retryIn != null) {
    detail = `retry in ${Math.ceil(retryIn / 1000)} s`;
  }

  return (
    <div className="flex items-center gap-2 text-xs" role="status" aria-live="polite">
      <span
        className={`inline-block h-2 w-2 rounded-full ${DOT[snap.state] ?? "bg-zinc-500"}`}
        aria-hidden="true"
      />
      <span data-testid="stream-status" data-state={snap.state} className="font-medium text-zinc-200">
        {snap.state}
      </span>
      <span className="font-mono text-zinc-400 tabular-nums" data-testid="stream-lag">
        {detail}
      </span>
      {snap.feed && <span className="hidden text-zinc-400 md:inline">{snap.feed}</span>}
      {snap.state !== "live" && (
        <button
          type="button"
          onClick={() => store.stream.reconnectNow()}
          className="rounded border border-zinc-700 px-1.5 text-[11px] text-zinc-300 hover:border-zinc-500"
        >
          Retry now
        </button>
      )}
    </div>
  );
}
