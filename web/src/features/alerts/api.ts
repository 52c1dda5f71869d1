// REST of the alerts feature: stored signals.
import { http } from "../../shared/api/http";
import type { Signal, SignalsQuery, SignalsResponse } from "../../shared/api/types";

export async function listSignals(query: SignalsQuery = {}, signal?: AbortSignal): Promise<Signal[]> {
  return (await http.get<SignalsResponse>("/api/signals", { query, signal: signal ?? null })).signals;
}
