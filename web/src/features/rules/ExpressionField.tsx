import { useEffect, useId, useState } from "react";
import type { ValidateResponse } from "../../shared/api/types";
import { validateExpression } from "./api";
import { caretLine } from "./params";

export type Validation =
  | { status: "empty" }
  | { status: "checking" }
  | { status: "done"; result: ValidateResponse }
  | { status: "failed"; message: string };

const DEBOUNCE_MS = 250;

/** Validate `expression` on the server as the user types (debounced; stale answers dropped). */
export function useValidation(expression: string, symbol: string | null = null): Validation {
  const [state, setState] = useState<Validation>({ status: "empty" });
  useEffect(() => {
    if (!expression.trim()) {
      setState({ status: "empty" });
      return;
    }
    setState({ status: "checking" });
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      validateExpression(expression, symbol, ctl.signal).then(
        (result) => setState({ status: "done", result }),
        (err: Error) => {
          if (err.name !== "AbortError") setState({ status: "failed", message: err.message });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [expression, symbol]);
  return state;
}

/** The line of `text` holding `position`, and the column in it. */
function errorLine(text: string, position: number): { line: string; column: number } {
  const pos = Math.max(0, Math.min(position, text.length));
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  const end = text.indexOf("\n", pos);
  return { line: text.slice(start, end === -1 ? undefined : end), column: pos - start };
}

export function isValid(v: Validation): boolean {
  return v.status === "done" && v.result.ok;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  validation: Validation;
}

/** The expression input, with the server's verdict and a caret under an error position. */
export function ExpressionField({ value, onChange, validation }: Props) {
  const id = useId();
  const error = validation.status === "done" ? validation.result.error : null;
  const fields = validation.status === "done" ? validation.result.fields : [];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-[12px] text-zinc-400">
        Expression
      </label>
      <textarea
        id={id}
        data-testid="rule-expression"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={2}
        spellCheck={false}
        placeholder="close > vwap and rvol >= 2 and minutes_since_open < 60"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-v`}
        className={`w-full resize-y rounded border bg-zinc-950 px-2 py-1 font-mono text-xs text-zinc-100 outline-none ${
          error ? "border-rose-700" : "border-zinc-700 focus:border-sky-600"
        }`}
      />
      <div
        id={`${id}-v`}
        data-testid="rule-validation"
        data-status={
          validation.status === "done" ? (validation.result.ok ? "ok" : "error") : validation.status
        }
        aria-live="polite"
        className="text-[12px]"
      >
        {validation.status === "checking" && <span className="text-zinc-400">Checking…</span>}
        {validation.status === "failed" && (
          <span className="text-rose-300">Could not validate: {validation.message}</span>
        )}
        {validation.status === "done" && validation.result.ok && (
          <span className="text-emerald-400">✓ Valid</span>
        )}
        {error && (
          <div className="flex flex-col gap-0.5">
            <pre className="overflow-x-auto font-mono text-xs leading-tight text-zinc-300" aria-hidden="true">
              {errorLine(value, error.position).line}
              {"\n"}
              <span className="text-rose-400">
                {caretLine(errorLine(value, error.position).line, errorLine(value, error.position).column)}
              </span>
            </pre>
            <span className="text-rose-300">
              {error.message} (at {error.position})
              {error.expected.length > 0 && <> — expected {error.expected.join(", ")}</>}
            </span>
          </div>
        )}
      </div>
      {validation.status === "done" && validation.result.reasons.length > 0 && (
        <p data-testid="rule-cannot-fire" className="text-[11px] leading-snug text-amber-300">
          Cannot fire yet: {validation.result.reasons.join("; ")}
        </p>
      )}
      {fields.length > 0 && (
        <p className="text-[12px] leading-snug text-zinc-400">
          Fields: <span className="font-mono">{fields.join(" ")}</span>
        </p>
      )}
    </div>
  );
}
