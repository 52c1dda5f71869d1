import type { JournalStats } from "../../shared/api/types";

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(0)}%`);
const num = (v: string | number | null) => (v === null ? "–" : Number(v).toFixed(2));

/** Stat tiles, the calendar of New York days and the equity curve. */
export function StatsView({ stats }: { stats: JournalStats }) {
  const tiles: [string, string][] = [
    ["trades", String(stats.trades)],
    ["win rate", pct(stats.win_rate)],
    ["net P&L", num(stats.net_pnl)],
    ["avg win", num(stats.avg_win)],
    ["avg loss", num(stats.avg_loss)],
    ["expectancy", num(stats.expectancy)],
    ["profit factor", num(stats.profit_factor)],
    ["avg R", num(stats.avg_r)],
  ];
  const points = stats.equity.map((p) => Number(p.equity));
  const lo = Math.min(0, ...points);
  const hi = Math.max(0, ...points);
  const span = hi - lo || 1;
  const path = points
    .map((v, i) => `${(i / Math.max(1, points.length - 1)) * 300},${60 - ((v - lo) / span) * 60}`)
    .join(" ");
  return (
    <section data-testid="journal-stats" className="rounded border border-zinc-800 p-3">
      <div className="grid grid-cols-4 gap-2 text-xs">
        {tiles.map(([k, v]) => (
          <div key={k} className="rounded bg-zinc-900 p-2">
            <div className="text-zinc-400">{k}</div>
            <div data-testid={`stat-${k.replace(/\W+/g, "-")}`} className="text-sm text-zinc-100">
              {v}
            </div>
          </div>
        ))}
      </div>
      <h4 className="mt-3 text-xs text-zinc-400">P&amp;L by New York day</h4>
      <div data-testid="journal-calendar" className="mt-1 flex flex-wrap gap-1">
        {stats.by_day.map((d) => (
          <div
            key={d.key}
            data-testid="calendar-day"
            title={`${d.key}: ${d.trades} trades`}
            className={`rounded px-2 py-1 text-xs ${Number(d.net_pnl) >= 0 ? "bg-emerald-900 text-emerald-200" : "bg-red-900 text-red-200"}`}
          >
            {d.key.slice(5)} {num(d.net_pnl)}
          </div>
        ))}
      </div>
      <h4 className="mt-3 text-xs text-zinc-400">Equity curve</h4>
      <svg
        data-testid="equity-curve"
        viewBox="0 0 300 60"
        className="h-16 w-full"
        role="img"
        aria-label="equity curve"
      >
        <polyline points={path} fill="none" stroke="#38bdf8" strokeWidth="1.5" />
      </svg>
    </section>
  );
}
