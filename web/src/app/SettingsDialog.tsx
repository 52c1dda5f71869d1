import { useRef } from "react";
import { SettingsPanel } from "../features/settings/SettingsPanel";
import { useFocusTrap } from "../shared/ui/focusTrap";

/** The Settings drawer: modal, focus trapped, returned to the opener on close. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  return (
    <div
      id="settings-drawer"
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label="Settings"
      data-testid="panel-settings"
      className="fixed top-10 right-2 z-40 w-80 rounded-lg border border-zinc-700 bg-zinc-900 p-3 shadow-2xl"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-zinc-100">Settings</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close settings"
          className="text-zinc-400 hover:text-zinc-100"
        >
          ×
        </button>
      </div>
      <SettingsPanel />
    </div>
  );
}
