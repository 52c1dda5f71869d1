// REST of signing in and out (password mode; docs/security.md). The session is an HttpOnly
// cookie: the client never sees it, it only asks who is signed in.

import { ROUTES } from "../../app/routes";
import { http, onUnauthorized } from "../../shared/api/http";
import type { Me } from "../../shared/api/types";

export function login(name: string, password: string): Promise<Me> {
  return http.post<Me>("/api/auth/login", { name, password });
}

export function logout(): Promise<void> {
  return http.post<void>("/api/auth/logout");
}

export function me(signal?: AbortSignal): Promise<Me> {
  return http.get<Me>("/api/auth/me", { signal: signal ?? null });
}

/** Send the browser to the login page whenever a request answers 401 (not from the login
 * page itself, where a 401 means a wrong password). A full page load, so the stream starts
 * again with the new session afterwards. */
export function redirectToLoginOn401(
  location: Pick<Location, "pathname" | "assign"> = window.location,
): () => void {
  return onUnauthorized(() => {
    if (location.pathname !== ROUTES.login) location.assign(ROUTES.login);
  });
}
