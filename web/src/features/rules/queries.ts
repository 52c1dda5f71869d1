// Queries and mutations of the rules browser. Every mutation invalidates what it changes: the
// list (on/off, settings, current version) and the rule's versions. The options are plain
// functions of the QueryClient (tested without React); the hooks below only bind them.
import {
  type QueryClient,
  queryOptions,
  type UseMutationOptions,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type {
  BacktestRequest,
  BacktestResponse,
  CreateRuleRequest,
  NewVersionRequest,
  Rule,
  RuleVersion,
  UserRuleSettings,
} from "../../shared/api/types";
import type { RuleId } from "./api";
import * as api from "./api";
import type { Direction } from "./params";

export const ruleKeys = {
  all: ["rules"] as const,
  list: () => [...ruleKeys.all, "list"] as const,
  versions: (id: RuleId) => [...ruleKeys.all, "versions", id] as const,
};

/** While the list has never loaded (the server is not up yet), it is fetched again this often. */
export const RULES_RETRY_MS = 5_000;

/** Every rule with this user's settings. Until it has loaded once it is retried every 5 s;
 * a later refresh that fails shows its error and keeps the list it had. */
export const rulesQuery = (qc: QueryClient) =>
  queryOptions({
    queryKey: ruleKeys.list(),
    queryFn: ({ signal }) => api.listRules(signal),
    retry: () => qc.getQueryData(ruleKeys.list()) === undefined,
    retryDelay: RULES_RETRY_MS,
  });

export const versionsQuery = (id: RuleId) =>
  queryOptions({
    queryKey: ruleKeys.versions(id),
    queryFn: ({ signal }) => api.listVersions(id, signal),
  });

function patchRule(qc: QueryClient, id: RuleId, fn: (rule: Rule) => Rule): void {
  qc.setQueryData<Rule[]>(ruleKeys.list(), (rules) => rules?.map((r) => (r.id === id ? fn(r) : r)));
}

function refetchRule(qc: QueryClient, id: RuleId): Promise<unknown> {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ruleKeys.list() }),
    qc.invalidateQueries({ queryKey: ruleKeys.versions(id) }),
  ]);
}

export const TOGGLE_KEY = [...ruleKeys.all, "toggle"] as const;
export type Toggle = { rule: Rule; enabled: boolean };

/** Switch a rule on or off: optimistic, rolled back on error; the list is refetched once the
 * last pending switch has settled (an earlier refetch would overwrite a later optimistic state). */
export const toggleRuleMutation = (qc: QueryClient): UseMutationOptions<UserRuleSettings, Error, Toggle> => ({
  mutationKey: TOGGLE_KEY,
  mutationFn: ({ rule, enabled }) => api.putRuleSettings(rule.id, { ...rule.settings, enabled }),
  onMutate: async ({ rule, enabled }) => {
    await qc.cancelQueries({ queryKey: ruleKeys.list() });
    patchRule(qc, rule.id, (r) => ({ ...r, settings: { ...r.settings, enabled } }));
  },
  onSuccess: (settings, { rule }) => patchRule(qc, rule.id, (r) => ({ ...r, settings })),
  onError: (_err, { rule }) => patchRule(qc, rule.id, () => rule),
  onSettled: () => {
    if (qc.isMutating({ mutationKey: TOGGLE_KEY }) === 1) {
      void qc.invalidateQueries({ queryKey: ruleKeys.list() });
    }
  },
});

/** Store this user's settings of a rule (parameter overrides, symbols). */
export const saveSettingsMutation = (
  qc: QueryClient,
  id: RuleId,
): UseMutationOptions<UserRuleSettings, Error, UserRuleSettings> => ({
  mutationFn: (settings) => api.putRuleSettings(id, settings),
  onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.list() }),
});

/** Post a new shared version of a rule. */
export const createVersionMutation = (
  qc: QueryClient,
  id: RuleId,
): UseMutationOptions<RuleVersion, Error, NewVersionRequest> => ({
  mutationFn: (body) => api.createVersion(id, body),
  onSuccess: () => refetchRule(qc, id),
});

