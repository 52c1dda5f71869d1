import type { ReactNode } from "react";
import { Link } from "wouter";

/** A simple full-screen page (journal, login, not found) with a way back to the dashboard. */
export function Page({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <div data-testid={testId} className="flex h-screen flex-col bg-zinc-950 text-zinc-200">
      <header className="flex items-center gap-4 border-b border-zinc-800 bg-zinc-925 px-3 py-1.5">
        <h1 className="text-sm font-semibold tracking-tight text-zinc-50">
          Spotlight <span className="text-sky-400">Trader</span>
        </h1>
        <h2 className="text-sm text-zinc-300">{title}</h2>
        <Link href="/" className="ml-auto text-xs text-sky-400 hover:text-sky-300">
          ← Back to the dashboard
        </Link>
      </header>
      <main className="mx-auto w-full max-w-2xl p-6">{children}</main>
    </div>
  );
}
