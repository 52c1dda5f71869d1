import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Signal } from "../../shared/api/types";
import { type EventSourceLike, StreamClient } from "../stream";
import type { Announcer, AudibleTone } from "./announce";
import { AlertsStore } from "./store";

class FakeES implements EventSourceLike {
  static last: FakeES | null = null;
  readyState = 1;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null = null;
  private readonly handlers = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeES.last = this;
  }
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
  emit(type: string, data: unknown, id = ""): void {
    for (const h of this.handlers.get(type) ?? [])
      h({ data: JSON.stringify(data), lastEventId: id } as MessageEvent);
  }
}

function sig(id: number, seq: number): Signal {
  return {
    id,
    rule_id: 1,
    rule_name: "VWAP reclaim",
    version: 2,
    symbol: "NVDA",
    seq,
    ts_ms: (seq + 1) * 60_000,
    direction: "long",
    inputs: {},
    explanation: `fired at ${seq}`,
    user_id: "local",
    key: `local/1/2/NVDA/${seq}`,
  };
}

let served: Signal[] = [];

/** Records what the store announced. */
class RecordingAnnouncer implements Announcer {
  chimes: Signal["direction"][] = [];
  tones: AudibleTone[] = [];
  spoken: string[] = [];
  notified: { title: string; body: string; tag: string }[] = [];
  hushed = 0;
  chime(direction: Signal["direction"], tone: AudibleTone): void {
    this.chimes.push(direction);
    this.tones.push(tone);
  }
  notify(title: string, body: string, tag: string): void {
    this.notified.push({ title, body, tag });
  }
  speak(text: string): void {
    this.spoken.push(text);
  }
  hush(): void {
    this.hushed += 1;
  }
}

beforeEach(() => {
  served = [sig(1, 10)];
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ signals: served }), { status: 200 })),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("AlertsStore", () => {
  it("merges the REST page with stream alerts, dedupes, refetches on ready, announces only new live ones", async () => {
    const stream = new StreamClient({ symbols: ["NVDA"], createEventSource: (u) => new FakeES(u) });
    const said = new RecordingAnnouncer();
    const alerts = new AlertsStore(stream, said);
    expect(alerts.getState().notify).toEqual({ sound: true, speech: false, desktop: false });
    stream.start();
    await alerts.start();
    const es = FakeES.last as FakeES;
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([1]);
    expect(said.chimes).toEqual([]); // the first page is history, not news

    es.emit("alert", sig(2, 11), "c1");
    es.emit("alert", sig(2, 11), "c1");
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([2, 1]);
    expect(said.chimes).toEqual(["long"]); // once, though delivered twice
    expect(said.spoken).toEqual([]);

    // A signal fired while the stream was not yet subscribed comes with the page after `ready`.
    served = [sig(3, 12), sig(2, 11), sig(1, 10)];
    es.emit("ready", { symbols: ["NVDA"], cursor: "c1" }, "c1");
    await alerts.load();
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([3, 2, 1]);
    expect(said.chimes).toEqual(["long"]);

    alerts.setNotify({ sound: false, speech: true, desktop: false });
    es.emit("alert", sig(4, 13), "c2");
    es.emit("alert", sig(4, 13), "c2");
    expect(said.spoken).toEqual(["VWAP reclaim. fired at 13"]);
    expect(said.chimes).toEqual(["long"]);
    // A burst is called out once, by its newest alert.
    alerts.add([sig(5, 14), sig(6, 15)], true);
    expect(said.spoken).toEqual(["VWAP reclaim. fired at 13", "VWAP reclaim. fired at 15"]);
    alerts.setNotify({ sound: false, speech: false, desktop: false });
    expect(said.hushed).toBe(1);
    alerts.add([sig(7, 16)], true);
    expect(said.spoken).toHaveLength(2);
    stream.stop();
  });

  it("never announces a muted rule's or symbol's alerts, until the mute ends", () => {
    const stream = new StreamClient({ symbols: ["NVDA"], createEventSource: (u) => new FakeES(u) });
    const said = new RecordingAnnouncer();
    const alerts = new AlertsStore(stream, said);
    const now = Date.now();
    alerts.setMutes([{ kind: "rule", key: "1", until_ms: now + 60_000 }]);
    alerts.add([sig(20, 30)], true);
    alerts.setMutes([{ kind: "symbol", key: "NVDA", until_ms: now + 60_000 }]);
    alerts.add([sig(21, 31)], true);
    expect(said.chimes).toEqual([]);
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([21, 20]); // kept, only quiet
    alerts.setMutes([{ kind: "symbol", key: "NVDA", until_ms: now - 1 }]);
    alerts.add([sig(22, 32)], true);
    expect(said.chimes).toEqual(["long"]);
  });

  it("plays each rule's own sound, none when it says off, and notifies the desktop when asked", () => {
    const stream = new StreamClient({ symbols: ["NVDA"], createEventSource: (u) => new FakeES(u) });
    const said = new RecordingAnnouncer();
    const alerts = new AlertsStore(stream, said);
    alerts.add([sig(30, 40)], true);
    alerts.setRuleSounds({ "1": "bell" });
    alerts.add([sig(31, 41)], true);
    alerts.setRuleSounds({ "1": "off", "2": "blip" });
    alerts.add([sig(32, 42)], true);
    expect(said.tones).toEqual(["chime", "bell"]);
    expect(said.notified).toEqual([]);
    alerts.setNotify({ sound: true, speech: false, desktop: true });
    alerts.add([sig(33, 43)], true);
    expect(said.notified).toEqual([
      { title: "NVDA · VWAP reclaim", body: "fired at 43", tag: "local/1/2/NVDA/43" },
    ]);
    alerts.setMutes([{ kind: "rule", key: "1", until_ms: Date.now() + 60_000 }]);
    alerts.add([sig(34, 44)], true);
    expect(said.notified).toHaveLength(1); // muted: not on the desktop either
  });
});
