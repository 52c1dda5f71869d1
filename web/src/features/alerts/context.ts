import { useSyncExternalStore } from "react";
import { useStore } from "../market/context";
import type { AlertsState } from "./store";

/** Subscribe to a slice of the alerts state (feed, backtest preview, speech toggle): the
 * AlertsStore is `store.alerts` of the MarketStore in context. */
export function useAlertsState<T>(select: (s: AlertsState) => T): T {
  const { alerts } = useStore();
  return useSyncExternalStore(alerts.subscribe, () => select(alerts.getState()));
}
