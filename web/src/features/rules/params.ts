// Pure helpers for the rules browser: parameter inputs, overrides, symbol scope, caret line.
import type { ParamSpec } from "../../shared/api/types";

export type ParamValue = string | number | boolean;

export type ParamField = { spec?: ParamSpec } & (
  | { name: string; kind: "number"; value: number }
  | { name: string; kind: "boolean"; value: boolean }
  | { name: string; kind: "enum"; value: string | number; options: readonly (string | number)[] }
  | { name: string; kind: "text"; value: string }
  | { name: string; kind: "other"; value: unknown }
);

/** Choices of parameters as the server declares them: the built-ins' opening-range minutes,
 * touch/close confirmation and side; a custom rule's direction (the only parameter it takes). The Rule payload carries only current values; if
 * it ever carries the choices, use those instead. A value outside its list falls back to text. */
export const KNOWN_CHOICES: Record<string, readonly (string | number)[]> = {
  minutes: [5, 15, 30],
  confirmation: ["touch", "close"],
  side: ["long", "short", "both"],
  direction: ["long", "short", "neutral"],
};

export const DIRECTIONS = ["neutral", "long", "short"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Input fields for a rule's parameters, sorted by name; with the server's schema, each
 * field carries its spec (label, unit, help, range) and its choices come from it. */
export function paramFields(
  params: Record<string, unknown>,
  schema: readonly ParamSpec[] = [],
): ParamField[] {
  return Object.keys(params)
    .sort()
    .map((name): ParamField => {
      const spec = schema.find((s) => s.name === name);
      const field = plainField(name, params[name], (spec?.choices as (string | number)[] | null) ?? null);
      return spec ? { ...field, spec } : field;
    });
}

function plainField(name: string, value: unknown, declared: (string | number)[] | null): ParamField {
  const choices = declared ?? KNOWN_CHOICES[name];
  if ((typeof value === "string" || typeof value === "number") && choices?.includes(value)) {
    return { name, kind: "enum", value, options: choices };
  }
  if (typeof value === "number") return { name, kind: "number", value };
  if (typeof value === "boolean") return { name, kind: "boolean", value };
  if (typeof value === "string") return { name, kind: "text", value };
  return { name, kind: "other", value };
}

/** The entries of `edited` that differ from `base` (what a user override must carry). */
export function overrides<V>(base: Record<string, unknown>, edited: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of Object.entries(edited)) {
    if (JSON.stringify(base[k]) !== JSON.stringify(v)) out[k] = v;
  }
  return out;
}

/** "AAPL, nvda ,," → ["AAPL","NVDA"]; empty → null (every symbol). */
export function parseSymbols(text: string): string[] | null {
  const list = [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  return list.length > 0 ? list : null;
}

/** The line under an expression pointing at `position` (0-based, clamped to the end). */
export function caretLine(expression: string, position: number): string {
  const at = Math.max(0, Math.min(position, expression.length));
  // Tabs keep their width so the caret lines up under monospace text.
  return `${expression.slice(0, at).replace(/[^\t]/g, " ")}^`;
}
