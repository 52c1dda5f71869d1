import { type KeyboardEvent, useRef } from "react";

export type PanelTabId = "watchlist" | "alerts" | "rules" | "coach";
export interface PanelTab {
  id: PanelTabId;
  label: string;
}

/** The panels behind tabs under the chart on phones and laptops (see Dashboard). */
export const COMPACT_TABS: PanelTab[] = [
  { id: "watchlist", label: "Watchlist" },
  { id: "alerts", label: "Alerts" },
  { id: "rules", label: "Rules" },
  { id: "coach", label: "Coach" },
];

interface Props {
  tabs: PanelTab[];
  active: PanelTabId | null;
  /** null closes the panel (the active tab pressed again): the chart takes the space. */
  onChange: (id: PanelTabId | null) => void;
}

/** A tablist (arrow keys move between tabs); pressing the open tab again closes its panel. */
export function PanelTabs({ tabs, active, onChange }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    e.stopPropagation();
    const next = (i + (e.key === "ArrowRight" ? 1 : -1) + tabs.length) % tabs.length;
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Panels" className="flex border-t border-zinc-800 bg-zinc-925">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          data-testid={`tab-${t.id}`}
          aria-selected={active === t.id}
          aria-controls={active === t.id ? `tabpanel-${t.id}` : undefined}
          tabIndex={active === t.id || (active === null && i === 0) ? 0 : -1}
          onClick={() => onChange(active === t.id ? null : t.id)}
          onKeyDown={(e) => onKey(e, i)}
          className={`flex-1 px-2 py-1.5 text-xs font-medium ${
            active === t.id
              ? "border-t-2 border-sky-400 text-zinc-50"
              : "border-t-2 border-transparent text-zinc-300"
          }`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
