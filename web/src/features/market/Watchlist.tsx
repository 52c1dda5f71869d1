import { type FormEvent, useState } from "react";
import { fmtChange, fmtPct, fmtPrice, tone } from "../../shared/format";
import { useAppState, useStore } from "./context";
import { SymbolCombobox } from "./SymbolCombobox";

export function Watchlist() {
  const store = useStore();
  const list = useAppState((s) => s.watchlist);
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
      <header className="flex items-center justify-between border-b border-zinc-800 px-2 py-1">
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
        <span className="whitespace-nowrap text-[12px] text-zinc-400">↑/↓ to switch</span>
      </header>
      <div className="grid grid-cols-[1fr_auto_auto_auto_1.25rem] gap-x-2 py-0.5 pl-2 text-[12px] text-zinc-400 uppercase">
        <span>Symbol</span>
        <span className="w-14 text-right">Last</span>
        <span className="w-12 text-right">Chg</span>
        <span className="w-12 text-right">%</span>
        <span aria-hidden="true" />
      </div>
      <ul aria-label="Watchlist symbols" className="min-h-0 flex-1 overflow-y-auto">
        {list.map((q) => {
          const active = q.symbol === selected;
          return (
            <li
              key={q.symbol}
              id={`watch-row-${q.symbol}`}
              data-testid={`watch-row-${q.symbol}`}
              aria-current={active ? "true" : undefined}
              className={`group flex items-stretch border-l-2 ${
                active ? "border-sky-400 bg-zinc-800/70" : "border-transparent hover:bg-zinc-900"
              }`}
            >
              <button
                type="button"
                onClick={() => store.select(q.symbol)}
                className="grid min-w-0 flex-1 grid-cols-[1fr_auto_auto_auto] items-baseline gap-x-2 py-1 pl-2 text-left font-mono text-xs focus-visible:outline focus-visible:outline-sky-400"
              >
                <span className="font-sans font-semibold text-zinc-100">{q.symbol}</span>
                <span
                  className={`w-14 text-right tabular-nums ${
                    q.tick > 0 ? "text-emerald-300" : q.tick < 0 ? "text-rose-300" : "text-zinc-200"
                  }`}
                  data-testid={`watch-last-${q.symbol}`}
                  data-price
                >
                  {fmtPrice(q.last)}
                </span>
                <span data-price className={`w-12 text-right tabular-nums ${tone(q.change)}`}>
                  {fmtChange(q.change)}
                </span>
                <span data-price className={`w-12 text-right tabular-nums ${tone(q.changePct)}`}>
                  {fmtPct(q.changePct)}
                </span>
              </button>
              <button
                type="button"
                onClick={() => void store.removeSymbol(q.symbol)}
                aria-label={`Remove ${q.symbol} from the watchlist`}
                title={`Remove ${q.symbol}`}
                className="ml-2 w-5 shrink-0 rounded text-xs text-zinc-400 opacity-0 group-hover:opacity-100 hover:text-rose-400 focus:opacity-100 focus-visible:outline focus-visible:outline-sky-400"
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
