// Voice activity detection: RMS of each audio frame against a threshold, with a short attack
// (a click does not count as speech) and a 250 ms hold (speech continues through short pauses).
// The decision logic is pure; the WebAudio side (the capture worklet) only feeds it frames.

export interface VadOptions {
  /** RMS level (0..1 full scale) at or above which a frame counts as voiced. */
  threshold: number;
  /** Voiced audio needed before "start" (ms). */
  attackMs: number;
  /** Unvoiced audio needed before "stop" (ms). */
  holdMs: number;
  /** While the coach is speaking (echo risk), the threshold is multiplied by this… */
  guardFactor: number;
  /** …and this much voiced audio is needed to start (ms), so the coach's own voice leaking
   * through the speakers does not interrupt it. */
  guardAttackMs: number;
}

export const DEFAULT_VAD: VadOptions = {
  threshold: 0.02,
  attackMs: 40,
  holdMs: 250,
  guardFactor: 2,
  guardAttackMs: 100,
};

export type VadEvent = "start" | "stop";

/** Root mean square of the samples (0 for an empty frame). */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as number;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

/** The pure state machine: feed it (level, duration) per frame. */
export class VadDecider {
  speaking = false;
  private voicedMs = 0;
  private silentMs = 0;

  constructor(readonly opts: VadOptions = DEFAULT_VAD) {}

  /** `guarded`: the coach is speaking, so be stricter before starting (echo). */
  update(level: number, frameMs: number, guarded = false): VadEvent | null {
    const o = this.opts;
    const threshold = guarded && !this.speaking ? o.threshold * o.guardFactor : o.threshold;
    if (level >= threshold) {
      this.silentMs = 0;
      if (this.speaking) return null;
      this.voicedMs += frameMs;
      if (this.voicedMs >= (guarded ? o.guardAttackMs : o.attackMs)) {
        this.speaking = true;
        this.voicedMs = 0;
        return "start";
      }
      return null;
    }
    this.voicedMs = 0;
    if (!this.speaking) return null;
    this.silentMs += frameMs;
    if (this.silentMs >= this.opts.holdMs) {
      this.speaking = false;
      this.silentMs = 0;
      return "stop";
    }
    return null;
  }

  reset(): void {
    this.speaking = false;
    this.voicedMs = 0;
    this.silentMs = 0;
  }
}

/** VAD over raw sample frames at a given rate. */
export class Vad {
  readonly decider: VadDecider;
  /** RMS of the newest frame (for a level meter). */
  level = 0;

  constructor(
    readonly sampleRate: number,
    opts: VadOptions = DEFAULT_VAD,
  ) {
    this.decider = new VadDecider(opts);
  }

  get speaking(): boolean {
    return this.decider.speaking;
  }

  process(frame: Float32Array, guarded = false): VadEvent | null {
    this.level = rms(frame);
    return this.decider.update(this.level, (frame.length / this.sampleRate) * 1000, guarded);
  }
}
