import { forwardRef, type KeyboardEvent, useState } from "react";
import { useAppState, useStore } from "./context";

interface Props {
  value: string;
  onChange: (v: string) => void;
}

export interface JumpOption {
  symbol: string;
  /** true: add the typed symbol to the watchlist; false: go to a watchlist symbol. */
  add: boolean;
}

/** What the jump box offers for the typed text: the exact symbol first, then the watchlist
 * symbols it starts, then (when no watchlist symbol is exactly it) adding it. "A" with
 * AAPL and AMD in the watchlist offers AAPL, AMD, then "add A" last: Enter never adds a
 * prefix by surprise. */
export function jumpOptions(typed: string, watchlist: readonly string[]): JumpOption[] {
  if (!typed) return [];
  const exact = watchlist.includes(typed);
  const starts = watchlist.filter((s) => s !== typed && s.startsWith(typed));
  return [
    ...(exact ? [{ symbol: typed, add: false }] : []),
    ...starts.map((symbol) => ({ symbol, add: false })),
    ...(exact ? [] : [{ symbol: typed, add: true }]),
  ];
}

/** Type-to-jump symbol box (a combobox): Enter takes the highlighted option (↑/↓ move). */
export const SymbolJump = forwardRef<HTMLInputElement, Props>(function SymbolJump({ value, onChange }, ref) {
  const store = useStore();
  const list = useAppState((s) => s.watchlist);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const sym = value.trim().toUpperCase();
  const options = jumpOptions(
    sym,
    list.map((q) => q.symbol),
  );
  const current = options[Math.min(active, options.length - 1)];

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      onChange("");
      e.currentTarget.blur();
      return;
    }
    if ((e.key === "ArrowDown" || e.key === "ArrowUp") && options.length > 0) {
      e.preventDefault();
      e.stopPropagation();
      const n = options.length;
      setActive((i) => (Math.min(i, n - 1) + (e.key === "ArrowDown" ? 1 : -1) + n) % n);
      return;
    }
    if (e.key !== "Enter" || !current) return;
    e.preventDefault();
    const input = e.currentTarget;
    if (current.add) {
      setBusy(true);
      await store.addSymbol(current.symbol);
      setBusy(false);
    } else {
      store.select(current.symbol);
    }
    onChange("");
    setActive(0);
    input.blur();
  };

  return (
    <div className="relative flex min-w-0 items-center">
      <label htmlFor="symbol-jump" className="sr-only">
        Jump to symbol
      </label>
      <input
        ref={ref}
        id="symbol-jump"
        data-testid="symbol-jump"
        value={value}
        onChange={(e) => {
          setActive(0);
          onChange(e.target.value.toUpperCase().replace(/[^A-Z0-9.-]/g, ""));
        }}
        onBlur={() => setActive(0)}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls="symbol-jump-options"
        aria-autocomplete="list"
        aria-activedescendant={current ? `jump-option-${current.symbol}-${current.add}` : undefined}
        onKeyDown={(e) => void onKeyDown(e)}
        placeholder="Type a symbol…"
        maxLength={12}
        autoComplete="off"
        spellCheck={false}
        disabled={busy}
        className="w-24 min-w-0 rounded border border-zinc-700 bg-zinc-900 px-2 py-0.5 font-mono sm:w-40 text-xs text-zinc-100 placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none"
      />
      {options.length > 0 && (
        <div
          id="symbol-jump-options"
          role="listbox"
          aria-label="Symbols"
          data-testid="symbol-jump-options"
          className="absolute top-full left-0 z-50 mt-1 min-w-40 rounded border border-zinc-700 bg-zinc-900 py-0.5 font-mono text-xs shadow-xl"
        >
          {options.map((o) => (
            <div
              key={`${o.symbol}-${o.add}`}
              id={`jump-option-${o.symbol}-${o.add}`}
              role="option"
              tabIndex={-1}
              aria-selected={o === current}
              data-testid={o.add ? `jump-add-${o.symbol}` : `jump-go-${o.symbol}`}
              className={`whitespace-nowrap px-2 py-0.5 ${o === current ? "bg-sky-700 text-white" : "text-zinc-200"}`}
            >
              {o.add ? `Add ${o.symbol} to the watchlist` : `Go to ${o.symbol}`}
            </div>
          ))}
        </div>
      )}
    </div>
  );
});
