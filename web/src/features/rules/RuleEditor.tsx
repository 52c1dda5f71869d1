import { useState } from "react";
import type { FireMode, Frequency, Rule } from "../../shared/api/types";
import { useAppState } from "../market/context";
import { ExpressionField, isValid, useValidation } from "./ExpressionField";
import { DIRECTIONS, type Direction } from "./params";
import { useCreateRule } from "./queries";

export const FREQUENCIES: { value: Frequency; label: string }[] = [
  { value: "once", label: "Once" },
  { value: "once_per_bar", label: "Once per bar" },
  { value: "once_per_bar_close", label: "Once per bar close" },
  { value: "every_time", label: "Every time" },
];

export const FIRE_MODES: { value: FireMode; label: string }[] = [
  { value: "becomes_true", label: "Only when it becomes true" },
  { value: "while_true", label: "Every bar while true" },
];

const input =
  "rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-xs text-zinc-100 outline-none focus:border-sky-600";

/** Create a custom rule; the expression is validated live by the server. */
export function RuleEditor({ onCreated }: { onCreated: (rule: Rule) => void | Promise<void> }) {
  const [name, setName] = useState("");
  const [expression, setExpression] = useState("");
  const [frequency, setFrequency] = useState<Frequency>("once_per_bar_close");
  const [cooldown, setCooldown] = useState(0);
  const [intrabar, setIntrabar] = useState(false);
  const [fireMode, setFireMode] = useState<FireMode>("becomes_true");
  const [description, setDescription] = useState("");
  const [direction, setDirection] = useState<Direction>("neutral");
  const create = useCreateRule();
  const saving = create.isPending;
  const error = create.error?.message ?? null;
  const symbol = useAppState((s) => s.selected);
  const validation = useValidation(expression, symbol);
  const canSave = name.trim() !== "" && isValid(validation) && !saving;

  const save = async () => {
    let rule: Rule;
    try {
      // The direction is a parameter, which creation does not take: it is stored as this
      // user's setting (a new version would do too, but version 1 should be what was typed).
      rule = await create.mutateAsync({
        body: {
          name: name.trim(),
          expression,
          frequency,
          cooldown_s: cooldown,
          intrabar,
          description: description.trim(),
          fire_mode: fireMode,
          symbols: null,
        },
        direction,
      });
    } catch {
      return; // shown from create.error
    }
    await onCreated(rule);
  };

  return (
    <form
      data-testid="rule-editor"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) void save();
      }}
    >
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Name
        <input
          data-testid="rule-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={input}
          placeholder="VWAP reclaim on volume"
        />
      </label>
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
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Direction of its alerts
        <select
          data-testid="rule-direction"
          value={direction}
          onChange={(e) => setDirection(e.target.value as Direction)}
          className={`${input} w-32`}
        >
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Description
        <input value={description} onChange={(e) => setDescription(e.target.value)} className={input} />
      </label>
      {error && (
        <p role="alert" className="text-[12px] text-rose-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        data-testid="rule-create"
        disabled={!canSave}
        className="self-start rounded bg-sky-700 px-3 py-1 text-xs text-white hover:bg-sky-600 disabled:opacity-40"
      >
        {saving ? "Creating…" : "Create rule"}
      </button>
    </form>
  );
}

/** When a custom rule fires: on the transition to true (the default) or on every bar. */
export function FireModeField({ value, onChange }: { value: FireMode; onChange: (m: FireMode) => void }) {
  return (
    <label className="flex flex-col gap-1 text-[11px] text-zinc-400">
      Fires
      <select
        data-testid="rule-fire-mode"
        value={value}
        onChange={(e) => onChange(e.target.value as FireMode)}
        className={`${input} w-56`}
      >
        {FIRE_MODES.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FrequencyFields(props: {
  frequency: Frequency;
  cooldown: number;
  intrabar: boolean;
  onFrequency: (f: Frequency) => void;
  onCooldown: (s: number) => void;
  onIntrabar: (b: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Frequency
        <select
          data-testid="rule-frequency"
          value={props.frequency}
          onChange={(e) => props.onFrequency(e.target.value as Frequency)}
          className={input}
        >
          {FREQUENCIES.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-[12px] text-zinc-400">
        Cooldown (s)
        <input
          type="number"
          min={0}
          step={1}
          value={props.cooldown}
          onChange={(e) => props.onCooldown(Math.max(0, Math.round(Number(e.target.value) || 0)))}
          className={`${input} w-24`}
        />
      </label>
      <label className="flex items-center gap-1 pb-1 text-[12px] text-zinc-400">
        <input
          type="checkbox"
          checked={props.intrabar}
          onChange={(e) => props.onIntrabar(e.target.checked)}
          className="accent-sky-500"
        />
        Intrabar (microbars)
      </label>
    </div>
  );
}
