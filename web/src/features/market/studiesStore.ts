// Loads the server's indicator values (`/api/indicators`) for the bars a symbol's CandleBook
// holds, and tells the chart when they change. The MarketStore calls `sync` after history
// pages and final bars of the selected symbol.
import * as api from "./api";
import { StudyBook } from "./studies";

const MAX_PAGE = 5000;
/** Extra minutes asked for on a tail fetch: a bar may finalise while the request runs. */
const TAIL_SLACK = 2;

export type StudiesListener = (symbol: string) => void;

export class StudiesStore {
  private readonly books = new Map<string, StudyBook>();
  private readonly inFlight = new Set<string>();
  private readonly pending = new Map<string, { first: number; last: number }>();
  /** The oldest seq a whole-range fetch has covered (the server may hold no older bars). */
  private readonly coveredFrom = new Map<string, number>();
  private readonly listeners = new Set<StudiesListener>();

  book(symbol: string): StudyBook {
    let b = this.books.get(symbol);
    if (!b) {
      b = new StudyBook();
      this.books.set(symbol, b);
    }
    return b;
  }

  onChange(fn: StudiesListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Make the studies cover the final bars `first…last` (seqs) the chart holds: the whole
   * range when older bars came in, else only the new tail. One request per symbol at a time;
   * calls meanwhile are coalesced into one more. */
  async sync(symbol: string, first: number | null, last: number | null): Promise<void> {
    if (first === null || last === null) return;
    if (this.inFlight.has(symbol)) {
      this.pending.set(symbol, { first, last });
      return;
    }
    const book = this.book(symbol);
    const covered = this.coveredFrom.get(symbol);
    const whole = book.lastSeq === null || covered === undefined || covered > first;
    let limit: number;
    if (whole) limit = last - first + 1;
    else if ((book.lastSeq ?? last) < last) limit = last - (book.lastSeq ?? last) + TAIL_SLACK;
    else return;
    this.inFlight.add(symbol);
    try {
      const points = await api.getIndicators({ symbol, limit: Math.min(MAX_PAGE, Math.max(1, limit)) });
      if (whole) this.coveredFrom.set(symbol, first);
      if (book.merge(points)) for (const fn of this.listeners) fn(symbol);
    } catch {
      // the chart keeps what it has; the next final bar asks again
    } finally {
      this.inFlight.delete(symbol);
      const next = this.pending.get(symbol);
      this.pending.delete(symbol);
      if (next) void this.sync(symbol, next.first, next.last);
    }
  }
}
