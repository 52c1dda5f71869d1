import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bar } from "../../shared/api/types";
import { backoffDelay } from "./backoff";
import { type EventSourceLike, StreamClient, type StreamSnapshot } from "./client";

class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = [];
  readyState = 0;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null = null;
  closed = false;
  private readonly handlers = new Map<string, ((ev: MessageEvent<string>) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }

  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  emit(type: string, data: unknown, id = ""): void {
    this.readyState = 1;
    const ev = { data: typeof data === "string" ? data : JSON.stringify(data), lastEventId: id };
    for (const h of this.handlers.get(type) ?? []) h(ev as MessageEvent<string>);
  }

  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.call(this, new Event("error"));
  }

  get query(): URLSearchParams {
    return new URL(this.url, "http://x").searchParams;
  }
}

function bar(symbol: string, seq: number, close = 100): Bar {
  return {
    symbol,
    seq,
    bar_start_ms: seq * 60_000,
    bar_end_ms: (seq + 1) * 60_000,
    open: close,
    high: close,
    low: close,
    close,
    volume: 10,
    trades: 1,
  };
}

function last(): FakeEventSource {
  const es = FakeEventSource.all.at(-1);
  if (!es) throw new Error("no EventSource opened");
  return es;
}

function makeClient(extra: Partial<ConstructorParameters<typeof StreamClient>[0]> = {}) {
  const client = new StreamClient({
    symbols: ["spy", "AAPL", "SPY"],
    createEventSource: (url) => new FakeEventSource(url),
    random: () => 0.5,
    backoff: { initialMs: 1000, maxMs: 8000, factor: 2 },
    ...extra,
  });
  const bars: Bar[] = [];
  const states: StreamSnapshot["state"][] = [];
  client.subscribe({
    bar: (b) => bars.push(b),
    state: (s) => {
      if (states.at(-1) !== s.state) states.push(s.state);
    },
  });
  return { client, bars, states };
}

