// Pure diff between two rule versions: what a trader changed (params, expression, firing mode, frequency,
// cooldown, intrabar). No I/O.
import type { RuleVersion } from "../../shared/api/types";

export interface VersionChange {
  /** `params.<name>` for a parameter, otherwise the version field. */
  field: string;
  from: string;
  to: string;
}

const FIELDS = ["expression", "fire_mode", "frequency", "cooldown_s", "intrabar"] as const;

export function show(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "none";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Changes from `older` to `newer`, parameters first (sorted by name), then the fields. */
export function diffVersions(
  older: Pick<RuleVersion, (typeof FIELDS)[number] | "params">,
  newer: Pick<RuleVersion, (typeof FIELDS)[number] | "params">,
): VersionChange[] {
  const out: VersionChange[] = [];
  const a = (older.params ?? {}) as Record<string, unknown>;
  const b = (newer.params ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    const from = show(a[k]);
    const to = show(b[k]);
    if (from !== to) out.push({ field: `params.${k}`, from, to });
  }
  for (const f of FIELDS) {
    const from = show(older[f]);
    const to = show(newer[f]);
    if (from !== to) out.push({ field: f, from, to });
  }
  return out;
}
