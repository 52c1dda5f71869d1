import { useEffect, useState } from "react";
import { http } from "../../shared/api/http";
import type { JournalStats } from "../../shared/api/types";

/** The Journal panel of the dashboard: today's (New York) trades and net P&L. */
export function JournalPanel() {
  const [stats, setStats] = useState<JournalStats | null>(null);
  useEffect(() => {
    const day = new Date().toLocaleDateString("en-CA", { timeZone: "America/New_York" });
    http
      .get<JournalStats>("/api/journal/stats", { query: { from: day, to: day } })
      .then(setStats)
      .catch(() => setStats(null));
  }, []);
  if (!stats)
    return <p className="text-xs text-zinc-500">Journal: import fills or write a note on its page.</p>;
  return (
    <p data-testid="journal-today" className="text-xs text-zinc-300">
      Today: {stats.trades} trades, net {Number(stats.net_pnl).toFixed(2)}
    </p>
  );
}
