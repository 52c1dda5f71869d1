// What the symbol boxes (the jump box, the watchlist's add box) offer for the typed text.
import type { SymbolMatch } from "../../shared/api/types";

export interface SymbolOption {
  symbol: string;
  /** true: add the symbol to the watchlist; false: go to a watchlist symbol. */
  add: boolean;
  /** The company name from the feed's reference data, when it has one. */
  name?: string | null;
}

/** The options for `typed` (upper-case). `found` is the server's search for it, best first:
 * the watchlist's matches come first ("Go to", the exact symbol first, then those it starts,
 * then found names on the watchlist), then the found tickers not on it ("Add"). The typed
 * text itself is offered for adding only when the server found it exactly, so "A" + Enter
 * never adds "A" when AAPL matches. With `found` null (the server could not be asked) the
 * box falls back to the watchlist's matches, then adding the typed text unless it is one. */
export function symbolOptions(
  typed: string,
  watchlist: readonly string[],
  found: readonly SymbolMatch[] | null,
): SymbolOption[] {
  if (!typed) return [];
  const mine = new Set(watchlist);
  const exact = mine.has(typed);
  const goTo = [
    ...(exact ? [typed] : []),
    ...watchlist.filter((s) => s !== typed && s.startsWith(typed)),
    ...(found ?? []).map((r) => r.symbol).filter((s) => mine.has(s) && !s.startsWith(typed)),
  ];
  const go = goTo.map((symbol) => ({ symbol, add: false }));
  if (found === null) return exact ? go : [...go, { symbol: typed, add: true }];
  const add = found
    .filter((r) => !r.on_watchlist && !mine.has(r.symbol))
    .map((r) => ({ symbol: r.symbol, add: true, name: r.name }));
  return [...go, ...add];
}

/** The text of an option: "Go to AAPL", "Add AAPL — Apple Inc.", "Add A to the watchlist". */
export function optionLabel(option: SymbolOption): string {
  if (!option.add) return `Go to ${option.symbol}`;
  return option.name ? `Add ${option.symbol} — ${option.name}` : `Add ${option.symbol} to the watchlist`;
}
