import { Fragment, useCallback, useEffect, useState } from "react";
import { http } from "../../shared/api/http";
import type { JournalStats, JournalTrade, Recap } from "../../shared/api/types";
import { Page } from "../../shared/ui/Page";
import { EntriesView } from "./EntriesView";
import { ImportBox } from "./ImportBox";
import { StatsView } from "./StatsView";

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString("en-US", {
    timeZone: "America/New_York",
    hour12: false,
    hour: "2-digit",
    minute: "2-digit",
  });

/** The journal page (`/journal`): import, trades with every execution, stats and the
 * calendar, notes with search, the daily recap. */
export function JournalPage() {
  const [trades, setTrades] = useState<JournalTrade[]>([]);
  const [stats, setStats] = useState<JournalStats | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [recap, setRecap] = useState<Recap | null>(null);

  const load = useCallback(async () => {
    const [t, s] = await Promise.all([
      http.get<{ trades: JournalTrade[] }>("/api/journal/trades"),
      http.get<JournalStats>("/api/journal/stats"),
    ]);
    setTrades(t.trades);
    setStats(s);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function showRecap(day: string) {
    setRecap(await http.get<Recap>("/api/journal/recap", { query: { date: day } }));
  }

  return (
    <Page testId="page-journal" title="Journal">
      <div className="space-y-3">
        <ImportBox onImported={() => void load()} />
        {stats && <StatsView stats={stats} />}
        <section data-testid="journal-trades" className="rounded border border-zinc-800 p-3 text-xs">
          <h3 className="mb-2 text-sm font-semibold">Trades</h3>
          {trades.length === 0 && <p className="text-zinc-400">No trades yet: import a CSV.</p>}
          <table className="w-full">
            <tbody>
              {trades.map((t) => (
                <Fragment key={t.id}>
                  <tr
                    data-testid="trade-row"
                    className="cursor-pointer hover:bg-zinc-900"
                    onClick={() => setOpen(open === t.id ? null : t.id)}
                  >
                    <td>{t.day}</td>
                    <td>{time(t.opened_ms)}</td>
                    <td className="font-semibold">{t.symbol}</td>
                    <td>{t.direction}</td>
                    <td>{t.entry_quantity}</td>
                    <td>{Number(t.entry_vwap).toFixed(2)}</td>
                    <td>{t.exit_vwap === null ? "open" : Number(t.exit_vwap).toFixed(2)}</td>
                    <td className={Number(t.net_pnl) >= 0 ? "text-emerald-400" : "text-red-400"}>
                      {Number(t.net_pnl).toFixed(2)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="text-sky-400"
                        onClick={(e) => {
                          e.stopPropagation();
                          void showRecap(t.day);
                        }}
                      >
                        recap
                      </button>
                    </td>
                  </tr>
                  {open === t.id && (
                    <tr>
                      <td colSpan={9}>
                        <ul data-testid="trade-executions" className="ml-4 text-zinc-400">
                          {t.legs.map((g) => (
                            <li key={`${g.execution_id}-${g.role}`} data-testid="execution">
                              {time(g.ts_ms)} {g.role} {g.quantity} @ {g.price}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </section>
        <EntriesView />
        {recap && (
          <section data-testid="journal-recap" className="rounded border border-zinc-800 p-3 text-xs">
            <a className="text-sky-400" href={`/api/journal/recap?date=${recap.day}&format=md`}>
              Download Markdown
            </a>
            <pre className="mt-2 whitespace-pre-wrap">{recap.markdown}</pre>
          </section>
        )}
      </div>
    </Page>
  );
}
