// The user's alert sound/speech preferences, shared by the Settings panel and the Alerts
// panel's toggles: read from /api/account/settings, applied to the alerts store, changed
// with an optimistic PUT (rolled back when the server refuses).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { AccountSettings, Preferences } from "../../shared/api/types";
import { useStore } from "../market/context";
import * as settings from "../settings/api";

type NotifyKey = "alert_sound" | "alert_speech";

/** Keep the alerts store's announcements in line with the stored preferences (and mutes). */
export function useAlertNotifySync(): void {
  const store = useStore();
  const prefs = useQuery({ ...settings.settingsQuery(), select: (s) => s.preferences }).data;
  useEffect(() => {
    if (!prefs) return;
    store.alerts.setNotify({
      sound: prefs.alert_sound,
      speech: prefs.alert_speech,
      desktop: prefs.alert_desktop,
    });
    store.alerts.setMutes(prefs.alert_mutes);
    store.alerts.setRuleSounds(prefs.rule_sounds);
  }, [store, prefs]);
}

/** The stored preferences and a saver of changes to them: optimistic (the screen changes at
 * once), rolled back when the server refuses. */
export function usePreferences(): {
  prefs: Preferences | undefined;
  save: (change: (p: Preferences) => Partial<Preferences>) => void;
  error: Error | null;
} {
  const qc = useQueryClient();
  const query = settings.settingsQuery();
  const prefs = useQuery({ ...query, select: (s) => s.preferences }).data;
  const save = useMutation({
    mutationFn: (next: Preferences) => settings.putPreferences(next),
    onMutate: (next) => {
      const before = qc.getQueryData<AccountSettings>(query.queryKey);
      if (before) qc.setQueryData(query.queryKey, { ...before, preferences: next });
      return before;
    },
    onError: (_err, _next, before) => {
      if (before) qc.setQueryData(query.queryKey, before);
    },
    onSuccess: (data) => qc.setQueryData(query.queryKey, data),
  });
  return {
    prefs,
    save: (change) => {
      // the newest copy (an earlier optimistic change included), not this render's
      const current = qc.getQueryData<AccountSettings>(query.queryKey)?.preferences;
      if (current) save.mutate({ ...current, ...change(current) });
    },
    error: save.error,
  };
}

/** One alert preference and a setter that stores it for the user. */
export function useAlertPreference(key: NotifyKey): {
  value: boolean | undefined;
  set: (on: boolean) => void;
  error: Error | null;
} {
  const { prefs, save, error } = usePreferences();
  return { value: prefs?.[key], set: (on) => save(() => ({ [key]: on })), error };
}
