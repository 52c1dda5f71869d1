import { useEffect, useRef, useState } from "react";
import { http } from "../../shared/api/http";
import type { JournalEntry } from "../../shared/api/types";

/** Write a note (autosaved: the first pause creates it, later pauses save a new version)
 * and search the notes. */
export function EntriesView() {
  const [text, setText] = useState("");
  const [entry, setEntry] = useState<JournalEntry | null>(null);
  const [saved, setSaved] = useState<string>("");
  const [q, setQ] = useState("");
  const [found, setFound] = useState<JournalEntry[] | null>(null);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    if (!text.trim() || text === entry?.body) return;
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => {
      const save = entry
        ? http.put<JournalEntry>(`/api/journal/entries/${entry.id}`, { body: text })
        : http.post<JournalEntry>("/api/journal/entries", { body: text });
      void save.then((e) => {
        setEntry(e);
        setSaved(`saved, version ${e.version}`);
      });
    }, 600);
  }, [text, entry]);

  async function search() {
    const res = await http.get<{ entries: JournalEntry[] }>("/api/journal/search", { query: { q } });
    setFound(res.entries);
  }

  return (
    <section data-testid="journal-entries" className="rounded border border-zinc-800 p-3 text-xs">
      <h3 className="mb-2 text-sm font-semibold">Note</h3>
      <textarea
        data-testid="entry-text"
        className="h-20 w-full rounded bg-zinc-900 p-2"
        placeholder="What happened? $SYMBOL and #tags work"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p data-testid="entry-saved" className="text-zinc-400">
        {saved}
      </p>
      <div className="mt-2 flex gap-2">
        <input
          data-testid="search-q"
          className="flex-1 rounded bg-zinc-900 px-2 py-1"
          placeholder="search notes"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <button
          type="button"
          data-testid="search-go"
          className="rounded bg-zinc-800 px-2 py-1"
          disabled={!q.trim()}
          onClick={() => void search()}
        >
          Search
        </button>
      </div>
      {found && (
        <ul data-testid="search-results" className="mt-2 space-y-1">
          {found.length === 0 && <li>nothing found</li>}
          {found.map((e) => (
            <li key={e.id} data-testid="search-hit" className="rounded bg-zinc-900 p-2">
              <span className="text-zinc-400">{e.day}</span> {e.body}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
