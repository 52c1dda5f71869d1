import { MutationObserver, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "../../shared/api/queryClient";
import type { Rule, RuleVersion } from "../../shared/api/types";
import {
  createRuleMutation,
  RULES_RETRY_MS,
  revertMutation,
  ruleKeys,
  rulesQuery,
  toggleRuleMutation,
  versionsQuery,
} from "./queries";

function version(rule_id: number, v: number): RuleVersion {
  return {
    rule_id,
    version: v,
    params: {},
    expression: null,
    frequency: "once_per_bar_close",
    cooldown_s: 0,
    intrabar: false,
    note: null,
    created_at_ms: v,
    fire_mode: "becomes_true",
  };
}

function rule(id: number, enabled = false): Rule {
  return {
    id,
    name: `rule ${id}`,
    description: "",
    kind: "builtin",
    builtin: "x",
    settings: { enabled, params: {}, symbols: null, cooldown_s: null, expires_at_ms: null },
    version: version(id, 1),
    paused_reason: null,
    paused_at_ms: null,
    params_schema: [],
  };
}

type Handler = (method: string, path: string, body: unknown) => Response | Promise<Response>;
let handler: Handler;
let requests: string[];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  requests = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? "GET";
      requests.push(`${method} ${url}`);
      return handler(method, url, init.body ? JSON.parse(String(init.body)) : undefined);
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("rules queries", () => {
  it("retries the list every 5 s until the server answers, then not on a failed refresh", async () => {
    vi.useFakeTimers();
    let up = false;
    handler = () => (up ? json({ rules: [rule(1)] }) : json({ error: "starting" }, 503));
    const qc = createQueryClient();
    const observer = new QueryObserver(qc, rulesQuery(qc));
    const seen: (string | null)[] = [];
    const unsubscribe = observer.subscribe((r) => seen.push(r.failureReason?.message ?? null));

    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toEqual(["GET /api/rules"]);
    expect(observer.getCurrentResult().failureReason?.message).toBe("starting");
    await vi.advanceTimersByTimeAsync(RULES_RETRY_MS);
    expect(requests).toHaveLength(2);
    up = true;
    await vi.advanceTimersByTimeAsync(RULES_RETRY_MS);
    expect(requests).toHaveLength(3);
    expect(observer.getCurrentResult().data?.map((r) => r.id)).toEqual([1]);
    expect(seen).toContain("starting");

    // once loaded, a failing refresh is shown at once and keeps the list
    up = false;
    await observer.refetch();
    await vi.advanceTimersByTimeAsync(RULES_RETRY_MS * 3);
    expect(requests).toHaveLength(4);
    const result = observer.getCurrentResult();
    expect(result.error?.message).toBe("starting");
    expect(result.data?.map((r) => r.id)).toEqual([1]);
    unsubscribe();
  });

  it("switches a rule optimistically, rolls back on error, and refetches the list after", async () => {
    const server = [rule(1), rule(2)];
    let fail = false;
    let release: () => void = () => {};
    handler = async (method, path, body) => {
      if (method === "GET" && path === "/api/rules") return json({ rules: server });
      if (method === "PUT" && path === "/api/rules/1/settings") {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        if (fail) return json({ error: "nope" }, 500);
        const settings = body as Rule["settings"];
        server[0] = { ...rule(1), settings };
        return json(settings);
      }
      return json({ error: "not found" }, 404);
    };
    const qc = createQueryClient();
    await qc.fetchQuery(rulesQuery(qc));
    const list = new QueryObserver(qc, rulesQuery(qc));
    const unsubscribe = list.subscribe(() => {});
    await settle(); // the observer refetches the stale list on subscribe
    requests = [];
    const enabled = (id: number) =>
      qc.getQueryData<Rule[]>(ruleKeys.list())?.find((r) => r.id === id)?.settings.enabled;

    const toggle = new MutationObserver(qc, toggleRuleMutation(qc));
    const on = toggle.mutate({ rule: rule(1), enabled: true });
    await settle();
    expect(enabled(1)).toBe(true); // before the server answered
    release();
    await on;
    await settle();
    expect(enabled(1)).toBe(true);
    expect(requests).toEqual(["PUT /api/rules/1/settings", "GET /api/rules"]);

    fail = true;
    const off = toggle.mutate({ rule: server[0] as Rule, enabled: false }).catch((e: Error) => e.message);
    await settle();
    expect(enabled(1)).toBe(false);
    release();
    expect(await off).toBe("nope");
    expect(enabled(1)).toBe(true); // rolled back
    unsubscribe();
  });

  it("refetches the list only once the last of concurrent switches has settled", async () => {
    const server = [rule(1), rule(2)];
    const pending = new Map<string, () => void>();
    handler = async (method, path, body) => {
      if (method === "GET") return json({ rules: server });
      await new Promise<void>((resolve) => pending.set(path, resolve));
      return json(body);
    };
    const qc = createQueryClient();
    const unsubscribe = new QueryObserver(qc, rulesQuery(qc)).subscribe(() => {});
    await settle();
    requests = [];
    const a = new MutationObserver(qc, toggleRuleMutation(qc)).mutate({ rule: rule(1), enabled: true });
    const b = new MutationObserver(qc, toggleRuleMutation(qc)).mutate({ rule: rule(2), enabled: true });
    await settle();
    pending.get("/api/rules/1/settings")?.();
    await a;
    await settle();
    expect(requests).toEqual(["PUT /api/rules/1/settings", "PUT /api/rules/2/settings"]);
    const enabled = () => qc.getQueryData<Rule[]>(ruleKeys.list())?.map((r) => r.settings.enabled);
    expect(enabled()).toEqual([true, true]); // the second is still optimistic
    pending.get("/api/rules/2/settings")?.();
    await b;
    await settle();
    expect(requests.at(-1)).toBe("GET /api/rules");
    unsubscribe();
  });

  it("a revert refetches the list and the rule's versions; a created rule is in the list", async () => {
    let versions = [version(1, 1)];
    const rules = [rule(1)];
    handler = (method, path, body) => {
      if (method === "GET" && path === "/api/rules") return json({ rules });
      if (method === "GET" && path === "/api/rules/1/versions") return json({ versions });
      if (method === "POST" && path === "/api/rules/1/revert") {
        versions = [version(1, (versions[0]?.version ?? 0) + 1), ...versions];
        return json(versions[0]);
      }
      if (method === "POST" && path === "/api/rules") {
        const created = { ...rule(7, true), kind: "custom" as const, name: (body as { name: string }).name };
        rules.push(created);
        return json(created);
      }
      if (method === "PUT" && path === "/api/rules/7/settings") return json(body);
      return json({ error: "not found" }, 404);
    };
    const qc = createQueryClient();
    const list = new QueryObserver(qc, rulesQuery(qc));
    const vs = new QueryObserver(qc, versionsQuery(1));
    const off = [list.subscribe(() => {}), vs.subscribe(() => {})];
    await settle();
    expect(vs.getCurrentResult().data?.map((v) => v.version)).toEqual([1]);

    await new MutationObserver(qc, revertMutation(qc, 1)).mutate(1);
    expect(vs.getCurrentResult().data?.map((v) => v.version)).toEqual([2, 1]);

    requests = [];
    const created = await new MutationObserver(qc, createRuleMutation(qc)).mutate({
      body: {
        name: "mine",
        expression: "close > 1",
        frequency: "once",
        cooldown_s: 0,
        intrabar: false,
        description: "",
        fire_mode: "becomes_true",
        symbols: null,
      },
      direction: "long",
    });
    expect(created.id).toBe(7);
    expect(requests).toEqual(["POST /api/rules", "PUT /api/rules/7/settings", "GET /api/rules"]);
    expect(list.getCurrentResult().data?.map((r) => r.name)).toEqual(["rule 1", "mine"]);
    for (const fn of off) fn();
  });
});
