import { keepPreviousData, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { forwardRef, type KeyboardEvent, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { SymbolMatch } from "../../shared/api/types";
import { searchSymbols } from "./api";
import { useAppState, useStore } from "./context";
import { optionLabel, type SymbolOption, symbolOptions } from "./symbolOptions";

/** Typing pause before the server is asked. */
const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_LIMIT = 10;

const symbolSearch = (q: string) =>
  queryOptions({
    queryKey: ["symbols", "search", q] as const,
    queryFn: ({ signal }) => searchSymbols({ q, limit: SEARCH_LIMIT }, signal),
    staleTime: 60_000,
  });

/** The server's search for `typed`, asked once typing pauses. `found`: its results (while
 * they are on the way, the last answer's that still match), null when the server could not
 * be asked; `settled`: `found` is the answer for `typed`; `settle()`: that answer, now. */
function useSymbolSearch(typed: string) {
  const client = useQueryClient();
  const [debounced, setDebounced] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(typed), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    ...symbolSearch(debounced),
    enabled: debounced !== "",
    placeholderData: keepPreviousData,
  });
  const settled = debounced === typed && !query.isPlaceholderData && !query.isPending;
  let found: readonly SymbolMatch[] | null = (query.data ?? []).filter((r) => r.symbol.startsWith(typed));
  if (settled) found = query.isError ? null : (query.data ?? []);
  const settle = (): Promise<readonly SymbolMatch[] | null> =>
    client.fetchQuery(symbolSearch(typed)).catch(() => null);
  return { found, settled, settle };
}

interface Props {
  /** The input's id; the listbox is `${id}-options`. */
  id: string;
  /** Prefix of the options' test ids (`${prefix}-go-AAPL`, `${prefix}-add-AAPL`). */
  prefix: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
  /** Enter with nothing to offer (the add box adds the typed text; the server says why not). */
  onNoOption?: (typed: string) => Promise<boolean>;
  /** Open the options above the box (it sits at the bottom of its panel). */
  up?: boolean;
  /** Classes of the input, and of the box around it and its options. */
  className: string;
  boxClassName?: string;
}

/** A symbol box (an accessible combobox): the watchlist's matches and the server's tickers as
 * options; Enter takes the highlighted one (↑/↓ move), after the search for the text if it
 * is still on the way; Escape clears. */
export const SymbolCombobox = forwardRef<HTMLInputElement, Props>(function SymbolCombobox(
  { id, prefix, label, placeholder, value, onChange, onNoOption, up = false, className, boxClassName = "" },
  ref,
) {
  const store = useStore();
  const list = useAppState((s) => s.watchlist);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // biome-ignore lint/style/noNonNullAssertion: the input is mounted while the handle is used
  useImperativeHandle(ref, () => input.current!, []);
  const typed = value.trim().toUpperCase();
  const watchlist = list.map((q) => q.symbol);
  const search = useSymbolSearch(typed);
  const options = symbolOptions(typed, watchlist, search.found);
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (o: SymbolOption) => `${id}-option-${o.symbol}-${o.add}`;
  const listId = `${id}-options`;

  const take = async (option: SymbolOption | undefined): Promise<boolean> => {
    if (!option) return onNoOption ? onNoOption(typed) : false;
    if (option.add) return store.addSymbol(option.symbol);
    store.select(option.symbol);
    return true;
  };

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
    if (e.key !== "Enter" || !typed) return;
    e.preventDefault();
    void finish(async () => {
      const now = search.settled ? options : symbolOptions(typed, watchlist, await search.settle());
      return now[Math.min(active, now.length - 1)];
    });
  };

  /** Take the option `choose` gives (none: `onNoOption`); clear the box when it worked. */
  const finish = async (choose: () => Promise<SymbolOption | undefined>) => {
    setBusy(true);
    const ok = await take(await choose());
    setBusy(false);
    if (!ok) return;
    onChange("");
    setActive(0);
    input.current?.blur();
  };

  const shown = focused && options.length > 0;
  const nothing = focused && search.settled && typed !== "" && options.length === 0;
  const popup = `absolute left-0 z-50 rounded border border-zinc-700 bg-zinc-900 text-xs shadow-xl ${
    up ? "bottom-full mb-1" : "top-full mt-1"
  }`;
  return (
    <div className={`relative flex min-w-0 items-center ${boxClassName}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => {
          setActive(0);
          onChange(e.target.value.toUpperCase().replace(/[^A-Z0-9.-]/g, ""));
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setActive(0);
        }}
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        onKeyDown={(e) => void onKeyDown(e)}
        placeholder={placeholder}
        maxLength={12}
        autoComplete="off"
        spellCheck={false}
        disabled={busy}
        className={className}
      />
      {shown && (
        <div
          id={listId}
          role="listbox"
          aria-label="Symbols"
          data-testid={listId}
          className={`${popup} min-w-40 py-0.5 font-mono`}
        >
          {options.map((o) => (
            <div
              key={optionId(o)}
              id={optionId(o)}
              role="option"
              tabIndex={-1}
              aria-selected={o === current}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the box
                void finish(async () => o);
              }}
              data-testid={`${prefix}-${o.add ? "add" : "go"}-${o.symbol}`}
              className={`whitespace-nowrap px-2 py-0.5 ${o === current ? "bg-sky-700 text-white" : "text-zinc-200"}`}
            >
              {optionLabel(o)}
            </div>
          ))}
        </div>
      )}
      {nothing && (
        <p
          role="status"
          data-testid={`${id}-none`}
          className={`${popup} whitespace-nowrap px-2 py-0.5 text-zinc-300`}
        >
          No ticker matches {typed}
        </p>
      )}
    </div>
  );
});
