import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bar, SymbolQuote } from "../../shared/api/types";
import type { EventSourceLike } from "../stream";
import { MarketStore, quoteFrom, withLast } from "./store";

const BASE = Date.UTC(2026, 10, 24, 15, 0) / 60_000; // 10:00 ET

class FakeES implements EventSourceLike {
  static all: FakeES[] = [];
  readyState = 0;
  onerror: ((this: EventSourceLike, ev: Event) => unknown) | null = null;
  private readonly handlers = new Map<string, ((ev: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeES.all.push(this);
  }
  addEventListener(type: string, fn: (ev: MessageEvent<string>) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  close(): void {
    this.readyState = 2;
  }
  emit(type: string, data: unknown, id = ""): void {
    this.readyState = 1;
    for (const h of this.handlers.get(type) ?? [])
      h({ data: JSON.stringify(data), lastEventId: id } as MessageEvent<string>);
  }
}

function bar(symbol: string, seq: number, close = 100): Bar {
  return {
    symbol,
    seq,
    bar_start_ms: seq * 60_000,
    bar_end_ms: (seq + 1) * 60_000,
    open: close,
    high: close + 1,
    low: close - 1,
    close,
    volume: 100,
    trades: 10,
  };
}

/** The server's bars: SPY has a bar every minute from BASE to BASE+99. */
const serverBars = Array.from({ length: 100 }, (_, i) => bar("SPY", BASE + i, 100 + i / 10));
let served = 60; // how many of them exist "now"

function quote(symbol: string): SymbolQuote {
  return {
    symbol,
    last: 100,
    prev_close: 99,
    change: 1,
    change_pct: 1.0101,
    last_trade_ms: null,
  } as SymbolQuote;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  FakeES.all = [];
  served = 60;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      const url = new URL(input, "http://x");
      if (url.pathname === "/api/symbols") return json({ symbols: [quote("SPY"), quote("AAPL")] });
      if (url.pathname === "/api/bars") {
        const limit = Number(url.searchParams.get("limit") ?? 500);
        const before = Number(url.searchParams.get("beforeSeq") ?? Number.POSITIVE_INFINITY);
        const sym = url.searchParams.get("symbol");
        const bars = serverBars.slice(0, served).filter((b) => b.symbol === sym && b.seq < before);
        return json({ symbol: sym, bars: bars.slice(-limit) });
      }
      return json({ error: "not found" }, 404);
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function seqs(store: MarketStore): number[] {
  return store
    .book("SPY")
    .candles(1)
    .map((c) => c.seq);
}

describe("MarketStore", () => {
  it("joins history and stream without a hole or a duplicate, across a reconnect and a gap", async () => {
    const store = new MarketStore({ createEventSource: (u) => new FakeES(u), random: () => 0 });
    await store.start();
    const es = FakeES.all.at(-1) as FakeES;
    expect(new URL(es.url, "http://x").searchParams.get("symbols")).toBe("SPY,AAPL");
    expect(store.getState().selected).toBe("SPY");

    // The history page was taken (60 bars) before the stream subscribed; bar 60 finalised in
    // between, so the stream starts after it and never sends it: the seam page must bring it.
    served = 61;
    es.emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c1" }, "c1");
    await store.ensureHistory("SPY");
    expect(seqs(store)).toEqual(serverBars.slice(0, 61).map((b) => b.seq));
    es.emit("bar", serverBars[60], "c1"); // a duplicate is harmless
    expect(seqs(store)).toEqual(serverBars.slice(0, 61).map((b) => b.seq));

    // Forming minute, then the connection drops; the server replays from the cursor.
    es.emit("microbar", {
      symbol: "SPY",
      bucket_start_ms: 0,
      minute: { ...serverBars[61], open: 1, high: 2, low: 0.5, close: 1.5 },
    });
    expect(seqs(store).at(-1)).toBe(BASE + 61);
    es.readyState = 2;
    es.onerror?.call(es, new Event("error"));
    expect(store.getState().stream.state).toBe("reconnecting");
    await vi.waitFor(() => expect(FakeES.all).toHaveLength(2), { timeout: 2000 });
    const es2 = FakeES.all[1] as FakeES;
    expect(new URL(es2.url, "http://x").searchParams.get("lastEventId")).toBe("c1");
    served = 80;
    es2.emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c1" }, "c1");
    for (const b of serverBars.slice(60, 70)) es2.emit("bar", b, `c${b.seq}`); // overlaps bar 60
    // The ring no longer held 70..74: the server says so and the client fetches them.
    es2.emit("gap", { symbol: "SPY", from_seq: BASE + 70, to_seq: BASE + 74 });
    for (const b of serverBars.slice(75, 80)) es2.emit("bar", b, `c${b.seq}`);
    await vi.waitFor(() => expect(seqs(store)).toHaveLength(80));
    expect(seqs(store)).toEqual(serverBars.slice(0, 80).map((b) => b.seq));
    expect(store.getState().stream.state).toBe("live");
    store.stop();
  });

  it("updates the watchlist's last and change from microbars", async () => {
    const store = new MarketStore({ createEventSource: (u) => new FakeES(u) });
    await store.start();
    const es = FakeES.all.at(-1) as FakeES;
    es.emit("ready", { symbols: ["SPY", "AAPL"], cursor: "c0" }, "c0");
    es.emit("microbar", {
      symbol: "AAPL",
      bucket_start_ms: 0,
      close: 101.5,
      minute: {
        seq: BASE,
        bar_start_ms: BASE * 60_000,
        open: 101,
        high: 102,
        low: 100,
        close: 101.5,
        volume: 5,
        trades: 1,
      },
    });
    const aapl = store.getState().watchlist.find((q) => q.symbol === "AAPL");
    expect(aapl).toMatchObject({ last: 101.5, prevClose: 99, tick: 1 });
    expect(aapl?.change).toBeCloseTo(2.5);
    expect(aapl?.changePct).toBeCloseTo((2.5 / 99) * 100);
    store.stop();
  });
});

describe("change figures", () => {
  it("are always last − prior close, from the snapshot and from streamed prices alike", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++) {
      const prev = 1 + rand() * 500;
      const last = prev * (0.9 + rand() * 0.2);
      // the server's own change may be computed at another moment: it must not leak through
      const snapshot = quoteFrom({
        symbol: "X",
        last,
        prev_close: prev,
        change: rand() * 10 - 5,
        change_pct: rand() * 4 - 2,
        last_trade_ms: 1,
      } as SymbolQuote);
      const streamed = withLast({ ...snapshot, last: null }, last, 2);
      for (const q of [snapshot, streamed]) {
        expect(q.change).toBeCloseTo(last - prev, 9);
        expect(q.changePct).toBeCloseTo(((last - prev) / prev) * 100, 9);
      }
    }
    const noPrior = quoteFrom({
      symbol: "Y",
      last: 5,
      prev_close: null,
      change: null,
      change_pct: null,
    } as SymbolQuote);
    expect(noPrior.change).toBeNull();
  });
});
