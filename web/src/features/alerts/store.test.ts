import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Signal } from "../../shared/api/types";
import { type EventSourceLike, StreamClient } from "../stream";
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
const spoken: string[] = [];

beforeEach(() => {
  served = [sig(1, 10)];
  spoken.length = 0;
  const storage = new Map<string, string>();
  vi.stubGlobal("localStorage", {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  });
  vi.stubGlobal("window", {
    speechSynthesis: { speak: (u: { text: string }) => spoken.push(u.text), cancel() {} },
  });
  vi.stubGlobal("speechSynthesis", { cancel() {} });
  vi.stubGlobal(
    "SpeechSynthesisUtterance",
    class {
      rate = 1;
      constructor(readonly text: string) {}
    },
  );
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ signals: served }), { status: 200 })),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("AlertsStore", () => {
  it("merges the REST page with stream alerts, dedupes, refetches on ready, speaks only when on", async () => {
    const stream = new StreamClient({ symbols: ["NVDA"], createEventSource: (u) => new FakeES(u) });
    const alerts = new AlertsStore(stream);
    expect(alerts.getState().speak).toBe(false);
    stream.start();
    await alerts.start();
    const es = FakeES.last as FakeES;
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([1]);

    es.emit("alert", sig(2, 11), "c1");
    es.emit("alert", sig(2, 11), "c1");
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([2, 1]);
    expect(spoken).toEqual([]);

    // A signal fired while the stream was not yet subscribed comes with the page after `ready`.
    served = [sig(3, 12), sig(2, 11), sig(1, 10)];
    es.emit("ready", { symbols: ["NVDA"], cursor: "c1" }, "c1");
    await alerts.load();
    expect(alerts.getState().signals.map((s) => s.id)).toEqual([3, 2, 1]);
    expect(spoken).toEqual([]);

    alerts.setSpeak(true);
    expect(localStorage.getItem("spotlight.speakAlerts")).toBe("1");
    es.emit("alert", sig(4, 13), "c2");
    es.emit("alert", sig(4, 13), "c2");
    expect(spoken).toEqual(["VWAP reclaim. fired at 13"]);
    // A burst is called out once, by its newest alert.
    alerts.add([sig(5, 14), sig(6, 15)], true);
    expect(spoken).toEqual(["VWAP reclaim. fired at 13", "VWAP reclaim. fired at 15"]);
    expect(new AlertsStore(stream).getState().speak).toBe(true);
    stream.stop();
  });
});
