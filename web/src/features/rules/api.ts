// REST of the rules browser: rules, versions, per-user settings, validation, backtests.
import { http } from "../../shared/api/http";
import type {
  BacktestRequest,
  BacktestResponse,
  CreateRuleRequest,
  NewVersionRequest,
  Readiness,
  RevertRequest,
  Rule,
  RulesResponse,
  RuleVersion,
  UserRuleSettings,
  ValidateRequest,
  ValidateResponse,
  VersionsResponse,
} from "../../shared/api/types";

export type RuleId = Rule["id"];
const rulePath = (id: RuleId, tail: string): string => `/api/rules/${encodeURIComponent(String(id))}/${tail}`;

export async function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return (await http.get<RulesResponse>("/api/rules", { signal: signal ?? null })).rules;
}

export function createRule(body: CreateRuleRequest): Promise<Rule> {
  return http.post<Rule>("/api/rules", body);
}

export function validateExpression(
  expression: string,
  symbol: string | null,
  signal?: AbortSignal,
): Promise<ValidateResponse> {
  const body: ValidateRequest = { expression, symbol };
  return http.post<ValidateResponse>("/api/rules/validate", body, { signal: signal ?? null });
}

export async function listVersions(ruleId: RuleId, signal?: AbortSignal): Promise<RuleVersion[]> {
  return (await http.get<VersionsResponse>(rulePath(ruleId, "versions"), { signal: signal ?? null }))
    .versions;
}

export function createVersion(ruleId: RuleId, body: NewVersionRequest): Promise<RuleVersion> {
  return http.post<RuleVersion>(rulePath(ruleId, "versions"), body);
}

export function revertRule(ruleId: RuleId, version: number): Promise<RuleVersion> {
  const body: RevertRequest = { version };
  return http.post<RuleVersion>(rulePath(ruleId, "revert"), body);
}

export function deleteRule(ruleId: RuleId): Promise<unknown> {
  return http.delete<unknown>(`/api/rules/${encodeURIComponent(String(ruleId))}`);
}

export function duplicateRule(ruleId: RuleId): Promise<Rule> {
  return http.post<Rule>(rulePath(ruleId, "duplicate"), {});
}

export function ruleReadiness(ruleId: RuleId, symbol: string, signal?: AbortSignal): Promise<Readiness> {
  return http.get<Readiness>(`${rulePath(ruleId, "readiness")}?symbol=${encodeURIComponent(symbol)}`, {
    signal: signal ?? null,
  });
}

export function resumeRule(ruleId: RuleId): Promise<Rule> {
  return http.post<Rule>(rulePath(ruleId, "resume"), {});
}

export function putRuleSettings(ruleId: RuleId, settings: UserRuleSettings): Promise<UserRuleSettings> {
  return http.put<UserRuleSettings>(rulePath(ruleId, "settings"), settings);
}

export function backtestRule(
  ruleId: RuleId,
  body: BacktestRequest,
  signal?: AbortSignal,
): Promise<BacktestResponse> {
  return http.post<BacktestResponse>(rulePath(ruleId, "backtest"), body, { signal: signal ?? null });
}
