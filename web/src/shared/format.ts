const price = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedPrice = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: "exceptZero",
});
const pct = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: "exceptZero",
});
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

export const fmtPrice = (v: number | null | undefined): string => (v == null ? "—" : price.format(v));
export const fmtChange = (v: number | null | undefined): string => (v == null ? "—" : signedPrice.format(v));
export const fmtPct = (v: number | null | undefined): string => (v == null ? "—" : `${pct.format(v)}%`);
export const fmtVolume = (v: number | null | undefined): string => (v == null ? "—" : compact.format(v));

export function fmtLag(ms: number | null): string {
  if (ms == null) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** A wall-clock age for people: "8 s", "3 min", "2 h 5 min". */
export function fmtAge(ms: number | null): string {
  if (ms == null) return "";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Tailwind text colour for a signed value. */
export function tone(v: number | null | undefined): string {
  if (v == null || v === 0) return "text-zinc-400";
  return v > 0 ? "text-emerald-400" : "text-rose-400";
}