/** Delete a custom rule (its signals stay) or copy it. */
export const deleteMutation = (qc: QueryClient, id: RuleId): UseMutationOptions<unknown, Error, void> => ({
  mutationFn: () => api.deleteRule(id),
  onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.list() }),
});

export const duplicateMutation = (qc: QueryClient, id: RuleId): UseMutationOptions<Rule, Error, void> => ({
  mutationFn: () => api.duplicateRule(id),
  onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.list() }),
});

/** Resume a rule the circuit breaker paused. */
export const resumeMutation = (qc: QueryClient, id: RuleId): UseMutationOptions<Rule, Error, void> => ({
  mutationFn: () => api.resumeRule(id),
  onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.list() }),
});

/** Post a new version equal to an old one. */
export const revertMutation = (
  qc: QueryClient,
  id: RuleId,
): UseMutationOptions<RuleVersion, Error, number> => ({
  mutationFn: (version) => api.revertRule(id, version),
  onSuccess: () => refetchRule(qc, id),
});

export type NewRule = { body: CreateRuleRequest; direction: Direction };

/** Create a custom rule; a non-neutral direction is stored as the author's setting right after
 * (creation takes no parameters). Resolves once the list is fetched again. */
export const createRuleMutation = (qc: QueryClient): UseMutationOptions<Rule, Error, NewRule> => ({
  mutationFn: async ({ body, direction }) => {
    const rule = await api.createRule(body);
    if (direction !== "neutral") {
      await api.putRuleSettings(rule.id, { ...rule.settings, params: { direction } });
    }
    return rule;
  },
  // also when only storing the direction failed: the rule exists
  onSettled: () => qc.invalidateQueries({ queryKey: ruleKeys.list() }),
});

/** Run a rule over the stored history of a symbol (the would-be signals are not stored). */
export const backtestMutation = (
  id: RuleId,
): UseMutationOptions<BacktestResponse, Error, BacktestRequest> => ({
  mutationFn: (body) => api.backtestRule(id, body),
});

// ---- hooks ------------------------------------------------------------------------------------

export function useRules() {
  return useQuery(rulesQuery(useQueryClient()));
}

export function useVersions(id: RuleId) {
  return useQuery(versionsQuery(id));
}

export function useToggleRule() {
  return useMutation(toggleRuleMutation(useQueryClient()));
}

/** Ids of the rules whose switch is being saved. */
export function useTogglingRules(): Set<RuleId> {
  const ids = useMutationState({
    filters: { mutationKey: TOGGLE_KEY, status: "pending" },
    select: (m) => (m.state.variables as Toggle).rule.id,
  });
  return new Set(ids);
}

export function useSaveSettings(id: RuleId) {
  return useMutation(saveSettingsMutation(useQueryClient(), id));
}

export function useCreateVersion(id: RuleId) {
  return useMutation(createVersionMutation(useQueryClient(), id));
}

export function useRevertRule(id: RuleId) {
  return useMutation(revertMutation(useQueryClient(), id));
}

export function useDeleteRule(id: RuleId) {
  return useMutation(deleteMutation(useQueryClient(), id));
}

export function useDuplicateRule(id: RuleId) {
  return useMutation(duplicateMutation(useQueryClient(), id));
}

/** Why the rule cannot fire yet on `symbol` (refreshed every 30 s while shown). */
export function useReadiness(id: RuleId, symbol: string | null) {
  return useQuery({
    queryKey: [...ruleKeys.all, "readiness", id, symbol],
    queryFn: ({ signal }) => api.ruleReadiness(id, symbol ?? "", signal),
    enabled: symbol !== null,
    refetchInterval: 30_000,
  });
}

export function useResumeRule(id: RuleId) {
  return useMutation(resumeMutation(useQueryClient(), id));
}

export function useCreateRule() {
  return useMutation(createRuleMutation(useQueryClient()));
}

export function useBacktest(id: RuleId) {
  return useMutation(backtestMutation(id));
}
