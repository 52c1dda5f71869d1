import type { ReactNode } from "react";

interface PanelProps {
  title: string;
  /** Stable id used for aria and for the issue that fills this area. */
  id: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled area of the layout. Feature panels (alerts, coach, rules, journal) mount inside. */
export function Panel({ title, id, actions, children, className = "" }: PanelProps) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`panel-${id}`}
      className={`flex min-h-0 flex-col border-zinc-800 bg-zinc-950 ${className}`}
    >
      <header className="flex items-center justify-between border-b border-zinc-800 px-2 py-1">
        <h2 id={`${id}-title`} className="text-[12px] font-semibold tracking-wider text-zinc-400 uppercase">
          {title}
        </h2>
        {actions}
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-2">{children}</div>
    </section>
  );
}

/** Says what will live in an area until its feature lands. */
export function ComingSoon({ children }: { children: ReactNode }) {
  return <p className="text-xs leading-relaxed text-zinc-400">{children}</p>;
}
