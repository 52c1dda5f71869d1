// The user's alert sound/speech preferences, shared by the Settings panel and the Alerts
// panel's toggles: read from /api/account/settings, applied to the alerts store, changed
// with an optimistic PUT (rolled back when the server refuses).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { AccountSettings, Preferences } from "../../shared/api/types";
import { useStore } from "../market/context";
import * as settings from "../settings/api";

type NotifyKey = "alert_sound" | "alert_speech";

/** Keep the alerts store's announcements in line with the stored preferences. */
export function useAlertNotifySync(): void {
  const store = useStore();
  const prefs = useQuery({ ...settings.settingsQuery(), select: (s) => s.preferences }).data;
  useEffect(() => {
    if (prefs) store.alerts.setNotify({ sound: prefs.alert_sound, speech: prefs.alert_speech });
  }, [store, prefs]);
}

/** One alert preference and a setter that stores it for the user. */
export function useAlertPreference(key: NotifyKey): {
  value: boolean | undefined;
  set: (on: boolean) => void;
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
    value: prefs?.[key],
    set: (on) => {
      if (prefs) save.mutate({ ...prefs, [key]: on });
    },
    error: save.error,
  };
}
