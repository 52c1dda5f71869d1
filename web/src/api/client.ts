import type {
  AddSymbolRequest,
  ApiErrorBody,
  Bar,
  BarsQuery,
  BarsResponse,
  SymbolsResponse,
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
