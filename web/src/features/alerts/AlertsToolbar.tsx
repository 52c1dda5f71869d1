import { type AlertMute, type FeedFilter, remaining } from "./feedState";

export interface RuleChoice {
  id: number;
  name: string;
}

interface Props {
  filter: FeedFilter;
  onFilter: (f: FeedFilter) => void;
  symbols: readonly string[];
  rules: readonly RuleChoice[];
  unacked: number;
  onAckAll: () => void;
  onClear: () => void;
  canClear: boolean;
  mutes: readonly AlertMute[];
  ruleName: (id: string) => string;
  onUnmute: (m: AlertMute) => void;
  muted: number;
  showMuted: boolean;
  onShowMuted: (on: boolean) => void;
  /** The wall clock the mutes run on. */
  now: number;
}

const SELECT =
  "min-w-0 rounded border border-zinc-700 bg-zinc-900 px-1 py-0.5 text-[12px] text-zinc-200 focus:border-sky-500 focus:outline-none";
const BUTTON =
  "whitespace-nowrap rounded border border-zinc-700 px-1.5 py-0.5 text-[12px] text-zinc-300 hover:bg-zinc-800 disabled:opacity-40";

/** The feed's filters (symbol, rule, direction), "ack all", "clear", and the active mutes. */
export function AlertsToolbar(p: Props) {
  const set = (patch: Partial<FeedFilter>) => p.onFilter({ ...p.filter, ...patch });
  return (
    <div data-testid="alerts-toolbar" className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1">
        <select
          aria-label="Filter by symbol"
          data-testid="alerts-filter-symbol"
          value={p.filter.symbol ?? ""}
          onChange={(e) => set({ symbol: e.target.value || null })}
          className={SELECT}
        >
          <option value="">All symbols</option>
          {p.symbols.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by rule"
          data-testid="alerts-filter-rule"
          value={p.filter.ruleId ?? ""}
          onChange={(e) => set({ ruleId: e.target.value ? Number(e.target.value) : null })}
          className={`${SELECT} max-w-32`}
        >
          <option value="">All rules</option>
          {p.rules.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by direction"
          data-testid="alerts-filter-direction"
          value={p.filter.direction ?? ""}
          onChange={(e) => set({ direction: e.target.value || null })}
          className={SELECT}
        >
          <option value="">Any side</option>
          <option value="long">Long</option>
          <option value="short">Short</option>
          <option value="neutral">Neutral</option>
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <span data-testid="alerts-unacked" className="text-[12px] text-zinc-300">
          {p.unacked > 0 ? `${p.unacked} new` : "All seen"}
        </span>
        <button
          type="button"
          data-testid="alerts-ack-all"
          onClick={p.onAckAll}
          disabled={p.unacked === 0}
          className={BUTTON}
        >
          Ack all
        </button>
        <button
          type="button"
          data-testid="alerts-clear"
          onClick={p.onClear}
          disabled={!p.canClear}
          className={BUTTON}
        >
          Clear
        </button>
        {p.muted > 0 && (
          <label className="flex items-center gap-1 text-[12px] text-zinc-400">
            <input
              type="checkbox"
              data-testid="alerts-show-muted"
              checked={p.showMuted}
              onChange={(e) => p.onShowMuted(e.target.checked)}
              className="accent-sky-500"
            />
            Show {p.muted} muted
          </label>
        )}
      </div>
      {p.mutes.length > 0 && (
        <ul aria-label="Muted" className="flex flex-wrap gap-1">
          {p.mutes.map((m) => (
            <li
              key={`${m.kind}-${m.key}`}
              data-testid={`alerts-mute-${m.kind}-${m.key}`}
              className="flex items-center gap-1 rounded bg-zinc-800 px-1.5 text-[12px] text-zinc-300"
            >
              {m.kind === "rule" ? p.ruleName(m.key) : m.key} muted · {remaining(m.until_ms, p.now)}
              <button
                type="button"
                aria-label={`Unmute ${m.kind === "rule" ? p.ruleName(m.key) : m.key}`}
                onClick={() => p.onUnmute(m)}
                className="text-zinc-400 hover:text-zinc-100"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
