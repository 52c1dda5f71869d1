// PCM16 little-endian <-> Float32, base64, and a streaming linear resampler. Pure.

export const REALTIME_RATE = 24_000;
/** Bytes of 24 kHz mono PCM16 per millisecond. */
export const BYTES_PER_MS = (REALTIME_RATE * 2) / 1000;

export function floatToPcm16(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] as number));
    view.setInt16(i * 2, s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff), true);
  }
  return out;
}

export function pcm16ToFloat(bytes: Uint8Array): Float32Array {
  const n = bytes.length >> 1;
  const out = new Float32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, n * 2);
  for (let i = 0; i < n; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Float32 samples → base64 PCM16 LE (the `audio` of input_audio_buffer.append). */
export function encodeAudio(samples: Float32Array): string {
  return bytesToBase64(floatToPcm16(samples));
}

/** base64 PCM16 LE (a response.output_audio.delta) → Float32 samples. */
export function decodeAudio(b64: string): Float32Array {
  return pcm16ToFloat(base64ToBytes(b64));
}

/**
 * Streaming linear-interpolation resampler (state carries across chunks, so there are no
 * clicks at chunk edges). When downsampling, a pair of taps averages neighbours first (a cheap
 * low-pass that keeps most aliasing out of speech).
 */
export class Resampler {
  private readonly step: number;
  private prev = 0;
  /** Position of the next output sample, in input samples, where 0 is `prev`. */
  private t = 1;

  constructor(
    readonly from: number,
    readonly to: number,
  ) {
    this.step = from / to;
  }

  process(input: Float32Array): Float32Array {
    if (this.from === this.to) return input.slice();
    const n = input.length;
    if (n === 0) return new Float32Array(0);
    const out = new Float32Array(Math.ceil((n + 1) / this.step) + 1);
    const smooth = this.step > 1;
    let count = 0;
    let t = this.t;
    const at = (k: number): number => (k === 0 ? this.prev : (input[k - 1] as number));
    const tap = (k: number): number => (smooth && k > 0 ? (at(k) + at(k - 1)) / 2 : at(k));
    while (t < n) {
      const i = Math.floor(t);
      const frac = t - i;
      out[count++] = tap(i) * (1 - frac) + tap(i + 1) * frac;
      t += this.step;
    }
    this.t = t - n;
    this.prev = input[n - 1] as number;
    return out.subarray(0, count).slice();
  }
}