beforeEach(() => {
  FakeEventSource.all = [];
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_000);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("backoffDelay", () => {
  it("grows exponentially, is capped, and jitters within [base/2, base)", () => {
    const opts = { initialMs: 100, maxMs: 1000, factor: 2 };
    expect(backoffDelay(0, () => 0, opts)).toBe(50);
    expect(backoffDelay(0, () => 0.999999, opts)).toBe(100);
    expect(backoffDelay(3, () => 0, opts)).toBe(400);
    expect(backoffDelay(10, () => 0, opts)).toBe(500);
    expect(backoffDelay(10, () => 0.999999, opts)).toBe(1000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(2, Math.random, opts);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });
});

describe("StreamClient", () => {
  it("connects with normalised symbols and goes live on ready", () => {
    const { client, states } = makeClient();
    client.start();
    expect(last().query.get("symbols")).toBe("SPY,AAPL");
    expect(last().query.has("lastEventId")).toBe(false);
    expect(client.snapshot().state).toBe("reconnecting");
    last().emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c0" }, "c0");
    expect(client.snapshot().state).toBe("live");
    expect(client.snapshot().cursor).toBe("c0");
    expect(states).toEqual(["reconnecting", "live"]);
  });

  it("tracks the cursor from bar ids and resumes a manual reconnect with lastEventId", () => {
    const { client, bars, states } = makeClient();
    client.start();
    const first = last();
    first.emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0");
    first.emit("bar", bar("SPY", 10), "c1");
    first.emit("microbar", { symbol: "SPY", minute: { seq: 11 } });
    first.emit("bar", bar("AAPL", 10), "c2");
    expect(client.snapshot().cursor).toBe("c2");

    first.fail(2); // the browser gave up (e.g. server down)
    expect(client.snapshot().state).toBe("reconnecting");
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(750); // attempt 0: base 1000, jitter 0.5 → 750 ms
    expect(FakeEventSource.all).toHaveLength(2);
    const second = last();
    expect(first.closed).toBe(true);
    expect(second.query.get("lastEventId")).toBe("c2");
    expect(second.query.has("sinceSeq")).toBe(false);

    // The server replays what was missed, possibly overlapping: duplicates are dropped.
    second.emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c2" }, "c2");
    second.emit("bar", bar("SPY", 10), "c1");
    second.emit("bar", bar("SPY", 11), "c3");
    second.emit("bar", bar("AAPL", 11), "c4");
    expect(bars.map((b) => `${b.symbol}:${b.seq}`)).toEqual(["SPY:10", "AAPL:10", "SPY:11", "AAPL:11"]);
    expect(client.snapshot().duplicatesDropped).toBe(1);
    expect(client.snapshot().cursor).toBe("c4");
    expect(states).toEqual(["reconnecting", "live", "reconnecting", "live"]);
    expect(client.snapshot().attempt).toBe(0);
  });

  it("uses sinceSeq when there is no cursor yet", () => {
    const { client } = makeClient({ sinceSeq: () => 12345 });
    client.start();
    expect(last().query.get("sinceSeq")).toBe("12345");
    last().emit("ready", { symbols: ["SPY"], cursor: "abc" }, "abc");
    client.reconnectNow();
    expect(last().query.get("lastEventId")).toBe("abc");
    expect(last().query.has("sinceSeq")).toBe(false);
  });

  it("lets the browser's own retry resume first, then takes over after the backoff delay", () => {
    const { client } = makeClient();
    client.start();
    const es = last();
    es.emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0");
    es.fail(0); // CONNECTING: EventSource retries by itself, sending Last-Event-ID
    expect(client.snapshot().state).toBe("reconnecting");
    es.emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0"); // native retry worked
    expect(client.snapshot().state).toBe("live");
    vi.advanceTimersByTime(5_000); // past the backoff delay: the manual retry was cancelled
    expect(FakeEventSource.all).toHaveLength(1);
    expect(es.closed).toBe(false);

    es.fail(0); // this time the browser's retry does not come back in time
    vi.advanceTimersByTime(749);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(es.closed).toBe(true);
    expect(last().query.get("lastEventId")).toBe("c0");
  });

  it("backs off exponentially with jitter and reports offline after repeated failures", () => {
    const { client, states } = makeClient({ offlineAfterAttempts: 3 });
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      last().fail(2);
      const next = client.snapshot().nextRetryAt;
      if (next === null) throw new Error("no retry scheduled");
      delays.push(next - Date.now());
      vi.advanceTimersByTime(next - Date.now());
    }
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000]);
    expect(client.snapshot().state).toBe("offline");
    expect(states).toEqual(["reconnecting", "offline"]);
    last().emit("ready", { symbols: ["SPY"], cursor: "z" }, "z");
    expect(client.snapshot().state).toBe("live");
    expect(client.snapshot().attempt).toBe(0);
  });

  it("treats a silent connection as dead and resumes it", () => {
    const { client } = makeClient({ idleTimeoutMs: 20_000 });
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "c9" }, "c9");
    vi.advanceTimersByTime(15_000);
    last().emit("status", { feed: "simulated", clock_ms: 1, server_ms: Date.now() - 40 });
    expect(client.snapshot().lagMs).toBe(40);
    vi.advanceTimersByTime(19_999);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.all[0]?.closed).toBe(true);
    expect(client.snapshot().state).toBe("reconnecting");
    vi.advanceTimersByTime(750);
    expect(FakeEventSource.all).toHaveLength(2);
    expect(last().query.get("lastEventId")).toBe("c9");
  });

  it("estimates lag from microbars of a real-time feed, at most once a second", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "m" }, "m");
    const mb = (bucketStart: number) => ({ symbol: "SPY", bucket_start_ms: bucketStart, minute: { seq: 1 } });
    last().emit("microbar", mb(Date.now() - 400));
    expect(client.snapshot().lagMs).toBe(150);
    last().emit("microbar", mb(Date.now() - 300));
    expect(client.snapshot().lagMs).toBe(150); // sampled less than a second ago
    vi.advanceTimersByTime(1000);
    last().emit("microbar", mb(Date.now() - 3_600_000)); // a replay clock: not a lag
    expect(client.snapshot().lagMs).toBe(150);
    last().emit("microbar", mb(Date.now() - 260));
    expect(client.snapshot().lagMs).toBe(10);
  });

  it("records when market data last arrived and the feed time it reaches", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "d" }, "d");
    expect(client.snapshot().lastDataAt).toBeNull();
    last().emit("status", { feed: "simulated", clock_ms: 1_000_000, server_ms: Date.now() });
    expect(client.snapshot().lastDataAt).toBeNull(); // a status is not market data
    last().emit("bar", bar("SPY", 5), "b5");
    expect(client.snapshot().dataClockMs).toBe(6 * 60_000);
    const at = Date.now();
    vi.advanceTimersByTime(700);
    last().emit("microbar", { symbol: "SPY", bucket_start_ms: 6 * 60_000 + 500, minute: { seq: 6 } });
    expect(client.snapshot()).toMatchObject({ lastDataAt: at + 700, dataClockMs: 6 * 60_000 + 750 });
    last().emit("bar", bar("SPY", 4), "b4"); // an older (duplicate) bar moves nothing back
    expect(client.snapshot().dataClockMs).toBe(6 * 60_000 + 750);
  });

  it("measures the feed clock's rate between status events", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "r" }, "r");
    last().emit("status", { feed: "simulated", clock_ms: 1_000_000, server_ms: 5_000 });
    expect(client.snapshot().feedRate).toBeNull();
    last().emit("status", { feed: "simulated", clock_ms: 1_150_000, server_ms: 10_000 });
    expect(client.snapshot().feedRate).toBe(30);
    last().emit("status", { feed: "simulated", clock_ms: 1_150_000, server_ms: 15_000 });
    expect(client.snapshot().feedRate).toBe(0); // paused
  });

  it("reconnects at once with the cursor when the symbols change", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "k1" }, "k1");
    client.setSymbols(["SPY", "AAPL"]); // same set, same order → no reconnect
    expect(FakeEventSource.all).toHaveLength(1);
    client.setSymbols(["SPY", "AAPL", "NVDA"]);
    expect(FakeEventSource.all).toHaveLength(2);
    expect(FakeEventSource.all[0]?.closed).toBe(true);
    expect(last().query.get("symbols")).toBe("SPY,AAPL,NVDA");
    expect(last().query.get("lastEventId")).toBe("k1");
  });

  it("ignores events from a replaced EventSource and counts malformed payloads", () => {
    const { client, bars } = makeClient();
    client.start();
    const old = last();
    old.emit("ready", { symbols: ["SPY"], cursor: "a" }, "a");
    client.reconnectNow();
    old.emit("bar", bar("SPY", 5), "b");
    expect(bars).toHaveLength(0);
    last().emit("bar", "{not json", "x");
    last().emit("microbar", { symbol: "SPY" });
    expect(client.snapshot().malformedDropped).toBe(2);
    expect(client.snapshot().cursor).toBe("a");
  });

  it("goes offline with the network and resumes when it returns", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "n1" }, "n1");
    client.setNetworkOnline(false);
    expect(client.snapshot().state).toBe("offline");
    expect(last().closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.all).toHaveLength(1);
    client.setNetworkOnline(true);
    expect(FakeEventSource.all).toHaveLength(2);
    expect(last().query.get("lastEventId")).toBe("n1");
  });

  it("stop closes the connection and cancels retries", () => {
    const { client } = makeClient();
    client.start();
    last().fail(2);
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.all).toHaveLength(1);
    expect(client.snapshot().state).toBe("offline");
  });
});

