import { useState } from "react";
import type { BacktestResponse, Frequency, Rule, RuleVersion, Signal } from "../../shared/api/types";
import { browserAnnouncer, TONES, type Tone } from "../alerts/announce";
import { useAlertsState } from "../alerts/context";
import { diffVersions } from "../alerts/diff";
import { usePreferences } from "../alerts/notifyPrefs";
import { useAppState, useStore } from "../market/context";
import { formatNyDateTime } from "../market/time";
import { ExpressionField, isValid, useValidation } from "./ExpressionField";
import { overrides, type ParamField, type ParamValue, paramFields, parseSymbols } from "./params";
import {
  useBacktest,
  useCreateVersion,
  useDeleteRule,
  useDuplicateRule,
  useReadiness,
  useResumeRule,
  useRevertRule,
  useSaveSettings,
  useVersions,
} from "./queries";
import { FireModeField, FREQUENCIES, FrequencyFields } from "./RuleEditor";

type Tab = "params" | "versions" | "backtest";

const input =
  "rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-xs text-zinc-100 outline-none focus:border-sky-600";
const button =
  "rounded border border-zinc-700 px-2 py-0.5 text-xs text-zinc-200 hover:border-sky-600 disabled:opacity-40";

export function RuleDetails({ rule }: { rule: Rule }) {
  const [tab, setTab] = useState<Tab>("params");
  return (
    <div className="flex flex-col gap-3" data-testid={`rule-details-${rule.id}`}>
      <p className="text-xs leading-relaxed text-zinc-400">
        {rule.description}
        <span className="ml-1 text-zinc-400">
          ({rule.kind === "builtin" ? `built-in ${rule.builtin ?? ""}` : "custom"}, version{" "}
          {rule.version.version})
        </span>
      </p>
      {rule.kind === "custom" && <CustomActions rule={rule} />}
      <ReadinessNote rule={rule} />
      {rule.paused_reason && <PausedBanner rule={rule} reason={rule.paused_reason} />}
      <div role="tablist" className="flex gap-1 border-b border-zinc-800">
        {(
          [
            ["params", "Parameters"],
            ["versions", "Versions"],
            ["backtest", "Backtest"],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            data-testid={`rule-tab-${id}`}
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-2 py-1 text-xs ${
              tab === id
                ? "border-sky-500 text-zinc-100"
                : "border-transparent text-zinc-400 hover:text-zinc-200"
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === "params" && <ParamsTab key={`${rule.id}:${rule.version.version}`} rule={rule} />}
      {tab === "versions" && <VersionsTab rule={rule} />}
      {tab === "backtest" && <BacktestTab rule={rule} />}
    </div>
  );
}

/** Why the rule cannot fire yet on the selected symbol (nothing when it can). */
function ReadinessNote({ rule }: { rule: Rule }) {
  const symbol = useAppState((s) => s.selected);
  const reasons = useReadiness(rule.id, symbol).data?.reasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <p data-testid="rule-readiness" className="text-[12px] leading-snug text-amber-300">
      Cannot fire yet on {symbol}: {reasons.join("; ")}
    </p>
  );
}

/** Duplicate or delete a custom rule (deleting keeps its signals for the journal). */
function CustomActions({ rule }: { rule: Rule }) {
  const remove = useDeleteRule(rule.id);
  const copy = useDuplicateRule(rule.id);
  const error = remove.error?.message ?? copy.error?.message ?? null;
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        data-testid="rule-duplicate"
        disabled={copy.isPending}
        onClick={() => copy.mutate()}
        className={button}
      >
        Duplicate
      </button>
      <button
        type="button"
        data-testid="rule-delete"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Delete "${rule.name}"? Its past alerts stay in the feed and journal.`))
            remove.mutate();
        }}
        className={button}
      >
        Delete
      </button>
      {error && <span className="text-[12px] text-rose-300">{error}</span>}
    </div>
  );
}

/** The circuit breaker paused this rule: why, and one click to resume it. */
function PausedBanner({ rule, reason }: { rule: Rule; reason: string }) {
  const resume = useResumeRule(rule.id);
  return (
    <div
      role="alert"
      data-testid="rule-paused"
      className="flex items-center gap-2 rounded border border-amber-700 bg-amber-950/40 px-2 py-1 text-xs text-amber-200"
    >
      <span className="flex-1">{reason}</span>
      <button
        type="button"
        data-testid="rule-resume"
        disabled={resume.isPending}
        onClick={() => resume.mutate()}
        className={button}
      >
        Resume
      </button>
      {resume.error && <span className="text-rose-300">{resume.error.message}</span>}
    </div>
  );
}

// ---- parameters and settings ----------------------------------------------------------------

/** This rule's alert sound for you (stored at once with your preferences), with a preview. */
function RuleSoundField({ ruleId }: { ruleId: Rule["id"] }) {
  const { prefs, save, error } = usePreferences();
  const tone: Tone = prefs?.rule_sounds[String(ruleId)] ?? "chime";
  return (
    <div className="flex items-center gap-2 text-[12px] text-zinc-400">
      <label className="flex items-center gap-2">
        Sound
        <select
          data-testid="rule-sound"
          value={tone}
          disabled={!prefs}
          onChange={(e) => {
            const next = e.target.value as Tone;
            save((p) => {
              const sounds = { ...p.rule_sounds };
              if (next === "chime") delete sounds[String(ruleId)];
              else sounds[String(ruleId)] = next;
              return { rule_sounds: sounds };
            });
          }}
          className={`${input} w-28`}
        >
          {TONES.map((t) => (
            <option key={t.tone} value={t.tone}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="rule-sound-preview"
        disabled={tone === "off"}
        onClick={() => tone !== "off" && browserAnnouncer.chime("neutral", tone)}
        aria-label="Play this sound"
        className={button}
      >
        ▶
      </button>
      {error && <span className="text-rose-300">Not saved: {error.message}</span>}
    </div>
  );
}

function ParamsTab({ rule }: { rule: Rule }) {
  const base: Record<string, ParamValue> = rule.version.params;
  const userOverrides: Record<string, ParamValue> = rule.settings.params ?? {};
  const custom = rule.kind === "custom";
  // A custom rule takes one parameter, its direction (neutral when unset): always offer it.
  const [values, setValues] = useState<Record<string, ParamValue>>({
    ...(custom ? { direction: "neutral" } : {}),
    ...base,
    ...userOverrides,
  });
  const [expression, setExpression] = useState(rule.version.expression ?? "");
  const [frequency, setFrequency] = useState<Frequency>(rule.version.frequency);
  const [cooldown, setCooldown] = useState(rule.version.cooldown_s);
  const [intrabar, setIntrabar] = useState(rule.version.intrabar);
  const [fireMode, setFireMode] = useState(rule.version.fire_mode);
  const [symbols, setSymbols] = useState((rule.settings.symbols ?? []).join(", "));
  const [myCooldown, setMyCooldown] = useState<number | null>(rule.settings.cooldown_s);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const validation = useValidation(
    custom ? expression : "",
    useAppState((s) => s.selected),
  );
  const saveSettings = useSaveSettings(rule.id);
  const createVersion = useCreateVersion(rule.id);
  // Each resolves once the list (and the versions) are fetched again.
  const saving = saveSettings.isPending || createVersion.isPending;

  const run = async (what: string, fn: () => Promise<unknown>) => {
    setStatus(null);
    try {
      await fn();
      setStatus({ ok: true, text: what });
    } catch (err) {
      setStatus({ ok: false, text: (err as Error).message });
    }
  };

  const saveForMe = () =>
    run("Saved for you", () =>
      saveSettings.mutateAsync({
        enabled: rule.settings.enabled,
        params: overrides(base, values),
        symbols: parseSymbols(symbols),
        cooldown_s: myCooldown,
        expires_at_ms: rule.settings.expires_at_ms,
      }),
    );

  const saveVersion = () =>
    run("New version saved", () =>
      createVersion.mutateAsync({
        params: values,
        expression: custom ? expression : null, // null keeps the current one
        frequency,
        cooldown_s: cooldown,
        intrabar,
        note: note.trim() || null,
        fire_mode: custom ? fireMode : null,
      }),
    );

  const fields = paramFields(values, rule.params_schema);
  return (
    <div className="flex flex-col gap-3" data-testid="rule-params">
      {fields.length > 0 && (
        <div className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1.5">
          {fields.map((f) => (
            <ParamInput
              key={f.name}
              field={f}
              onChange={(v) => setValues((vs) => ({ ...vs, [f.name]: v }))}
            />
          ))}
        </div>
      )}
      {fields.length === 0 && !custom && (
        <p className="text-xs text-zinc-400">This rule has no parameters.</p>
      )}
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Symbols (empty = every symbol on the watchlist)
        <input
          data-testid="rule-symbols"
          value={symbols}
          onChange={(e) => setSymbols(e.target.value)}
          className={input}
          placeholder="AAPL, NVDA"
        />
      </label>
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Your cooldown (seconds; empty = the rule's {rule.version.cooldown_s} s)
        <input
          data-testid="rule-my-cooldown"
          type="number"
          min={0}
          value={myCooldown ?? ""}
          onChange={(e) => setMyCooldown(e.target.value === "" ? null : Math.max(0, e.target.valueAsNumber))}
          className={`${input} w-28`}
        />
      </label>
      <RuleSoundField ruleId={rule.id} />
      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid="rule-save-mine"
          disabled={saving}
          onClick={() => void saveForMe()}
          className={button}
        >
          Save for me
        </button>
        <span className="text-[12px] text-zinc-400">parameters, symbols and cooldown, only for you</span>
      </div>
      {!custom && (
        <p className="text-[12px] text-zinc-400">
          Built-in rules are shared, read-only templates: your changes above apply to you only.
        </p>
      )}

      {custom && (
        <fieldset className="flex flex-col gap-2 rounded border border-zinc-800 p-2">
          <legend className="px-1 text-[12px] text-zinc-400">New version (shared)</legend>
          <ExpressionField value={expression} onChange={setExpression} validation={validation} />
          <FireModeField value={fireMode} onChange={setFireMode} />
          <FrequencyFields
            frequency={frequency}
            cooldown={cooldown}
            intrabar={intrabar}
            onFrequency={setFrequency}
            onCooldown={setCooldown}
            onIntrabar={setIntrabar}
          />
          <input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className={input}
            placeholder="Note (what changed and why)"
          />
          <button
            type="button"
            data-testid="rule-save-version"
            disabled={saving || (custom && !isValid(validation))}
            onClick={() => void saveVersion()}
            className={`${button} self-start`}
          >
            Save as version {rule.version.version + 1}
          </button>
        </fieldset>
      )}
      {status && (
        <p role="status" className={`text-[12px] ${status.ok ? "text-emerald-400" : "text-rose-300"}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}

function ParamInput({ field, onChange }: { field: ParamField; onChange: (v: ParamValue) => void }) {
  const spec = field.spec;
  const label = (
    <label
      htmlFor={`param-${field.name}`}
      title={spec?.help}
      data-testid={`param-label-${field.name}`}
      className="text-[12px] text-zinc-400"
    >
      {spec?.label ?? field.name}
      {spec?.unit ? ` (${spec.unit})` : ""}
      {spec?.help && <span className="block text-[12px] text-zinc-400">{spec.help}</span>}
    </label>
  );
  const common = { id: `param-${field.name}`, "data-testid": `param-${field.name}` };
  switch (field.kind) {
    case "number":
      return (
        <>
          {label}
          <input
            {...common}
            type="number"
            step="any"
            min={spec?.minimum ?? undefined}
            max={spec?.maximum ?? undefined}
            value={field.value}
            onChange={(e) => {
              const n = e.target.valueAsNumber;
              if (Number.isFinite(n)) onChange(n);
            }}
            className={`${input} w-28`}
          />
        </>
      );
    case "boolean":
      return (
        <>
          {label}
          <input
            {...common}
            type="checkbox"
            checked={field.value}
            onChange={(e) => onChange(e.target.checked)}
            className="justify-self-start accent-sky-500"
          />
        </>
      );
    case "enum":
      return (
        <>
          {label}
          <select
            {...common}
            value={String(field.value)}
            onChange={(e) => {
              const opt = field.options.find((o) => String(o) === e.target.value);
              if (opt !== undefined) onChange(opt);
            }}
            className={`${input} w-28`}
          >
            {field.options.map((o) => (
              <option key={String(o)} value={String(o)}>
                {String(o)}
              </option>
            ))}
          </select>
        </>
      );
    case "text":
      return (
        <>
          {label}
          <input
            {...common}
            value={field.value}
            onChange={(e) => onChange(e.target.value)}
            className={input}
          />
        </>
      );
    default:
      return (
        <>
          {label}
          <code className="text-[12px] text-zinc-400">{JSON.stringify(field.value)}</code>
        </>
      );
  }
}

// ---- versions: history, diff, revert ----------------------------------------------------------

function freqLabel(f: Frequency): string {
  return FREQUENCIES.find((x) => x.value === f)?.label ?? f;
}

function VersionsTab({ rule }: { rule: Rule }) {
  const query = useVersions(rule.id);
  const revertTo = useRevertRule(rule.id);
  // The pair picked by the user; null = the newest two (again after each revert).
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const versions: RuleVersion[] | null = query.data ?? null;
  const error = query.error?.message ?? revertTo.error?.message ?? null;
  const busy = revertTo.isPending;
  const [newest, prev] = versions ?? [];
  const compare: [number, number] | null = picked ?? (newest && prev ? [prev.version, newest.version] : null);

  const revert = async (version: number) => {
    try {
      await revertTo.mutateAsync(version);
      setPicked(null);
    } catch {
      // shown from revertTo.error
    }
  };

  if (error) return <p className="text-xs text-rose-300">{error}</p>;
  if (!versions) return <p className="text-xs text-zinc-400">Loading versions…</p>;
  const older = versions.find((v) => v.version === compare?.[0]);
  const newer = versions.find((v) => v.version === compare?.[1]);
  const changes = older && newer ? diffVersions(older, newer) : [];
  const current = versions[0]?.version;

  return (
    <div className="flex flex-col gap-3" data-testid="rule-versions">
      <table className="w-full text-left text-xs">
        <thead className="text-[12px] text-zinc-400">
          <tr>
            <th className="pr-3 font-normal">from</th>
            <th className="pr-3 font-normal">to</th>
            <th className="pr-3 font-normal">version</th>
            <th className="pr-3 font-normal">created (ET)</th>
            <th className="font-normal">
              <span className="sr-only">revert</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid={`rule-version-${v.version}`} className="align-top">
              <td>
                <input
                  type="radio"
                  name="diff-from"
                  aria-label={`compare from v${v.version}`}
                  checked={compare?.[0] === v.version}
                  onChange={() => setPicked([v.version, compare?.[1] ?? v.version])}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="diff-to"
                  aria-label={`compare to v${v.version}`}
                  checked={compare?.[1] === v.version}
                  onChange={() => setPicked([compare?.[0] ?? v.version, v.version])}
                />
              </td>
              <td className="text-zinc-200">
                v{v.version}{" "}
                {v.version === current && <span className="text-[12px] text-sky-400">current</span>}
                <div className="text-[12px] text-zinc-400">
                  {freqLabel(v.frequency)}
                  {v.cooldown_s > 0 && ` · ${v.cooldown_s}s cooldown`}
                  {v.note && ` · ${v.note}`}
                </div>
              </td>
              <td className="text-[12px] text-zinc-400">{formatNyDateTime(v.created_at_ms / 1000)}</td>
              <td>
                {v.version !== current && rule.kind === "custom" && (
                  <button
                    type="button"
                    data-testid={`rule-revert-${v.version}`}
                    disabled={busy}
                    onClick={() => void revert(v.version)}
                    className={button}
                  >
                    Revert
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {older && newer && (
        <div data-testid="rule-diff">
          <h3 className="mb-1 text-[12px] text-zinc-400">
            Changes v{older.version} → v{newer.version}
          </h3>
          {changes.length === 0 ? (
            <p className="text-xs text-zinc-400">No differences.</p>
          ) : (
            <table className="w-full font-mono text-[12px]">
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field}>
                    <td className="pr-2 text-zinc-400">{c.field}</td>
                    <td className="pr-2 break-all text-rose-300 line-through">{c.from}</td>
                    <td className="break-all text-emerald-300">{c.to}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

// ---- backtest preview -------------------------------------------------------------------------

function BacktestTab({ rule }: { rule: Rule }) {
  const store = useStore();
  const symbol = useAppState((s) => s.selected);
  const preview = useAlertsState((s) => s.preview);
  const [limit, setLimit] = useState(100);
  const [version, setVersion] = useState(rule.version.version);
  // Without the list (loading, or it failed) only the current version is offered.
  const versions = useVersions(rule.id).data?.map((v) => v.version) ?? [rule.version.version];
  const backtest = useBacktest(rule.id);
  const running = backtest.isPending;
  const error = backtest.error?.message ?? null;
  const mine = preview?.ruleId === rule.id ? preview : null;
  const [reasons, setReasons] = useState<string[]>([]);
  const [summary, setSummary] = useState<BacktestResponse["summary"]>([]);

  const run = async () => {
    if (!symbol) return;
    try {
      const result = await backtest.mutateAsync({ symbol, version, limit });
      setReasons(result.reasons);
      setSummary(result.summary);
      store.alerts.setPreview({
        ruleId: rule.id,
        ruleName: rule.name,
        version,
        symbol,
        signals: result.signals,
      });
    } catch {
      // shown from backtest.error
    }
  };

  return (
    <div className="flex flex-col gap-2" data-testid="rule-backtest">
      <div className="flex items-end gap-2">
        <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
          Most signals
          <input
            type="number"
            min={1}
            max={1000}
            value={limit}
            onChange={(e) => setLimit(Math.max(1, Math.min(1000, Math.round(Number(e.target.value) || 1))))}
            className={`${input} w-20`}
          />
        </label>
        <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
          Version
          <select
            data-testid="rule-backtest-version"
            value={version}
            onChange={(e) => setVersion(Number(e.target.value))}
            className={input}
          >
            {versions.map((v) => (
              <option key={v} value={v}>
                v{v}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="rule-backtest-run"
          disabled={!symbol || running}
          onClick={() => void run()}
          className={button}
        >
          {running ? "Running…" : `Backtest on ${symbol ?? "—"}`}
        </button>
        {mine && (
          <button type="button" onClick={() => store.alerts.setPreview(null)} className={button}>
            Clear preview
          </button>
        )}
      </div>
      {error && <p className="text-xs text-rose-300">{error}</p>}
      {mine && (
        <>
          <p className="text-[12px] text-zinc-400">
            v{mine.version}: {mine.signals.length} would-be signal{mine.signals.length === 1 ? "" : "s"} on{" "}
            {mine.symbol}, drawn on the chart in violet. Times are bar starts, New York.
          </p>
          {summary.length > 0 && (
            <p data-testid="rule-backtest-summary" className="font-mono text-[12px] text-zinc-300">
              {summary
                .map(
                  (h) =>
                    `${h.minutes}m: n=${h.count}, hit ${h.hit_rate === null ? "—" : `${Math.round(h.hit_rate * 100)}%`}, avg ${h.avg_return_pct === null ? "—" : `${h.avg_return_pct.toFixed(2)}%`}`,
                )
                .join(" · ")}
            </p>
          )}
          {reasons.length > 0 && (
            <p data-testid="rule-backtest-reasons" className="text-[12px] text-amber-300">
              Could not fire: {reasons.join("; ")}
            </p>
          )}
          <ol className="flex flex-col gap-1">
            {mine.signals.map((s: Signal) => (
              // Backtest signals are not stored (id 0): key them by what they are.
              <li key={`${s.seq}:${s.ts_ms}:${s.direction}:${s.explanation}`}>
                <button
                  type="button"
                  onClick={() => void store.reveal(s.symbol, s.seq)}
                  className="w-full rounded bg-zinc-950 px-2 py-1 text-left text-[12px] hover:bg-zinc-800"
                >
                  <span className="font-mono text-zinc-400">{formatNyDateTime(s.seq * 60)}</span>{" "}
                  <span className="text-zinc-200">{s.direction}</span>{" "}
                  <span className="text-zinc-400">{s.explanation}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
