// Playback queue: each audio delta becomes one scheduled buffer, started back-to-back on the
// audio clock. It knows, per item, how much audio was received and how much has actually been
// played, which is what a barge-in truncate needs. The audio output is behind `AudioSink` so
// tests drive a fake clock.

export interface ScheduledAudio {
  stop(): void;
}

export interface AudioSink {
  /** The audio clock, in seconds (AudioContext.currentTime). */
  now(): number;
  /** Play `samples` at `when` (audio clock seconds); `onEnded` fires when it finished or was stopped. */
  schedule(samples: Float32Array, sampleRate: number, when: number, onEnded: () => void): ScheduledAudio;
}

interface Segment {
  itemId: string;
  start: number;
  end: number;
  handle: ScheduledAudio | null;
}

export interface StopResult {
  /** The item that was audible (or the newest one started), null when nothing had started. */
  itemId: string | null;
  playedMs: number;
  receivedMs: number;
  /** Every item that had audio queued (all of them are now interrupted). */
  items: string[];
}

/** Seconds of silence put in front of the first buffer after an underrun (absorbs jitter). */
const LEAD_S = 0.02;
const EPS = 1e-6;

export class PlaybackQueue {
  private segments: Segment[] = [];
  private nextTime = 0;
  private readonly received = new Map<string, number>();
  private readonly finished = new Map<string, number>();
  private drainedListener: (() => void) | null = null;

  constructor(
    private readonly sink: AudioSink,
    readonly sampleRate = 24_000,
  ) {}

  onDrained(fn: () => void): void {
    this.drainedListener = fn;
  }

  enqueue(itemId: string, samples: Float32Array): void {
    if (samples.length === 0) return;
    const dur = samples.length / this.sampleRate;
    this.received.set(itemId, (this.received.get(itemId) ?? 0) + dur * 1000);
    const now = this.sink.now();
    const start = this.nextTime > now + EPS ? this.nextTime : now + LEAD_S;
    const seg: Segment = { itemId, start, end: start + dur, handle: null };
    this.nextTime = seg.end;
    this.segments.push(seg);
    seg.handle = this.sink.schedule(samples, this.sampleRate, start, () => this.ended(seg));
  }

  private ended(seg: Segment): void {
    const i = this.segments.indexOf(seg);
    if (i < 0) return; // already stopped
    this.segments.splice(i, 1);
    this.finished.set(seg.itemId, (this.finished.get(seg.itemId) ?? 0) + (seg.end - seg.start) * 1000);
    if (this.segments.length === 0) this.drainedListener?.();
  }

  /** Whether anything is queued or audible. */
  get playing(): boolean {
    return this.segments.length > 0;
  }

  receivedMs(itemId: string): number {
    return this.received.get(itemId) ?? 0;
  }

  /** Audio of `itemId` actually played so far, in ms (never more than was received). */
  playedMs(itemId: string, now = this.sink.now()): number {
    let ms = this.finished.get(itemId) ?? 0;
    for (const s of this.segments) {
      if (s.itemId !== itemId) continue;
      ms += Math.max(0, Math.min(now, s.end) - s.start) * 1000;
    }
    return Math.min(ms, this.receivedMs(itemId));
  }

  /** The item heard at `now`, else the newest item whose audio started, else null. */
  currentItem(now = this.sink.now()): string | null {
    let started: string | null = null;
    for (const s of this.segments) {
      if (s.start <= now + EPS && now < s.end) return s.itemId;
      if (s.start <= now + EPS) started = s.itemId;
    }
    if (started) return started;
    // Nothing queued has started: the last item that finished playing, if any.
    const done = [...this.finished.keys()];
    return done.length ? (done[done.length - 1] as string) : null;
  }

  /** Stop everything at once. Reports what was heard of the current item. */
  stop(): StopResult {
    const now = this.sink.now();
    const itemId = this.currentItem(now);
    const playedMs = itemId ? this.playedMs(itemId, now) : 0;
    const receivedMs = itemId ? this.receivedMs(itemId) : 0;
    const items = [...new Set(this.segments.map((s) => s.itemId))];
    const segs = this.segments;
    this.segments = [];
    // What was heard of the stopped buffers stays counted (playedMs stays right afterwards).
    for (const s of segs) {
      const heard = Math.max(0, Math.min(now, s.end) - s.start) * 1000;
      if (heard > 0) this.finished.set(s.itemId, (this.finished.get(s.itemId) ?? 0) + heard);
    }
    this.nextTime = 0;
    for (const s of segs) {
      try {
        s.handle?.stop();
      } catch {
        // already ended
      }
    }
    // Played items are reported; forget old per-item counters.
    if (this.received.size > 32) {
      this.received.clear();
      this.finished.clear();
    }
    return { itemId, playedMs, receivedMs, items };
  }
}
