import { beforeEach, describe, expect, it } from "vitest";
import { encodeAudio } from "./pcm";
import { FakeSink, samples } from "./testFakes";
import { MAX_ATTEMPTS, type SocketLike, toolText, VoiceClient, type VoiceDeps } from "./VoiceClient";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number, reason?: string): void {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  emit(ev: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(ev) });
  }
  drop(code: number, reason = ""): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
  types(): string[] {
    return this.sent.map((e) => String(e.type));
  }
}

interface Harness {
  client: VoiceClient;
  sink: FakeSink;
  sockets: FakeSocket[];
  timers: { fn: () => void; ms: number }[];
  tokens: number;
  mic: ((frame: Float32Array, rate: number) => void) | null;
}

function harness(): Harness {
  const h = { sockets: [], timers: [], tokens: 0, mic: null, sink: new FakeSink() } as unknown as Harness;
  const deps: VoiceDeps = {
    fetchToken: async () => {
      h.tokens++;
      return { token: `jwt${h.tokens}`, ws_path: "/ws/realtime" };
    },
    openSocket: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      h.sockets.push(s);
      return s;
    },
    createSink: () => Object.assign(h.sink, { close() {} }),
    openMic: async (onFrame) => {
      h.mic = onFrame;
      return { close: () => (h.mic = null) };
    },
    wsOrigin: () => "ws://localhost:8000",
    random: () => 0.5,
    setTimeout: (fn, ms) => h.timers.push({ fn, ms }),
    clearTimeout: () => {},
  };
  h.client = new VoiceClient(deps);
  return h;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function last(h: Harness): FakeSocket {
  const s = h.sockets.at(-1);
  if (!s) throw new Error("no socket");
  return s;
}

async function connected(): Promise<Harness> {
  const h = harness();
  h.client.setContext("SPY", 1);
  h.client.start();
  await tick();
  last(h).open();
  return h;
}

const delta = (item: string, ms: number, response = "r1") => ({
  type: "response.output_audio.delta",
  response_id: response,
  item_id: item,
  delta: encodeAudio(samples(ms)),
});

/** The coach answers with `ms` of audio in one item. */
function coachSpeaks(s: FakeSocket, ms = 1000): void {
  s.emit({ type: "input_audio_buffer.speech_started", item_id: "u1" });
  s.emit({ type: "input_audio_buffer.speech_stopped", item_id: "u1" });
  s.emit({ type: "response.created", response: { id: "r1" } });
  for (let i = 0; i < ms / 100; i++) s.emit(delta("a1", 100));
}

