// REST of the market feature: the watchlist and bar history.
import { http } from "../../shared/api/http";
import type {
  AddSymbolRequest,
  AddSymbolResponse,
  Bar,
  BarsQuery,
  BarsResponse,
  IndicatorsResponse,
  StudyPoint,
  SymbolMatch,
  SymbolSearchQuery,
  SymbolSearchResponse,
  SymbolsResponse,
} from "../../shared/api/types";

export function listSymbols(signal?: AbortSignal): Promise<SymbolsResponse> {
  return http.get<SymbolsResponse>("/api/symbols", { signal: signal ?? null });
}

/** 201 once the symbol's history is in; 422 with the reason when the feed does not list it. */
export function addSymbol(symbol: string): Promise<AddSymbolResponse> {
  const body: AddSymbolRequest = { symbol };
  return http.post<AddSymbolResponse>("/api/symbols", body);
}

/** Tickers of the feed's reference data for `query.q`, best first (503 when it cannot be asked). */
export async function searchSymbols(query: SymbolSearchQuery, signal?: AbortSignal): Promise<SymbolMatch[]> {
  const res = await http.get<SymbolSearchResponse>("/api/symbols/search", { query, signal: signal ?? null });
  return res.results;
}

export function removeSymbol(symbol: string): Promise<void> {
  return http.delete<void>(`/api/symbols/${encodeURIComponent(symbol)}`);
}

export async function getBars(query: BarsQuery, signal?: AbortSignal): Promise<Bar[]> {
  const res = await http.get<BarsResponse>("/api/bars", { query, signal: signal ?? null });
  return res.bars;
}

/** The rule engine's indicators after each bar of the same page as `getBars(query)`. */
export async function getIndicators(query: BarsQuery, signal?: AbortSignal): Promise<StudyPoint[]> {
  const res = await http.get<IndicatorsResponse>("/api/indicators", { query, signal: signal ?? null });
  return res.points;
}
