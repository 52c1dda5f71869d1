// Fakes shared by the voice unit tests (not bundled: only tests import this file).
import type { AudioSink, ScheduledAudio } from "./playback";

export class FakeSink implements AudioSink {
  time = 0;
  scheduled: { when: number; dur: number; stopped: boolean; ended: boolean; onEnded: () => void }[] = [];

  now(): number {
    return this.time;
  }

  schedule(samples: Float32Array, rate: number, when: number, onEnded: () => void): ScheduledAudio {
    const entry = { when, dur: samples.length / rate, stopped: false, ended: false, onEnded };
    this.scheduled.push(entry);
    return {
      stop: () => {
        if (entry.ended) return;
        entry.stopped = true;
        entry.ended = true;
        entry.onEnded();
      },
    };
  }

  /** Move the audio clock; buffers whose end passed fire onEnded, in order. */
  advance(seconds: number): void {
    this.time += seconds;
    for (const e of this.scheduled) {
      if (!e.ended && e.when + e.dur <= this.time + 1e-9) {
        e.ended = true;
        e.onEnded();
      }
    }
  }
}

/** `ms` of 24 kHz samples. */
export function samples(ms: number): Float32Array {
  return new Float32Array(Math.round(ms * 24));
}