describe("VoiceClient", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await connected();
  });

  it("connects with a fresh token in the subprotocols and sends the context", () => {
    const s = last(h);
    expect(s.url).toBe("ws://localhost:8000/ws/realtime");
    expect(s.protocols).toEqual(["spotlight.v1", "spotlight.token.jwt1"]);
    expect(s.sent).toEqual([{ type: "spotlight.context", symbol: "SPY", timeframe: 1 }]);
    expect(h.client.snapshot().state).toBe("idle");
    expect(h.client.snapshot().connected).toBe(true);
    h.client.setContext("QQQ", 5);
    expect(s.sent.at(-1)).toEqual({ type: "spotlight.context", symbol: "QQQ", timeframe: 5 });
  });

  it("goes listening → thinking → speaking → idle", () => {
    const s = last(h);
    const states: string[] = [];
    h.client.subscribe(() => {
      const st = h.client.snapshot().state;
      if (states.at(-1) !== st) states.push(st);
    });
    coachSpeaks(s, 300);
    s.emit({
      type: "response.output_audio_transcript.delta",
      response_id: "r1",
      item_id: "a1",
      delta: "Watch ",
    });
    s.emit({
      type: "response.output_audio_transcript.delta",
      response_id: "r1",
      item_id: "a1",
      delta: "VWAP.",
    });
    s.emit({ type: "response.done", response: { id: "r1", status: "completed" } });
    expect(h.client.snapshot().state).toBe("speaking");
    h.sink.advance(1);
    expect(states).toEqual(["listening", "thinking", "speaking", "idle"]);
    expect(h.client.snapshot().transcript).toEqual({ who: "coach", text: "Watch VWAP." });
    expect(h.client.probe().played_ms).toBe(300);
  });

  it("barge-in (server speech_started) stops playback, cancels and truncates to what was played", () => {
    const s = last(h);
    coachSpeaks(s, 1000);
    h.sink.advance(0.02 + 0.35);
    s.emit({ type: "input_audio_buffer.speech_started", item_id: "u2" });
    expect(h.sink.scheduled.every((x) => x.ended)).toBe(true);
    expect(s.sent.slice(-2)).toEqual([
      { type: "response.cancel" },
      { type: "conversation.item.truncate", item_id: "a1", content_index: 0, audio_end_ms: 350 },
    ]);
    expect(h.client.snapshot().state).toBe("listening");
    expect(h.client.probe().lastTruncate).toMatchObject({
      item_id: "a1",
      audio_end_ms: 350,
      received_ms: 1000,
    });
    // Late deltas of the interrupted response are dropped, a new response plays.
    const before = h.sink.scheduled.length;
    s.emit(delta("a1", 100));
    expect(h.sink.scheduled.length).toBe(before);
    expect(h.client.snapshot().droppedDeltas).toBe(1);
    s.emit({ type: "response.created", response: { id: "r2" } });
    s.emit(delta("a2", 100, "r2"));
    expect(h.sink.scheduled.length).toBe(before + 1);
  });

  it("clamps audio_end_ms to the audio received", () => {
    const s = last(h);
    coachSpeaks(s, 200);
    h.sink.advance(5); // everything played, response still active
    h.client.stop();
    expect(s.sent.at(-1)).toMatchObject({ type: "conversation.item.truncate", audio_end_ms: 200 });
    expect(h.client.snapshot().state).toBe("idle");
  });

  it("Esc before any audio was heard cancels without a truncate", () => {
    const s = last(h);
    coachSpeaks(s, 500); // still inside the 20 ms lead
    h.client.stop();
    expect(s.types().slice(-1)).toEqual(["response.cancel"]);
    expect(h.client.snapshot().lastTruncate).toBeNull();
    expect(h.client.snapshot().state).toBe("idle");
  });

  it("never truncates an earlier answer's item when a new response has no audio yet", () => {
    const s = last(h);
    coachSpeaks(s, 200);
    s.emit({ type: "response.done", response: { id: "r1" } });
    h.sink.advance(1);
    s.emit({ type: "response.created", response: { id: "r2" } });
    h.client.stop();
    expect(s.types().slice(-1)).toEqual(["response.cancel"]);
    expect(h.client.snapshot().truncates).toBe(0);
  });

  it("does nothing on Esc when the coach is quiet", () => {
    const s = last(h);
    h.client.stop();
    expect(s.types()).toEqual(["spotlight.context"]);
  });

  it("local VAD barges in and streams 24 kHz PCM16 from a 48 kHz mic", async () => {
    const s = last(h);
    await h.client.setMic(true);
    expect(h.client.snapshot().mic).toBe(true);
    coachSpeaks(s, 1000);
    h.sink.advance(0.12);
    const tone = new Float32Array(960).map((_, i) => 0.3 * Math.sin(i / 5));
    for (let i = 0; i < 4; i++) h.mic?.(tone, 48_000);
    expect(s.types()).not.toContain("response.cancel"); // 80 ms: under the echo-guard attack
    h.mic?.(tone, 48_000);
    const appends = s.sent.filter((e) => e.type === "input_audio_buffer.append");
    expect(appends.length).toBe(5);
    expect(atob(String(appends[0]?.audio)).length).toBeGreaterThanOrEqual(958); // ~480 samples × 2 bytes
    expect(s.types()).toContain("response.cancel");
    expect(h.client.snapshot().lastTruncate?.audio_end_ms).toBe(100);
    expect(h.client.snapshot().state).toBe("listening");
    await h.client.setMic(false);
    expect(h.mic).toBeNull();
  });

  it("falls back to idle when the server never takes local speech as a turn", async () => {
    await h.client.setMic(true);
    const tone = new Float32Array(480).fill(0.3);
    h.mic?.(tone, 24_000);
    h.mic?.(tone, 24_000);
    expect(h.client.snapshot().state).toBe("listening");
    for (let i = 0; i < 15; i++) h.mic?.(new Float32Array(480), 24_000);
    expect(h.client.snapshot().userSpeaking).toBe(false);
    h.timers.at(-1)?.fn();
    expect(h.client.snapshot().state).toBe("idle");
  });

  it("ignores benign errors and shows others", () => {
    const s = last(h);
    s.emit({ type: "error", error: { code: "response_cancel_not_active", message: "x" } });
    expect(h.client.snapshot().error).toBeNull();
    s.emit({ type: "error", error: { code: "server_error", message: "boom" } });
    expect(h.client.snapshot().error).toBe("boom");
  });

  it("reports tool activity", () => {
    last(h).emit({ type: "spotlight.tool", name: "get_market_snapshot", call_id: "c1", status: "done" });
    expect(h.client.snapshot().tool?.text).toBe("checked SPY snapshot");
    expect(toolText("get_recent_alerts", "started", "SPY")).toBe("checking recent alerts…");
    last(h).emit({
      type: "response.function_call_arguments.done",
      call_id: "c2",
      name: "get_market_snapshot",
      arguments: '{"symbol":"qqq"}',
    });
    last(h).emit({ type: "spotlight.tool", name: "get_market_snapshot", call_id: "c2", status: "started" });
    expect(h.client.snapshot().tool?.text).toBe("checking QQQ snapshot…");
    expect(h.client.snapshot().state).toBe("thinking");
  });

  it("reconnects with backoff and a new token after a network drop", async () => {
    last(h).drop(1006);
    expect(h.client.snapshot().state).toBe("connecting");
    expect(h.timers.map((t) => t.ms)).toEqual([375]); // 500 ms base, equal jitter at random 0.5
    h.timers[0]?.fn();
    await tick();
    expect(h.sockets.length).toBe(2);
    expect(last(h).protocols[1]).toBe("spotlight.token.jwt2");
    last(h).drop(1006);
    expect(h.timers[1]?.ms).toBe(750); // not reset: the socket never opened
    h.timers[1]?.fn();
    await tick();
    last(h).open();
    expect(h.client.snapshot()).toMatchObject({ state: "idle", attempt: 0 });
  });

  it("gives up after MAX_ATTEMPTS failed attempts in a row", async () => {
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      last(h).drop(1006);
      h.timers.at(-1)?.fn();
      await tick();
    }
    last(h).drop(1006);
    expect(h.client.snapshot().state).toBe("off");
    expect(h.client.snapshot().error).toContain("gave up");
  });

  it("does not reconnect after a policy close or an ended session", () => {
    last(h).drop(1008, "too many connections");
    expect(h.timers).toEqual([]);
    expect(h.client.snapshot().state).toBe("off");
    expect(h.client.snapshot().error).toContain("too many connections");
  });

  it("power off closes everything", () => {
    const s = last(h);
    coachSpeaks(s, 300);
    h.client.shutdown();
    expect(s.closed?.code).toBe(1000);
    expect(h.client.snapshot()).toMatchObject({ state: "off", connected: false });
  });
});
