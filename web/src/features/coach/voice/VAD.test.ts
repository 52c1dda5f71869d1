import { describe, expect, it } from "vitest";
import { DEFAULT_VAD, rms, Vad, type VadEvent } from "./VAD";

const RATE = 24_000;
const FRAME = 480; // 20 ms

function tone(ms: number, amp = 0.3, hz = 220): Float32Array {
  const n = Math.round((ms / 1000) * RATE);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin((2 * Math.PI * hz * i) / RATE);
  return out;
}

function silence(ms: number): Float32Array {
  return new Float32Array(Math.round((ms / 1000) * RATE));
}

function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Run the signal through the VAD in 20 ms frames; events with the time (ms) they fired. */
function run(signal: Float32Array, guarded = false): { ev: VadEvent; atMs: number }[] {
  const vad = new Vad(RATE);
  const out: { ev: VadEvent; atMs: number }[] = [];
  for (let i = 0; i + FRAME <= signal.length; i += FRAME) {
    const ev = vad.process(signal.subarray(i, i + FRAME), guarded);
    if (ev) out.push({ ev, atMs: ((i + FRAME) / RATE) * 1000 });
  }
  return out;
}

describe("rms", () => {
  it("is 0 for silence and amp/√2 for a sine", () => {
    expect(rms(silence(20))).toBe(0);
    expect(rms(new Float32Array(0))).toBe(0);
    expect(rms(tone(100, 0.5))).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });
});

describe("Vad", () => {
  it("never fires on silence or on noise below the threshold", () => {
    expect(run(silence(2000))).toEqual([]);
    expect(run(tone(2000, DEFAULT_VAD.threshold / 2))).toEqual([]);
  });

  it("starts after the attack and stops 250 ms after the tone ends", () => {
    const events = run(concat(silence(200), tone(600), silence(600)));
    expect(events.map((e) => e.ev)).toEqual(["start", "stop"]);
    expect(events[0]?.atMs).toBe(240); // 200 ms silence + 40 ms attack
    expect(events[1]?.atMs).toBe(800 + 260); // tone ends at 800; the first silent frame ends at 820
  });

  it("ignores a click shorter than the attack", () => {
    expect(run(concat(silence(100), tone(20), silence(500)))).toEqual([]);
  });

  it("holds through pauses shorter than 250 ms (one segment)", () => {
    const events = run(concat(tone(300), silence(200), tone(300), silence(400)));
    expect(events.map((e) => e.ev)).toEqual(["start", "stop"]);
  });

  it("splits bursts separated by more than the hold (two segments)", () => {
    const events = run(concat(tone(300), silence(400), tone(300), silence(400)));
    expect(events.map((e) => e.ev)).toEqual(["start", "stop", "start", "stop"]);
  });

  it("a burst shorter than the hold still lasts the full hold", () => {
    const events = run(concat(tone(100), silence(500)));
    expect(events.map((e) => e.ev)).toEqual(["start", "stop"]);
    expect((events[1]?.atMs ?? 0) - 100).toBeGreaterThanOrEqual(250);
  });

  it("is stricter while the coach speaks (echo guard)", () => {
    const quiet = concat(tone(500, 0.05), silence(500)); // RMS ≈ 0.035: speech, but echo-level
    expect(run(quiet).map((e) => e.ev)).toEqual(["start", "stop"]);
    expect(run(quiet, true)).toEqual([]);
    const loud = run(concat(silence(100), tone(500), silence(500)), true);
    expect(loud.map((e) => e.ev)).toEqual(["start", "stop"]);
    expect(loud[0]?.atMs).toBe(200); // 100 ms guarded attack
    expect(run(concat(silence(100), tone(60), silence(500)), true)).toEqual([]);
  });
});
