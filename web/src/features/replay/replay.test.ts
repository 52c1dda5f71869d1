import { describe, expect, it } from "vitest";
import { type StreamSnapshot, stateForPhase } from "../stream/client";
import { freshness } from "../stream/freshness";
import { statusDetail, statusLabel } from "../stream/StreamStatus";
import {
  normalizeJumpTime,
  parseSpeed,
  replayPercent,
  replayTime,
  SPEEDS,
  speedLabel,
  speedValue,
} from "./replay";

// 2023-11-14 17:14:00 New York (EST, UTC-5): an independent instant, not the code's output
const CLOCK = Date.UTC(2023, 10, 14, 22, 14, 0);

function snap(patch: Partial<StreamSnapshot>): StreamSnapshot {
  return {
    state: "replaying",
    cursor: "c",
    lagMs: 1,
    feedLagMs: 0,
    attempt: 0,
    nextRetryAt: null,
    lastMessageAt: CLOCK,
    lastDataAt: CLOCK,
    dataClockMs: CLOCK,
    feedRate: 20,
    feed: "replay",
    clockMs: CLOCK,
    phase: "replaying",
    phaseDetail: "replaying day.csv at 20×",
    progress: { done: 421, total: 1000 },
    connections: 1,
    readies: 1,
    duplicatesDropped: 0,
    malformedDropped: 0,
    ...patch,
  };
}

describe("replay state on the page", () => {
  it("is its own state, never live, and finished after the end", () => {
    expect(stateForPhase("replaying")).toBe("replaying");
    expect(stateForPhase("finished")).toBe("finished");
    expect(statusLabel(snap({}))).toBe("replay");
    expect(statusLabel(snap({ state: "finished", phase: "finished" }))).toBe("replay finished");
  });

  it("shows the replay clock in New York time and the whole percent replayed", () => {
    expect(statusDetail(snap({}), CLOCK)).toBe("17:14 ET · 42%");
    expect(statusDetail(snap({ progress: null, clockMs: null }), CLOCK)).toBe("");
    expect(
      statusDetail(snap({ state: "finished", phase: "finished", phaseDetail: "replay finished" }), CLOCK),
    ).toBe("ended 17:14 ET");
  });

  it("is not stale while replaying (the replay clock is the feed clock)", () => {
    expect(freshness(snap({}), CLOCK + 500).stale).toBe(false);
    expect(freshness(snap({ state: "finished", phase: "finished" }), CLOCK).stale).toBe(true);
  });
});

describe("replay bar helpers", () => {
  it("round-trips every offered speed through the select's value", () => {
    for (const s of SPEEDS) expect(parseSpeed(speedValue(s))).toBe(s);
    expect(speedLabel(null)).toBe("max");
    expect(speedLabel(20)).toBe("20×");
  });

  it("reads jump times as 24-hour HH:MM", () => {
    expect(normalizeJumpTime("10:30")).toBe("10:30");
    expect(normalizeJumpTime(" 9:30 ")).toBe("09:30");
    expect(normalizeJumpTime("930")).toBe("09:30");
    expect(normalizeJumpTime("1545")).toBe("15:45");
    for (const bad of ["", "24:00", "10:60", "noon", "1:2", "12345"])
      expect(normalizeJumpTime(bad)).toBeNull();
  });

  it("formats the clock and caps the percent", () => {
    expect(replayTime({ clock_ms: CLOCK })).toBe("17:14 ET");
    expect(replayTime({ clock_ms: null })).toBe("");
    expect(replayPercent({ percent: 99.99 })).toBe(99);
    expect(replayPercent({ percent: 100 })).toBe(100);
  });
});
