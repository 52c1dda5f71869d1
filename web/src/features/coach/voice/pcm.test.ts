import { describe, expect, it } from "vitest";
import { base64ToBytes, decodeAudio, encodeAudio, floatToPcm16, pcm16ToFloat, Resampler } from "./pcm";

describe("pcm16", () => {
  it("encodes little-endian and clamps", () => {
    const bytes = floatToPcm16(new Float32Array([0, 1, -1, 2, 0.5]));
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 0xff, 0x7f, 0x00, 0x80]);
    expect(new DataView(bytes.buffer).getInt16(6, true)).toBe(32767);
  });

  it("round-trips through base64", () => {
    const samples = new Float32Array([0, 0.25, -0.25, 0.999, -1]);
    const back = decodeAudio(encodeAudio(samples));
    expect(back.length).toBe(5);
    for (let i = 0; i < 5; i++) expect(back[i]).toBeCloseTo(samples[i] as number, 3);
    expect(base64ToBytes(encodeAudio(new Float32Array(480))).length).toBe(960);
    expect(pcm16ToFloat(new Uint8Array([1])).length).toBe(0);
  });
});

describe("Resampler", () => {
  it("passes through when rates match", () => {
    const r = new Resampler(24_000, 24_000);
    expect(r.process(new Float32Array([1, 2, 3]))).toEqual(new Float32Array([1, 2, 3]));
  });

  it.each([48_000, 44_100, 16_000])("keeps the duration from %d Hz across chunks", (from) => {
    const r = new Resampler(from, 24_000);
    let out = 0;
    const chunk = Math.round(from * 0.02);
    for (let i = 0; i < 100; i++) out += r.process(new Float32Array(chunk).fill(0.5)).length;
    expect(Math.abs(out - (chunk * 100 * 24_000) / from)).toBeLessThanOrEqual(2);
  });

  it("keeps a constant signal constant and a low tone's amplitude", () => {
    const r = new Resampler(48_000, 24_000);
    r.process(new Float32Array(960).fill(0.5));
    const out = r.process(new Float32Array(960).fill(0.5));
    expect(Math.min(...out)).toBeCloseTo(0.5, 5);
    const sine = new Float32Array(4800).map((_, i) => Math.sin((2 * Math.PI * 300 * i) / 48_000));
    const res = new Resampler(48_000, 24_000).process(sine);
    expect(Math.max(...res.subarray(100))).toBeGreaterThan(0.95);
  });
});
