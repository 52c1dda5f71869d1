import { describe, expect, it } from "vitest";
import type { StreamSnapshot, StreamState } from "./client";
import { BEHIND_AFTER_MS, freshness } from "./freshness";

const NOW = 1_700_000_000_000;

function snap(patch: Partial<StreamSnapshot>): StreamSnapshot {
  return {
    state: "live",
    cursor: "c",
    lagMs: 1,
    feedLagMs: 0,
    attempt: 0,
    nextRetryAt: null,
    lastMessageAt: NOW,
    lastDataAt: NOW - 300,
    dataClockMs: NOW - 200,
    feedRate: 1,
    feed: "simulated",
    clockMs: NOW,
    phase: "live",
    phaseDetail: "",
    progress: null,
    connections: 1,
    readies: 1,
    duplicatesDropped: 0,
    malformedDropped: 0,
    ...patch,
  };
}

describe("freshness", () => {
  it("is live while connected and the data keeps up with the feed clock", () => {
    expect(freshness(snap({}), NOW)).toEqual({ stale: false, reason: "", ageMs: 300, behindMs: null });
  });

  it("is stale in every state but live, and says why", () => {
    const states: StreamState[] = ["reconnecting", "offline", "stale", "finished", "warming"];
    for (const state of states) {
      const f = freshness(snap({ state, lastDataAt: NOW - 42_000 }), NOW);
      expect(f.stale, state).toBe(true);
      expect(f.reason, state).not.toBe("");
      expect(f.ageMs).toBe(42_000);
    }
    expect(freshness(snap({ state: "stale", phaseDetail: "upstream 502" }), NOW).reason).toContain(
      "upstream 502",
    );
  });

  it("is stale under a live connection when the data trails the feed clock", () => {
    // e.g. a restarted accelerated simulator: its clock runs on while the chart is frozen
    const edge = freshness(snap({ dataClockMs: NOW - BEHIND_AFTER_MS }), NOW);
    expect(edge.stale).toBe(false);
    const behind = freshness(snap({ dataClockMs: NOW - 20 * 60_000 }), NOW);
    expect(behind).toMatchObject({ stale: true, behindMs: 20 * 60_000 });
    // data ahead of the last status's clock (an accelerated feed between statuses) is fine
    expect(freshness(snap({ dataClockMs: NOW + 150_000 }), NOW).stale).toBe(false);
    // a 1000× replay: 250 s of feed time is a quarter second of wall time, not behind
    expect(freshness(snap({ feedRate: 1000, dataClockMs: NOW - 250_000 }), NOW).stale).toBe(false);
    // a 30× simulator frozen for 40 s of wall time is 20 feed minutes behind
    expect(freshness(snap({ feedRate: 30, dataClockMs: NOW - 20 * 60_000 }), NOW).stale).toBe(true);
  });

  it("has no age before any data and never a negative one", () => {
    expect(freshness(snap({ lastDataAt: null, dataClockMs: null }), NOW)).toMatchObject({
      ageMs: null,
      stale: false,
    });
    expect(freshness(snap({ lastDataAt: NOW + 5 }), NOW).ageMs).toBe(0);
  });
});
