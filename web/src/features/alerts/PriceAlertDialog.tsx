import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useFocusTrap } from "../../shared/ui/focusTrap";
import { createRule } from "../rules/api";
import { ruleKeys } from "../rules/queries";
import { describePlan, formatLevel, planPriceAlert, ruleBody } from "./priceAlert";

interface Props {
  symbol: string;
  /** The price under the pointer (or the crosshair's) when it opened. */
  price: number;
  /** The live price, to tell which side of it the level is. */
  last: number | null;
  /** Where it opens, in the chart's pixels. */
  x: number;
  y: number;
  onClose: () => void;
  onCreated: (text: string) => void;
}

/** Right-click (or Alt+A) on the chart: set a price alert at the level, editable first. */
export function PriceAlertDialog({ symbol, price, last, x, y, onClose, onCreated }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useFocusTrap(ref);
  const qc = useQueryClient();
  const [text, setText] = useState(formatLevel(planPriceAlert(symbol, price, last).price));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const level = Number(text);
  const valid = text.trim() !== "" && Number.isFinite(level) && level > 0;
  const plan = valid ? planPriceAlert(symbol, level, last) : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!plan || busy) return;
    setBusy(true);
    setError(null);
    try {
      const rule = await createRule(ruleBody(plan, last));
      await qc.invalidateQueries({ queryKey: ruleKeys.list() });
      onCreated(`Price alert set: ${describePlan(plan)} (in Rules as “${rule.name}”).`);
      onClose();
    } catch (err) {
      setError(`Could not set the alert: ${(err as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <form
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label={`Price alert on ${symbol}`}
      data-testid="price-alert"
      onSubmit={(e) => void submit(e)}
      style={{ left: Math.max(8, x - 120), top: Math.max(8, y - 20) }}
      className="absolute z-30 w-64 rounded border border-zinc-700 bg-zinc-900 p-2 text-xs text-zinc-200 shadow-2xl"
    >
      <div className="mb-1 font-semibold text-zinc-100">Price alert · {symbol}</div>
      <label className="flex items-center gap-2">
        <span className="text-zinc-400">Level</span>
        <input
          data-testid="price-alert-level"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value.replace(/[^0-9.]/g, ""))}
          className="w-24 rounded border border-zinc-700 bg-zinc-950 px-1.5 py-0.5 font-mono text-zinc-100 focus:border-sky-500 focus:outline-none"
        />
        {last !== null && <span className="text-zinc-400">now {formatLevel(last)}</span>}
      </label>
      <p data-testid="price-alert-plan" className="mt-1 text-zinc-300">
        {plan ? `${describePlan(plan)}.` : "Enter a price above 0."}
      </p>
      {error && (
        <p role="alert" className="mt-1 text-rose-300">
          {error}
        </p>
      )}
      <div className="mt-2 flex justify-end gap-1">
        <button
          type="button"
          onClick={onClose}
          className="rounded border border-zinc-700 px-2 py-0.5 text-zinc-300 hover:bg-zinc-800"
        >
          Cancel
        </button>
        <button
          type="submit"
          data-testid="price-alert-create"
          disabled={!plan || busy}
          className="rounded bg-sky-700 px-2 py-0.5 font-medium text-white hover:bg-sky-600 disabled:opacity-40"
        >
          Set alert
        </button>
      </div>
    </form>
  );
}
