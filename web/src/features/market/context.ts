import { createContext, useContext, useSyncExternalStore } from "react";
import type { AppState, MarketStore } from "./store";

export const StoreContext = createContext<MarketStore | null>(null);

export function useStore(): MarketStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore outside <StoreContext.Provider>");
  return store;
}

/** Subscribe to a slice of the app state; re-renders only when the slice changes (Object.is). */
export function useAppState<T>(select: (s: AppState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
