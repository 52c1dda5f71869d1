// The rules browser (lazy-loaded): list with on/off switches, a drawer per rule (parameters,
// versions with diff and revert, backtest preview) and the custom-rule editor.
import { useState } from "react";
import type { Rule } from "../../shared/api/types";
import { Drawer } from "../../shared/ui/Drawer";
import { useStore } from "../market/context";
import { useRules, useToggleRule, useTogglingRules } from "./queries";
import { RuleDetails } from "./RuleDetails";
import { RuleEditor } from "./RuleEditor";

export default function RulesPanel() {
  const store = useStore();
  const list = useRules();
  const rules = list.data ?? null;
  // Until the list has loaded once it is retried every 5 s: show why it is not there yet.
  const listError = list.error ?? list.failureReason;
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [open, setOpen] = useState<Rule["id"] | null>(null);
  const [creating, setCreating] = useState(false);
  const toggleRule = useToggleRule();
  const busy = useTogglingRules();

  const toggle = async (rule: Rule, enabled: boolean) => {
    setToggleError(null);
    try {
      await toggleRule.mutateAsync({ rule, enabled });
    } catch (err) {
      setToggleError(`Could not ${enabled ? "enable" : "disable"} ${rule.name}: ${(err as Error).message}`);
    }
  };
  const error = toggleError ?? (listError ? `Could not load rules: ${listError.message}` : null);

  const closeDetails = () => {
    setOpen(null);
    store.alerts.setPreview(null);
  };
  const openRule = rules?.find((r) => r.id === open) ?? null;

  return (
    <div data-testid="rules-panel" className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <span className="text-[12px] text-zinc-400">
          {rules ? `${rules.filter((r) => r.settings.enabled).length} of ${rules.length} on` : "Loading…"}
        </span>
        <button
          type="button"
          data-testid="rule-new"
          onClick={() => setCreating(true)}
          className="rounded border border-zinc-700 px-1.5 text-[12px] text-zinc-300 hover:border-sky-600 hover:text-sky-300"
        >
          + Custom rule
        </button>
      </div>
      {error && (
        <p role="alert" className="text-[12px] text-rose-300">
          {error}
        </p>
      )}
      <ul className="flex flex-col">
        {rules?.map((r) => (
          <li
            key={r.id}
            data-testid={`rule-${r.id}`}
            data-enabled={r.settings.enabled}
            className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-900"
          >
            <input
              type="checkbox"
              role="switch"
              aria-checked={r.settings.enabled}
              data-testid={`rule-toggle-${r.id}`}
              aria-label={`${r.name} on/off`}
              checked={r.settings.enabled}
              disabled={busy.has(r.id)}
              onChange={(e) => void toggle(r, e.target.checked)}
              className="accent-sky-500"
            />
            <button
              type="button"
              onClick={() => setOpen(r.id)}
              title={r.description}
              className="min-w-0 flex-1 truncate text-left text-xs text-zinc-200 hover:text-sky-300"
            >
              {r.name}
            </button>
            <span className="shrink-0 text-[12px] text-zinc-400">
              {r.kind === "custom" ? "custom · " : ""}v{r.version.version}
            </span>
          </li>
        ))}
      </ul>
      {openRule && (
        <Drawer title={openRule.name} testId="rule-drawer" onClose={closeDetails}>
          <RuleDetails rule={openRule} />
        </Drawer>
      )}
      {creating && (
        <Drawer title="New custom rule" testId="rule-editor-drawer" onClose={() => setCreating(false)}>
          <RuleEditor
            onCreated={(rule) => {
              setCreating(false);
              setOpen(rule.id);
            }}
          />
        </Drawer>
      )}
    </div>
  );
}
