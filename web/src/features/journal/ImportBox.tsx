import { useState } from "react";
import type { ImportResponse } from "../../shared/api/types";

/** Import a fill file: preview first (rows, fills, per-row errors), then import. */
export function ImportBox({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [tz, setTz] = useState("America/New_York");
  const [account, setAccount] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(preview: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append("file", file);
    form.append("tz", tz);
    form.append("preview", String(preview));
    if (account) form.append("account", account);
    try {
      const res = await fetch("/api/journal/imports", {
        method: "POST",
        body: form,
        credentials: "same-origin",
      });
      const body = (await res.json()) as ImportResponse & { error?: string };
      if (body.error !== undefined) setError(body.error);
      else {
        setResult(body);
        if (!preview && body.ok) onImported();
      }
    } catch (err) {
      setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section data-testid="journal-import" className="rounded border border-zinc-800 p-3">
      <h3 className="mb-2 text-sm font-semibold">Import fills</h3>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <input
          data-testid="import-file"
          aria-label="Fills file (CSV)"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <input
          aria-label="time zone"
          className="rounded bg-zinc-900 px-2 py-1"
          value={tz}
          onChange={(e) => setTz(e.target.value)}
        />
        <input
          aria-label="account"
          placeholder="account"
          className="rounded bg-zinc-900 px-2 py-1"
          value={account}
          onChange={(e) => setAccount(e.target.value)}
        />
        <button
          type="button"
          data-testid="import-preview"
          className="rounded bg-zinc-800 px-2 py-1"
          disabled={!file || busy}
          onClick={() => void send(true)}
        >
          Preview
        </button>
        <button
          type="button"
          data-testid="import-go"
          className="rounded bg-sky-700 px-2 py-1"
          disabled={!file || busy || !result?.ok}
          onClick={() => void send(false)}
        >
          Import
        </button>
      </div>
      {busy && <progress data-testid="import-progress" className="mt-2 w-full" />}
      {error && <p className="mt-2 text-xs text-red-400">{error}</p>}
      {result && (
        <div data-testid="import-result" className="mt-2 text-xs">
          <p>
            {result.format}: {result.rows} rows, {result.fill_count} fills, {result.trades} trades
            {result.preview ? " (preview)" : `; ${result.added} new, ${result.already_stored} already stored`}
          </p>
          {result.errors.map((e) => (
            <p key={e.line} className="text-red-400">
              line {e.line}: {e.message}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
