// The one fetch wrapper: every REST request of the client goes through `http`. It sends
// same-origin credentials and `Accept: application/json`, encodes JSON bodies (always with
// `Content-Type: application/json`), turns a non-2xx answer into an `ApiError` (the server's
// `{"error","field"}` body when it sent one), tells the `onUnauthorized` listeners about a 401
// (a login page hooks in there), and adds the headers of `setCsrfHeaders` to every
// state-changing request (the place for a CSRF token). The stream (EventSource) and the voice
// WebSocket are not REST and do not pass here.
import type { ApiErrorBody } from "./types";

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

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Query parameters; `undefined` and `null` values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RequestOptions {
  method?: Method;
  query?: Query;
  /** A body to send as JSON (`Content-Type: application/json`); `undefined` sends no body. */
  json?: unknown;
  signal?: AbortSignal | null;
  headers?: Readonly<Record<string, string>>;
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Call `fn` whenever a request answers 401 (before the `ApiError` is thrown to the caller).
 * Returns the function that removes it. */
export function onUnauthorized(fn: UnauthorizedListener): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

/** Extra headers for a state-changing request, e.g. `{"X-CSRF-Token": token}`. */
export type CsrfHeaders = (request: { method: Method; path: string }) => Record<string, string> | null;
let csrfHeaders: CsrfHeaders | null = null;

/** Set (or clear, with null) the headers added to every POST, PUT, PATCH and DELETE. */
export function setCsrfHeaders(source: CsrfHeaders | null): void {
  csrfHeaders = source;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes("?") ? "&" : "?"}${qs}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === "object" && value !== null && typeof (value as ApiErrorBody).error === "string";
}

async function errorOf(res: Response): Promise<ApiError> {
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
  return new ApiError(res.status, message, field);
}

/** Send one request to the API and decode its JSON answer (`undefined` for a 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  if (method !== "GET") Object.assign(headers, csrfHeaders?.({ method, path }));
  const res = await fetch(withQuery(path, options.query), {
    method,
    headers,
    body,
    credentials: "same-origin",
    signal: options.signal ?? null,
  });
  if (!res.ok) {
    const error = await errorOf(res);
    if (res.status === 401) {
      for (const fn of unauthorizedListeners) {
        try {
          fn(error);
        } catch (err) {
          console.error("onUnauthorized listener failed", err);
        }
      }
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

type Options = Omit<RequestOptions, "method" | "json">;

export const http = {
  request,
  get: <T>(path: string, options?: Options) => request<T>(path, { ...options, method: "GET" }),
  post: <T>(path: string, json?: unknown, options?: Options) =>
    request<T>(path, { ...options, method: "POST", json }),
  put: <T>(path: string, json: unknown, options?: Options) =>
    request<T>(path, { ...options, method: "PUT", json }),
  delete: <T>(path: string, options?: Options) => request<T>(path, { ...options, method: "DELETE" }),
};
