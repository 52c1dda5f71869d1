// The watchlist's columns: which a trader can show, how each sorts, and the sort itself.
import { totalVolume } from "./dayVolume";
import type { QuoteView } from "./store";

export type ColumnKey = "last" | "change" | "changePct" | "bid" | "ask" | "volume" | "rvol" | "gapPct";
export type SortKey = "symbol" | ColumnKey;
export type SortDir = "asc" | "desc";

export interface WatchSort {
  key: SortKey;
  dir: SortDir;
}

export interface ColumnSpec {
  key: ColumnKey;
  /** The header's text. */
  label: string;
  /** What the header's tooltip and the column picker say. */
  title: string;
  /** The cells' width (CSS). */
  width: string;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: "last", label: "Last", title: "Last price", width: "3.5rem" },
  { key: "change", label: "Chg", title: "Change since the prior regular-session close", width: "3.25rem" },
  { key: "changePct", label: "%", title: "Change % since the prior regular-session close", width: "3.25rem" },
  { key: "bid", label: "Bid", title: "Best bid (newest quote)", width: "3.5rem" },
  { key: "ask", label: "Ask", title: "Best ask (newest quote)", width: "3.5rem" },
  {
    key: "volume",
    label: "Vol",
    title: "Today's volume (New York day, extended hours included)",
    width: "2.75rem",
  },
  {
    key: "rvol",
    label: "RVOL",
    title: "Relative volume: today's volume so far vs the average at this time of day",
    width: "2.5rem",
  },
  {
    key: "gapPct",
    label: "Gap",
    title: "Gap % of today's regular open vs the prior close",
    width: "3.25rem",
  },
];

export const DEFAULT_COLUMNS: readonly ColumnKey[] = ["last", "changePct", "volume", "rvol"];

/** Stored column choices, in the order of {@link COLUMNS}; the default when unreadable. */
export function parseColumns(raw: string | null): ColumnKey[] {
  if (raw === null) return [...DEFAULT_COLUMNS];
  const chosen = new Set(raw.split(","));
  const columns = COLUMNS.map((c) => c.key).filter((k) => chosen.has(k));
  return columns.length > 0 ? columns : [...DEFAULT_COLUMNS];
}

/** A stored sort ("rvol:desc"), or null (the watchlist's own order). */
export function parseSort(raw: string | null): WatchSort | null {
  const [key, dir] = (raw ?? "").split(":");
  const keys: readonly string[] = ["symbol", ...COLUMNS.map((c) => c.key)];
  if (!key || !keys.includes(key) || (dir !== "asc" && dir !== "desc")) return null;
  return { key: key as SortKey, dir };
}

/** A header click: numbers sort high first, symbols A–Z first; a second click flips the
 * direction, a third gives the watchlist's own order back. */
export function nextSort(current: WatchSort | null, key: SortKey): WatchSort | null {
  const first: SortDir = key === "symbol" ? "asc" : "desc";
  if (!current || current.key !== key) return { key, dir: first };
  return current.dir === first ? { key, dir: first === "asc" ? "desc" : "asc" } : null;
}

export function cellValue(q: QuoteView, key: ColumnKey): number | null {
  switch (key) {
    case "volume":
      return totalVolume(q.volume);
    default:
      return q[key];
  }
}

/** The rows in display order: by the sort (rows without a value last, ties in watchlist
 * order), or as the watchlist has them. */
export function sortRows(rows: readonly QuoteView[], sort: WatchSort | null): QuoteView[] {
  if (!sort) return [...rows];
  const sign = sort.dir === "asc" ? 1 : -1;
  const indexed = rows.map((q, i) => ({ q, i }));
  indexed.sort((a, b) => {
    if (sort.key === "symbol") return sign * a.q.symbol.localeCompare(b.q.symbol) || a.i - b.i;
    const va = cellValue(a.q, sort.key);
    const vb = cellValue(b.q, sort.key);
    if (va === null || vb === null) return va === vb ? a.i - b.i : va === null ? 1 : -1;
    return sign * (va - vb) || a.i - b.i;
  });
  return indexed.map((x) => x.q);
}
