import { type CSSProperties, type FormEvent, useEffect, useMemo, useState } from "react";
import { fmtChange, fmtPct, fmtPrice, fmtVolume, tone } from "../../shared/format";
import { useAppState, useStore } from "./context";
import { SymbolCombobox } from "./SymbolCombobox";
import type { QuoteView } from "./store";
import {
  COLUMNS,
  type ColumnKey,
  type ColumnSpec,
  cellValue,
  nextSort,
  type SortKey,
  sortRows,
} from "./watchColumns";

const SYMBOL_WIDTH = "minmax(2.75rem, 1fr)";

function fmtCell(key: ColumnKey, v: number | null): string {
  switch (key) {
    case "change":
      return fmtChange(v);
    case "changePct":
    case "gapPct":
      return fmtPct(v);
    case "volume":
      return fmtVolume(v);
    case "rvol":
      return v == null ? "—" : `${v.toFixed(2)}×`;
    default:
      return fmtPrice(v);
  }
}

function cellTone(key: ColumnKey, q: QuoteView, v: number | null): string {
  if (key === "last") return q.tick > 0 ? "text-emerald-300" : q.tick < 0 ? "text-rose-300" : "text-zinc-200";
  if (key === "change" || key === "changePct" || key === "gapPct") return tone(v);
  if (key === "rvol" && v != null && v >= 2) return "text-amber-200";
  return "text-zinc-200";
}

/** Live prices dim with the stream (StaleBanner); volume and ratios are figures, not prices. */
const PRICE_COLUMNS: ReadonlySet<ColumnKey> = new Set(["last", "change", "changePct", "bid", "ask"]);

function SortHeader({ label, title, sortKey }: { label: string; title: string; sortKey: SortKey }) {
  const store = useStore();
  const sort = useAppState((s) => s.sort);
  const active = sort?.key === sortKey ? sort.dir : null;
  const next = nextSort(sort, sortKey);
  const nextText = next
    ? next.dir === "desc"
      ? "sort high to low"
      : "sort low to high"
    : "back to the watchlist order";
  const nowText = active ? (active === "desc" ? ", sorted high to low" : ", sorted low to high") : "";
  return (
    <button
      type="button"
      data-testid={`watch-sort-${sortKey}`}
      data-sort={active ?? "none"}
      title={title}
      aria-label={`${label}: ${title}${nowText}; ${nextText}`}
      onClick={() => store.setSort(next)}
      className={`flex items-center gap-0.5 whitespace-nowrap uppercase hover:text-zinc-100 focus-visible:outline focus-visible:outline-sky-400 ${
        sortKey === "symbol" ? "justify-start" : "justify-end"
      } ${active ? "text-sky-300" : ""}`}
    >
      {label}
      {active && <span aria-hidden="true">{active === "desc" ? "▼" : "▲"}</span>}
    </button>
  );
}

