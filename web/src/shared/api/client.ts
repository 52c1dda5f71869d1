import type {
  AddSymbolRequest,
  ApiErrorBody,
  BacktestRequest,
  Bar,
  BarsQuery,
  BarsResponse,
  CreateRuleRequest,
  NewVersionRequest,
  RevertRequest,
  Rule,
  RulesResponse,
  RuleVersion,
  Signal,
  SignalsQuery,
  SignalsResponse,
  SymbolsResponse,
  UserRuleSettings,
  ValidateRequest,
  ValidateResponse,
  VersionsResponse,
  VoiceStatus,
  VoiceTokenResponse,
} from "./types";

/** A non-2xx answer from the API, carrying the server's message and field when it sent them. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | null;

  constructor(status: number, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.field = field;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === "object" && value !== null && typeof (value as ApiErrorBody).error === "string";
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`.trim();
    let field: string | null = null;
    try {
      const body: unknown = await res.json();
      if (isErrorBody(body)) {
        message = body.error;
        field = body.field ?? null;
      } else if (typeof body === "object" && body !== null && "detail" in body) {
        message = String((body as { detail: unknown }).detail);
      }
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message, field);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export function listSymbols(signal?: AbortSignal): Promise<SymbolsResponse> {
  return request<SymbolsResponse>("/api/symbols", { signal: signal ?? null });
}

export function addSymbol(symbol: string): Promise<unknown> {
  const body: AddSymbolRequest = { symbol };
  return request("/api/symbols", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function removeSymbol(symbol: string): Promise<void> {
  return request<void>(`/api/symbols/${encodeURIComponent(symbol)}`, { method: "DELETE" });
}

export async function getBars(query: BarsQuery, signal?: AbortSignal): Promise<Bar[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const res = await request<BarsResponse>(`/api/bars?${params.toString()}`, { signal: signal ?? null });
  return res.bars;
}

export function getVoiceStatus(signal?: AbortSignal): Promise<VoiceStatus> {
  return request<VoiceStatus>("/api/voice/status", { signal: signal ?? null });
}

/** A fresh 60 s token for one /ws/realtime connection (503 when voice is not configured). */
export function getVoiceToken(): Promise<VoiceTokenResponse> {
  return request<VoiceTokenResponse>("/api/voice/token", { method: "POST" });
}

// ---- alerts and rules -------------------------------------------------------------------------
function send<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
}

type RuleId = Rule["id"];
const rulePath = (id: RuleId, tail: string): string => `/api/rules/${encodeURIComponent(String(id))}/${tail}`;

export async function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return (await request<RulesResponse>("/api/rules", { signal: signal ?? null })).rules;
}

export function createRule(body: CreateRuleRequest): Promise<Rule> {
  return send<Rule>("POST", "/api/rules", body);
}

export function validateExpression(expression: string, signal?: AbortSignal): Promise<ValidateResponse> {
  const body: ValidateRequest = { expression };
  return send<ValidateResponse>("POST", "/api/rules/validate", body, signal);
}

export async function listVersions(ruleId: RuleId, signal?: AbortSignal): Promise<RuleVersion[]> {
  return (await request<VersionsResponse>(rulePath(ruleId, "versions"), { signal: signal ?? null })).versions;
}

export function createVersion(ruleId: RuleId, body: NewVersionRequest): Promise<RuleVersion> {
  return send<RuleVersion>("POST", rulePath(ruleId, "versions"), body);
}

export function revertRule(ruleId: RuleId, version: number): Promise<RuleVersion> {
  const body: RevertRequest = { version };
  return send<RuleVersion>("POST", rulePath(ruleId, "revert"), body);
}

export function putRuleSettings(ruleId: RuleId, settings: UserRuleSettings): Promise<UserRuleSettings> {
  return send<UserRuleSettings>("PUT", rulePath(ruleId, "settings"), settings);
}

export async function backtestRule(
  ruleId: RuleId,
  body: BacktestRequest,
  signal?: AbortSignal,
): Promise<Signal[]> {
  return (await send<SignalsResponse>("POST", rulePath(ruleId, "backtest"), body, signal)).signals;
}

export async function listSignals(query: SignalsQuery = {}, signal?: AbortSignal): Promise<Signal[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const qs = params.toString();
  const res = await request<SignalsResponse>(`/api/signals${qs ? `?${qs}` : ""}`, { signal: signal ?? null });
  return res.signals;
}
