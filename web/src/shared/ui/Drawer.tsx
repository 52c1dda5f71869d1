import { type ReactNode, useEffect, useRef } from "react";
import { useFocusTrap } from "./focusTrap";

/** A dialog over the left of the screen (the grid stays as it is); Esc or × closes it. */
export function Drawer({
  title,
  testId,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-label={title}
      data-testid={testId}
      className="fixed top-10 bottom-2 left-2 z-40 flex w-[30rem] max-w-[calc(100vw-1rem)] flex-col rounded-lg border border-zinc-700 bg-zinc-900 shadow-2xl"
    >
      <div className="flex items-center justify-between border-b border-zinc-800 px-3 py-2">
        <h2 className="truncate text-sm font-semibold text-zinc-100">{title}</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close"
          className="text-zinc-400 hover:text-zinc-100"
        >
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-auto p-3">{children}</div>
    </div>
  );
}
