import { forwardRef, type KeyboardEvent, useState } from "react";
import { useAppState, useStore } from "./context";

interface Props {
  value: string;
  onChange: (v: string) => void;
}

/** Type-to-jump symbol box. Enter selects the symbol, adding it to the watchlist if needed. */
export const SymbolJump = forwardRef<HTMLInputElement, Props>(function SymbolJump({ value, onChange }, ref) {
  const store = useStore();
  const list = useAppState((s) => s.watchlist);
  const [busy, setBusy] = useState(false);
  const sym = value.trim().toUpperCase();
  const matches = sym ? list.filter((q) => q.symbol.startsWith(sym)).map((q) => q.symbol) : [];
  const exact = list.some((q) => q.symbol === sym);

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      onChange("");
      e.currentTarget.blur();
      return;
    }
    if (e.key !== "Enter" || !sym) return;
    e.preventDefault();
    const target = exact ? sym : matches.length === 1 ? (matches[0] as string) : sym;
    const input = e.currentTarget;
    if (list.some((q) => q.symbol === target)) {
      store.select(target);
    } else {
      setBusy(true);
      await store.addSymbol(target);
      setBusy(false);
    }
    onChange("");
    input.blur();
  };

  const hint = !sym
    ? ""
    : exact || matches.length === 1
      ? `Enter: go to ${exact ? sym : matches[0]}`
      : `Enter: add ${sym}`;

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
        onChange={(e) => onChange(e.target.value.toUpperCase().replace(/[^A-Z0-9.-]/g, ""))}
        onKeyDown={(e) => void onKeyDown(e)}
        placeholder="Type a symbol…"
        maxLength={12}
        autoComplete="off"
        spellCheck={false}
        disabled={busy}
        aria-describedby="symbol-jump-hint"
        className="w-24 min-w-0 rounded border border-zinc-700 bg-zinc-900 px-2 py-0.5 font-mono sm:w-40 text-xs text-zinc-100 placeholder:text-zinc-500 focus:border-sky-500 focus:outline-none"
      />
      <span id="symbol-jump-hint" className="ml-2 text-[11px] text-zinc-400" aria-live="polite">
        {hint}
      </span>
    </div>
  );
});