describe("StreamClient alerts", () => {
  it("delivers alert events and resumes from their id", () => {
    const alerts: number[] = [];
    const client = new StreamClient({
      symbols: ["NVDA"],
      createEventSource: (url) => new FakeEventSource(url),
      random: () => 0.5,
    });
    client.subscribe({ alert: (s) => alerts.push(s.id) });
    client.start();
    const es = last();
    es.emit("ready", { symbols: ["NVDA"], cursor: "c0" }, "c0");
    es.emit(
      "alert",
      {
        id: 41,
        rule_id: 2,
        rule_name: "R",
        version: 1,
        symbol: "NVDA",
        seq: 10,
        ts_ms: 660_000,
        direction: "long",
        inputs: {},
        explanation: "x",
      },
      "c1",
    );
    es.emit("alert", { id: 5 }, "c2");
    expect(alerts).toEqual([41]);
    expect(client.snapshot().cursor).toBe("c1");
    expect(client.snapshot().malformedDropped).toBe(1);
    client.reconnectNow();
    expect(last().query.get("lastEventId")).toBe("c1");
    client.stop();
  });
});

describe("StreamClient market phase", () => {
  const status = (phase: string, extra: object = {}) => ({
    feed: "simulated",
    clock_ms: 1,
    server_ms: Date.now(),
    phase,
    detail: "",
    done: null,
    total: null,
    ...extra,
  });

  it("shows warming with progress until ready, never live before it", () => {
    const { client, states } = makeClient();
    client.start();
    const es = last();
    es.emit("status", status("warming", { detail: "loading history", done: 412, total: 1440 }));
    expect(client.snapshot().state).toBe("warming");
    expect(client.snapshot().progress).toEqual({ done: 412, total: 1440 });
    // the phase turns live on the server, but this stream has not said ready yet
    es.emit("status", status("live"));
    expect(client.snapshot().state).toBe("warming");
    es.emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c0" }, "c0");
    expect(client.snapshot().state).toBe("live");
    expect(states).toEqual(["reconnecting", "warming", "live"]);
    client.stop();
  });

  it("says the feed is down while the server's feed reconnects, and live again after", () => {
    const { client } = makeClient();
    client.start();
    const es = last();
    es.emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0");
    expect(client.snapshot().state).toBe("live");
    es.emit("status", status("reconnecting", { detail: "connection closed; reconnecting" }));
    expect(client.snapshot().state).toBe("stale");
    expect(client.snapshot().phaseDetail).toBe("connection closed; reconnecting");
    es.emit("status", status("live"));
    expect(client.snapshot().state).toBe("live");
    es.emit("status", status("finished", { detail: "replay finished" }));
    expect(client.snapshot().state).toBe("finished");
    client.stop();
  });

  it("a ready after a restart takes the phase the server announced", () => {
    const { client } = makeClient();
    client.start();
    last().emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0");
    last().fail(2); // the server went away
    expect(client.snapshot().state).toBe("reconnecting");
    vi.advanceTimersByTime(2_000);
    const next = last();
    next.emit("status", status("warming", { done: 1, total: 10 }));
    expect(client.snapshot().state).toBe("warming");
    next.emit("status", status("failed", { detail: "FeedError: key refused" }));
    expect(client.snapshot().state).toBe("warming"); // not ready yet: nothing delivered
    next.emit("ready", { symbols: ["SPY"], cursor: "c0" }, "c0");
    expect(client.snapshot().state).toBe("stale");
    client.stop();
  });
});
