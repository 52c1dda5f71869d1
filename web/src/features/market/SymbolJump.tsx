import { forwardRef } from "react";
import { SymbolCombobox } from "./SymbolCombobox";

interface Props {
  value: string;
  onChange: (v: string) => void;
}

/** Type-to-jump symbol box in the header: go to a watchlist symbol or add a found ticker. */
export const SymbolJump = forwardRef<HTMLInputElement, Props>(function SymbolJump({ value, onChange }, ref) {
  return (
    <SymbolCombobox
      ref={ref}
      id="symbol-jump"
      prefix="jump"
      label="Jump to symbol"
      placeholder="Type a symbol…"
      value={value}
      onChange={onChange}
      className="w-24 min-w-0 rounded border border-zinc-700 bg-zinc-900 px-2 py-0.5 font-mono sm:w-40 text-xs text-zinc-100 placeholder:text-zinc-400 focus:border-sky-500 focus:outline-none"
    />
  );
});