function ColumnPicker({ columns }: { columns: readonly ColumnKey[] }) {
  const store = useStore();
  const toggle = (key: ColumnKey) => {
    const on = new Set(columns);
    if (on.has(key)) on.delete(key);
    else on.add(key);
    const next = COLUMNS.map((c) => c.key).filter((k) => on.has(k));
    if (next.length > 0) store.setColumns(next);
  };
  return (
    <details className="relative" data-testid="watch-columns">
      <summary
        title="Choose the watchlist's columns"
        className="cursor-pointer list-none rounded px-1 text-[12px] text-zinc-400 hover:text-zinc-100 focus-visible:outline focus-visible:outline-sky-400"
      >
        Columns
      </summary>
      <fieldset className="absolute right-0 z-40 mt-1 w-56 rounded border border-zinc-700 bg-zinc-900 p-2 text-xs text-zinc-200 shadow-xl">
        <legend className="sr-only">Watchlist columns</legend>
        {COLUMNS.map((c) => (
          <label key={c.key} className="flex items-center gap-2 py-0.5">
            <input
              type="checkbox"
              data-testid={`watch-column-${c.key}`}
              checked={columns.includes(c.key)}
              onChange={() => toggle(c.key)}
              className="accent-sky-500"
            />
            <span>
              {c.label} <span className="text-zinc-400">— {c.title}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export function Watchlist() {
  const store = useStore();
  const watchlist = useAppState((s) => s.watchlist);
  const sort = useAppState((s) => s.sort);
  const columns = useAppState((s) => s.columns);
  const list = useMemo(() => sortRows(watchlist, sort), [watchlist, sort]);
  const shown: ColumnSpec[] = COLUMNS.filter((c) => columns.includes(c.key));
  const grid: CSSProperties = { gridTemplateColumns: [SYMBOL_WIDTH, ...shown.map((c) => c.width)].join(" ") };
  const quotesShown = columns.includes("bid") || columns.includes("ask");
  useEffect(() => {
    store.watchQuotes(quotesShown);
    return () => store.watchQuotes(false);
  }, [store, quotesShown]);
  const selected = useAppState((s) => s.selected);
  const pending = useAppState((s) => s.adding);
  const simulated = useAppState((s) => s.stream.feed === "simulated");
  const [adding, setAdding] = useState("");
  const [busy, setBusy] = useState(false);

  const add = async (symbol: string): Promise<boolean> => {
    setBusy(true);
    const ok = await store.addSymbol(symbol);
    setBusy(false);
    if (ok) setAdding("");
    return ok;
  };
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    if (adding.trim()) void add(adding);
  };

  return (
    <section aria-labelledby="watchlist-title" className="flex min-h-0 flex-1 flex-col">
      <header className="flex items-center gap-2 border-b border-zinc-800 px-2 py-1">
        <h2 id="watchlist-title" className="text-[12px] font-semibold tracking-wider text-zinc-400 uppercase">
          Watchlist
        </h2>
        {simulated && (
          <span
            data-testid="simulated-tag"
            title="The simulator makes these prices up: they are not real quotes"
            className="whitespace-nowrap rounded border border-amber-700 px-1 text-[12px] text-amber-200"
          >
            Simulated
          </span>
        )}
        <span className="ml-auto whitespace-nowrap pl-2 text-[12px] text-zinc-400" title="↑/↓ switch symbols">
          ↑/↓
        </span>
        <ColumnPicker columns={columns} />
      </header>
      <div data-testid="watch-scroll" className="min-h-0 flex-1 overflow-auto">
        <div className="sticky top-0 z-20 flex min-w-max bg-zinc-950 py-0.5 pl-2 text-[12px] text-zinc-400">
          <div className="grid flex-1 gap-x-1.5" style={grid}>
            <span className="sticky left-0 z-10 bg-zinc-950">
              <SortHeader label="Symbol" title="Symbol" sortKey="symbol" />
            </span>
            {shown.map((c) => (
              <SortHeader key={c.key} label={c.label} title={c.title} sortKey={c.key} />
            ))}
          </div>
          <span aria-hidden="true" className="ml-1 w-5 shrink-0" />
        </div>
        <ul aria-label="Watchlist symbols" className="min-w-max">
          {list.map((q) => {
            const active = q.symbol === selected;
            return (
              <li
                key={q.symbol}
                id={`watch-row-${q.symbol}`}
                data-testid={`watch-row-${q.symbol}`}
                aria-current={active ? "true" : undefined}
                className={`group flex items-stretch border-l-2 ${
                  active ? "border-sky-400 bg-zinc-800" : "border-transparent hover:bg-zinc-900"
                }`}
              >
                <button
                  type="button"
                  onClick={() => store.select(q.symbol)}
                  style={grid}
                  className="grid min-w-0 flex-1 items-baseline gap-x-1.5 py-1 pl-2 text-left font-mono text-xs focus-visible:outline focus-visible:outline-sky-400"
                >
                  <span
                    className={`sticky left-0 truncate font-sans font-semibold text-zinc-100 ${
                      active ? "bg-zinc-800" : "bg-zinc-950 group-hover:bg-zinc-900"
                    }`}
                  >
                    {q.symbol}
                  </span>
                  {shown.map((c) => {
                    const v = cellValue(q, c.key);
                    return (
                      <span
                        key={c.key}
                        data-testid={`watch-${c.key}-${q.symbol}`}
                        data-value={v ?? ""}
                        title={
                          v === null && (c.key === "rvol" || c.key === "gapPct") ? q.notes[c.key] : undefined
                        }
                        data-price={PRICE_COLUMNS.has(c.key) ? "" : undefined}
                        className={`whitespace-nowrap text-right tabular-nums ${cellTone(c.key, q, v)}`}
                      >
                        {fmtCell(c.key, v)}
                      </span>
                    );
                  })}
                </button>
                <button
                  type="button"
                  onClick={() => void store.removeSymbol(q.symbol)}
                  aria-label={`Remove ${q.symbol} from the watchlist`}
                  title={`Remove ${q.symbol}`}
                  className="ml-1 w-5 shrink-0 rounded text-xs text-zinc-400 opacity-0 group-hover:opacity-100 hover:text-rose-400 focus:opacity-100 focus-visible:outline focus-visible:outline-sky-400"
                >
                  ×
                </button>
              </li>
            );
          })}
          {pending && !list.some((q) => q.symbol === pending) && (
            <li
              data-testid={`watch-adding-${pending}`}
              role="status"
              className="flex items-center gap-2 py-1 pl-2 font-mono text-xs text-zinc-300"
            >
              <span className="font-sans font-semibold text-zinc-100">{pending}</span>
              <span className="motion-safe:animate-pulse">checking and loading history…</span>
            </li>
          )}
        </ul>
      </div>
      <form onSubmit={onAdd} className="flex gap-1 border-t border-zinc-800 p-1.5">
        <SymbolCombobox
          id="add-symbol"
          prefix="watch-add"
          label="Add a symbol"
          placeholder="Add symbol"
          value={adding}
          onChange={setAdding}
          onNoOption={add}
          up
          boxClassName="flex-1"
          className="min-w-0 flex-1 rounded border border-zinc-700 bg-zinc-900 px-1.5 py-0.5 font-mono text-xs text-zinc-100 placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none"
        />
        <button
          type="submit"
          disabled={busy || !adding.trim()}
          className="rounded bg-sky-700 px-2 py-0.5 text-xs font-medium text-white hover:bg-sky-600 disabled:opacity-40"
        >
          Add
        </button>
      </form>
    </section>
  );
}
