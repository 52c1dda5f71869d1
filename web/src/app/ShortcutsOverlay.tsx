import { useEffect, useRef } from "react";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
        onKeyDown={(e) => {
          // Keep focus inside the dialog (its only control is the close button).
          if (e.key === "Tab") {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
        className="w-[420px] max-w-[92vw] rounded-lg border border-zinc-700 bg-zinc-900 p-4 shadow-2xl"
      >
        <div className="mb-3 flex items-center justify-between">
          <h2 id="shortcuts-title" className="text-sm font-semibold text-zinc-100">
            Keyboard shortcuts
          </h2>
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="rounded px-2 text-zinc-400 hover:text-zinc-100 focus-visible:outline focus-visible:outline-sky-400"
            aria-label="Close"
          >
            ×
          </button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-xs">
          {SHORTCUTS.map((s) => (
            <div key={s.action} className="contents">
              <dt className="flex gap-1">
                {s.keys.map((k) => (
                  <kbd
                    key={k}
                    className="min-w-6 rounded border border-zinc-600 bg-zinc-800 px-1.5 py-0.5 text-center font-mono text-[12px] text-zinc-200"
                  >
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd className="text-zinc-300">{s.action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
