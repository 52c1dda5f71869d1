import { useEffect, useState } from "react";
import { fmtAge, fmtLag } from "../../shared/format";
import { useAppState, useStore } from "../market/context";
import { formatNyTime } from "../market/time";
import type { StreamSnapshot, StreamState } from "./";
import type { Freshness } from "./freshness";

const DOT: Record<StreamState, string> = {
  live: "bg-emerald-400",
  replaying: "bg-violet-400",
  warming: "bg-sky-400 motion-safe:animate-pulse",
  stale: "bg-amber-400",
  finished: "bg-zinc-400",
  reconnecting: "bg-amber-400 motion-safe:animate-pulse",
  offline: "bg-rose-500",
};

const LABEL: Record<StreamState, string> = {
  live: "live",
  replaying: "replay",
  warming: "loading history",
  stale: "feed down",
  finished: "replay finished",
  reconnecting: "reconnecting",
  offline: "offline",
};

/** The badge text: `live` only when the stream is connected and the server's market is live. */
export function statusLabel(snap: StreamSnapshot): string {
  if (snap.state === "stale" && snap.phase === "reconnecting") return "feed reconnecting";
  if (snap.state === "stale" && snap.phase === "failed") return "feed failed";
  return LABEL[snap.state];
}

/** The detail after the badge: lag while live, replay time and % while replaying, progress while warming, the server's reason
 * while the feed is down, the retry countdown while disconnected. */
export function statusDetail(snap: StreamSnapshot, now: number, fresh?: Freshness): string {
  const silentMs = snap.lastMessageAt ? now - snap.lastMessageAt : null;
  switch (snap.state) {
    case "live":
      if (fresh?.behindMs != null) return `behind ${fmtAge(fresh.behindMs)}`;
      if (silentMs != null && silentMs > 6000) return `silent ${fmtLag(silentMs)}`;
      return snap.lagMs != null ? `lag ${fmtLag(snap.lagMs)}` : "";
    case "replaying": {
      // the replay clock's New York time of day and how much of the file is replayed
      const time = snap.clockMs != null ? `${formatNyTime(snap.clockMs / 1000)} ET` : "";
      const p = snap.progress;
      const pct = p ? `${Math.floor((100 * p.done) / p.total)}%` : "";
      return [time, pct].filter(Boolean).join(" · ");
    }
    case "warming": {
      const p = snap.progress;
      return p ? `${Math.floor((100 * p.done) / p.total)}%` : "";
    }
    case "finished":
      return snap.clockMs != null ? `ended ${formatNyTime(snap.clockMs / 1000)} ET` : "";
    case "stale":
      return snap.phaseDetail;
    default: {
      const retryIn = snap.nextRetryAt ? Math.max(0, snap.nextRetryAt - now) : null;
      return retryIn != null ? `retry in ${Math.ceil(retryIn / 1000)} s` : "";
    }
  }
}

/** live / loading history / feed down / reconnecting / offline, with lag, progress or reason. */
export function StreamStatus({ fresh }: { fresh?: Freshness }) {
  const store = useStore();
  const snap = useAppState((s) => s.stream);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const progress = snap.state === "warming" ? snap.progress : null;

  return (
    <div className="flex items-center gap-2 text-xs" role="status" aria-live="polite">
      <span
        className={`inline-block h-2 w-2 rounded-full ${fresh?.behindMs != null ? DOT.stale : DOT[snap.state]}`}
        aria-hidden="true"
      />
      <span data-testid="stream-status" data-state={snap.state} className="font-medium text-zinc-200">
        {statusLabel(snap)}
      </span>
      {progress && (
        <progress
          data-testid="stream-progress"
          className="h-1.5 w-20 accent-sky-400"
          max={progress.total}
          value={progress.done}
          aria-label="History loaded"
        />
      )}
      <span className="hidden font-mono text-zinc-400 tabular-nums sm:inline" data-testid="stream-lag">
        {statusDetail(snap, now, fresh)}
      </span>
      {snap.feed && snap.feed !== "replay" && (
        <span className="hidden text-zinc-400 md:inline">{snap.feed}</span>
      )}
      {(snap.state === "reconnecting" || snap.state === "offline") && (
        <button
          type="button"
          onClick={() => store.stream.reconnectNow()}
          className="rounded border border-zinc-700 px-1.5 text-[12px] text-zinc-300 hover:border-zinc-500"
        >
          Retry now
        </button>
      )}
    </div>
  );
}
