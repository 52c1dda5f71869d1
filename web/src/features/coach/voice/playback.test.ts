import { describe, expect, it } from "vitest";
import { PlaybackQueue } from "./playback";
import { FakeSink, samples } from "./testFakes";

describe("PlaybackQueue", () => {
  it("schedules deltas back-to-back after a short lead", () => {
    const sink = new FakeSink();
    const q = new PlaybackQueue(sink);
    q.enqueue("a", samples(100));
    q.enqueue("a", samples(50));
    expect(sink.scheduled[0]?.when).toBeCloseTo(0.02);
    expect(sink.scheduled[1]?.when).toBeCloseTo(0.12);
    expect(q.playing).toBe(true);
    expect(q.receivedMs("a")).toBeCloseTo(150);
  });

  it("counts only audio actually played", () => {
    const sink = new FakeSink();
    const q = new PlaybackQueue(sink);
    q.enqueue("a", samples(100));
    q.enqueue("a", samples(100));
    expect(q.playedMs("a")).toBe(0); // still in the lead
    sink.advance(0.07);
    expect(q.playedMs("a")).toBeCloseTo(50);
    sink.advance(0.1); // first buffer ended, 50 ms into the second
    expect(q.playedMs("a")).toBeCloseTo(150);
    sink.advance(1);
    expect(q.playedMs("a")).toBeCloseTo(200);
    expect(q.playing).toBe(false);
  });

  it("fires drained once the last buffer ends and restarts with a lead after an underrun", () => {
    const sink = new FakeSink();
    const q = new PlaybackQueue(sink);
    let drained = 0;
    q.onDrained(() => drained++);
    q.enqueue("a", samples(20));
    sink.advance(0.05);
    expect(drained).toBe(1);
    q.enqueue("a", samples(20));
    expect(sink.scheduled[1]?.when).toBeCloseTo(0.07);
  });

  it("stop() silences everything and reports the audible item", () => {
    const sink = new FakeSink();
    const q = new PlaybackQueue(sink);
    q.enqueue("a", samples(100));
    q.enqueue("b", samples(100));
    sink.advance(0.07);
    const r = q.stop();
    expect(r.itemId).toBe("a");
    expect(r.playedMs).toBeCloseTo(50);
    expect(r.receivedMs).toBeCloseTo(100);
    expect(r.items).toEqual(["a", "b"]);
    sink.advance(1);
    expect(q.playedMs("a")).toBeCloseTo(50); // stays what was heard
    expect(q.playedMs("b")).toBe(0);
    expect(sink.scheduled.every((s) => s.stopped || s.ended)).toBe(true);
    expect(q.playing).toBe(false);
  });

  it("stop() before any audio was heard reports 0 ms", () => {
    const sink = new FakeSink();
    const q = new PlaybackQueue(sink);
    q.enqueue("a", samples(100));
    const r = q.stop();
    expect(r.playedMs).toBe(0);
    expect(q.stop()).toEqual({ itemId: null, playedMs: 0, receivedMs: 0, items: [] });
  });
});
