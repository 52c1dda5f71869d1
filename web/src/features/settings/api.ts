// REST of the Settings panel: preferences and integrations, password, sessions, API tokens.
import { queryOptions } from "@tanstack/react-query";
import { http } from "../../shared/api/http";
import type {
  AccountSettings,
  PasswordChange,
  Preferences,
  TokenCreated,
  TokensResponse,
} from "../../shared/api/types";

export const getSettings = (signal?: AbortSignal) =>
  http.get<AccountSettings>("/api/account/settings", { signal: signal ?? null });
export const putPreferences = (prefs: Preferences) =>
  http.put<AccountSettings>("/api/account/settings", prefs);
export const changePassword = (body: PasswordChange) => http.post<void>("/api/account/password", body);
export const signOutEverywhere = () => http.post<void>("/api/account/sign-out-everywhere");
export const listTokens = (signal?: AbortSignal) =>
  http.get<TokensResponse>("/api/account/tokens", { signal: signal ?? null });
export const createToken = (name: string) => http.post<TokenCreated>("/api/account/tokens", { name });
export const revokeToken = (id: string) => http.delete<void>(`/api/account/tokens/${encodeURIComponent(id)}`);

/** The account's settings (preferences, integrations), shared by the panel and whatever
 * applies the preferences (chart colours, default timeframe). */
export const settingsQuery = () =>
  queryOptions({ queryKey: ["account", "settings"] as const, queryFn: ({ signal }) => getSettings(signal) });
