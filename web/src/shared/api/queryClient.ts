// TanStack Query for the REST screens (rules, versions, voice status). The live stream does not
// pass here: bars, microbars and alerts stay in the external stores (MarketStore, AlertsStore).
import { QueryClient } from "@tanstack/react-query";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A failed request shows its error at once; a query that should keep trying (the rules
        // list while the server is not up) says so itself.
        retry: false,
        // The stream keeps the screen live; REST data is refreshed by the mutations that change it.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
