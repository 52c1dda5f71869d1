import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, http, onUnauthorized, setCsrfHeaders, withQuery } from "./http";

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];
let answer: () => Response;

beforeEach(() => {
  calls = [];
  answer = () => new Response(JSON.stringify({ ok: true }), { status: 200 });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer();
    }),
  );
});

afterEach(() => {
  setCsrfHeaders(null);
  vi.unstubAllGlobals();
});

const headersOf = (c: Call | undefined) => (c?.init.headers ?? {}) as Record<string, string>;

describe("http", () => {
  it("sends same-origin credentials and Accept, and JSON bodies with their Content-Type", async () => {
    expect(await http.get("/api/x", { query: { symbol: "SPY", limit: 5, beforeSeq: undefined } })).toEqual({
      ok: true,
    });
    const get = calls[0];
    expect(get?.url).toBe("/api/x?symbol=SPY&limit=5");
    expect(get?.init.method).toBe("GET");
    expect(get?.init.credentials).toBe("same-origin");
    expect(headersOf(get)).toEqual({ Accept: "application/json" });
    expect(get?.init.body).toBeUndefined();

    await http.put("/api/y", { enabled: true });
    const put = calls[1];
    expect(put?.init.method).toBe("PUT");
    expect(put?.init.credentials).toBe("same-origin");
    expect(headersOf(put)).toEqual({ Accept: "application/json", "Content-Type": "application/json" });
    expect(put?.init.body).toBe('{"enabled":true}');

    // a POST without a body sends no Content-Type
    await http.post("/api/voice/token");
    expect(headersOf(calls[2])).toEqual({ Accept: "application/json" });
  });

  it("turns an error body into an ApiError with status, message and field", async () => {
    answer = () => new Response(JSON.stringify({ error: "bad limit", field: "limit" }), { status: 422 });
    const err = await http.get("/api/bars").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, message: "bad limit", field: "limit" });

    answer = () => new Response("<html>", { status: 502, statusText: "Bad Gateway" });
    expect(await http.get("/api/bars").catch((e: unknown) => e)).toMatchObject({
      status: 502,
      message: "502 Bad Gateway",
      field: null,
    });
  });

  it("returns undefined for a 204", async () => {
    answer = () => new Response(null, { status: 204 });
    expect(await http.delete("/api/symbols/SPY")).toBeUndefined();
  });

  it("tells the onUnauthorized listeners about a 401, then throws", async () => {
    const seen: ApiError[] = [];
    const off = onUnauthorized((e) => seen.push(e));
    answer = () => new Response(JSON.stringify({ error: "log in first" }), { status: 401 });
    await expect(http.get("/api/rules")).rejects.toMatchObject({ status: 401 });
    expect(seen.map((e) => e.message)).toEqual(["log in first"]);
    off();
    await expect(http.get("/api/rules")).rejects.toMatchObject({ status: 401 });
    expect(seen).toHaveLength(1);
  });

  it("adds the CSRF headers to state-changing requests only", async () => {
    setCsrfHeaders(({ method }) => ({ "X-CSRF-Token": `t-${method}` }));
    await http.get("/api/rules");
    await http.post("/api/rules", { name: "x" });
    await http.delete("/api/symbols/SPY");
    expect(headersOf(calls[0])["X-CSRF-Token"]).toBeUndefined();
    expect(headersOf(calls[1])["X-CSRF-Token"]).toBe("t-POST");
    expect(headersOf(calls[2])["X-CSRF-Token"]).toBe("t-DELETE");
  });

  it("builds query strings, leaving out empty values", () => {
    expect(withQuery("/api/signals", {})).toBe("/api/signals");
    expect(withQuery("/api/signals", { limit: 200, rule_id: null })).toBe("/api/signals?limit=200");
    expect(withQuery("/a?x=1", { y: true })).toBe("/a?x=1&y=true");
  });
});
