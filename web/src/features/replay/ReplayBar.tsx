import { type FormEvent, useEffect, useState } from "react";
import type { ReplayStatus } from "../../shared/api/types";
import { useAppState } from "../market/context";
import { getReplay, jumpReplay, pauseReplay, resumeReplay, setReplaySpeed } from "./api";
import {
  normalizeJumpTime,
  parseSpeed,
  replayPercent,
  replayStateLabel,
  replayTime,
  SPEEDS,
  speedLabel,
  speedValue,
} from "./replay";

const POLL_MS = 1000;

/** The header's compact replay bar (only when the feed is a replay): New York time of the
 * replay clock, progress, pause/resume, speed and jump to a time. `row`: a row of its own
 * under the header (narrow screens). */
export function ReplayBar({ row = false }: { row?: boolean }) {
  const feed = useAppState((s) => s.stream.feed);
  const [status, setStatus] = useState<ReplayStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jump, setJump] = useState("");
  const finished = status?.state === "finished";

  useEffect(() => {
    if (feed !== "replay" || finished) return;
    const ctrl = new AbortController();
    const poll = async () => {
      try {
        setStatus(await getReplay(ctrl.signal));
      } catch {
        // the stream badge already says when the server is away
      }
    };
    void poll();
    const id = setInterval(() => void poll(), POLL_MS);
    return () => {
      ctrl.abort();
      clearInterval(id);
    };
  }, [feed, finished]);

  if (feed !== "replay" || !status) return null;

  const act = async (call: () => Promise<ReplayStatus>) => {
    try {
      setStatus(await call());
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const onJump = (e: FormEvent) => {
    e.preventDefault();
    const time = normalizeJumpTime(jump);
    if (time === null) {
      setError("Type a New York time such as 10:30");
      return;
    }
    void act(() => jumpReplay(time)).then(() => setJump(""));
  };
  const paused = status.state === "paused";
  const pct = replayPercent(status);

  const bar = (
    <section
      aria-label="Replay controls"
      data-testid="replay-bar"
      data-state={status.state}
      className="flex min-w-0 items-center gap-1.5 rounded border border-violet-800 bg-violet-950/40 px-1.5 py-0.5 text-xs"
    >
      <button
        type="button"
        data-testid="replay-toggle"
        disabled={finished}
        onClick={() => void act(paused ? resumeReplay : pauseReplay)}
        aria-label={paused ? "Resume the replay" : "Pause the replay"}
        className="w-14 rounded border border-violet-700 px-1 text-violet-100 hover:border-violet-400 disabled:opacity-60"
      >
        {paused ? "Resume" : "Pause"}
      </button>
      <span data-testid="replay-time" className="font-mono text-zinc-100 tabular-nums">
        {replayTime(status)}
      </span>
      <progress
        data-testid="replay-progress"
        className="hidden h-1.5 w-16 accent-violet-400 sm:inline-block"
        max={100}
        value={pct}
        aria-label="Replayed"
      />
      <span data-testid="replay-percent" className="font-mono text-zinc-300 tabular-nums">
        {pct}%
      </span>
      <span data-testid="replay-state" className="hidden text-violet-200 md:inline">
        {replayStateLabel(status)}
      </span>
      <label className="sr-only" htmlFor="replay-speed">
        Replay speed
      </label>
      <select
        id="replay-speed"
        data-testid="replay-speed"
        disabled={finished}
        value={speedValue(status.speed ?? null)}
        onChange={(e) => void act(() => setReplaySpeed(parseSpeed(e.target.value)))}
        className="rounded border border-zinc-700 bg-zinc-900 px-0.5 text-zinc-100"
      >
        {SPEEDS.map((s) => (
          <option key={speedValue(s)} value={speedValue(s)}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
      <form onSubmit={onJump} className="flex items-center gap-1">
        <label className="sr-only" htmlFor="replay-jump">
          Jump to a New York time
        </label>
        <input
          id="replay-jump"
          data-testid="replay-jump-time"
          value={jump}
          onChange={(e) => setJump(e.target.value)}
          disabled={finished}
          placeholder="10:30"
          inputMode="numeric"
          maxLength={5}
          className="w-12 rounded border border-zinc-700 bg-zinc-900 px-1 font-mono text-zinc-100 placeholder:text-zinc-500"
        />
        <button
          type="submit"
          data-testid="replay-jump-go"
          disabled={finished}
          className="rounded border border-zinc-700 px-1 text-zinc-200 hover:border-zinc-500 disabled:opacity-60"
        >
          Go
        </button>
      </form>
      {error && (
        <span role="alert" data-testid="replay-error" className="text-rose-300">
          {error}
        </span>
      )}
    </section>
  );
  return row ? <div className="flex min-w-0 border-b border-zinc-800 px-2 py-1">{bar}</div> : bar;
}
