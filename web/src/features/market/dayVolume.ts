// Today's volume on a watchlist row: the server's total over the final bars of the New York
// day up to a seq, plus the minutes the stream delivered after it (final bars and the forming
// minute, each by its seq, so a minute that becomes final replaces its forming volume).
import { nyClock } from "./time";

const MINUTE_MS = 60_000;

export interface DayVolume {
  /** The server's volume over final bars up to `seq` (null: it had none). */
  readonly base: number | null;
  readonly seq: number | null;
  /** The New York day (day number) the volume is of, null while unknown. */
  readonly day: number | null;
  /** Volume per minute (seq) after `seq`, from the stream. */
  readonly later: ReadonlyMap<number, number>;
}

const EMPTY: ReadonlyMap<number, number> = new Map();

export function dayOfSeq(seq: number): number {
  return nyClock(seq * MINUTE_MS).day;
}

/** The server's figure (`volume` over final bars up to `volume_seq`). */
export function fromServer(volume: number | null | undefined, seq: number | null | undefined): DayVolume {
  return { base: volume ?? null, seq: seq ?? null, day: seq == null ? null : dayOfSeq(seq), later: EMPTY };
}

/** Count a streamed minute's volume (a forming minute's running volume or a final bar's).
 * Returns `v` itself when nothing changes: minutes the server already counted, older days. */
export function addMinute(v: DayVolume, seq: number, volume: number): DayVolume {
  if (v.seq !== null && seq <= v.seq) return v;
  const day = dayOfSeq(seq);
  if (v.day !== null && day < v.day) return v;
  if (v.day !== null && day > v.day) return { base: 0, seq: null, day, later: new Map([[seq, volume]]) };
  if (v.later.get(seq) === volume) return v;
  const later = new Map(v.later);
  later.set(seq, volume);
  return { ...v, day, later };
}

/** A fresh server figure, keeping the streamed minutes it does not cover yet; an answer
 * older than the figure already known (two requests crossing) changes nothing. */
export function rebase(server: DayVolume, known: DayVolume): DayVolume {
  if (server.day !== null && known.day !== null) {
    if (server.day < known.day) return known;
    if (server.day === known.day && known.seq !== null && (server.seq ?? -1) < known.seq) return known;
  }
  let out = server;
  for (const [seq, volume] of known.later) out = addMinute(out, seq, volume);
  return out;
}

/** The figure to show: null while nothing is known. */
export function totalVolume(v: DayVolume): number | null {
  if (v.base === null && v.later.size === 0) return null;
  let sum = v.base ?? 0;
  for (const volume of v.later.values()) sum += volume;
  return sum;
}
