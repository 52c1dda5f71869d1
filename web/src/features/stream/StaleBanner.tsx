import { fmtAge } from "../../shared/format";
import { formatNyTime } from "../market/time";
import type { Freshness } from "./freshness";

interface Props {
  fresh: Freshness;
  /** Feed time of the newest data (ms), for the "behind" message. */
  dataClockMs: number | null;
}

/** Under the header while the prices are not live: why, and how old the newest update is. */
export function StaleBanner({ fresh, dataClockMs }: Props) {
  if (!fresh.stale) return null;
  const age = fresh.ageMs === null ? "no market data received yet" : `last update ${fmtAge(fresh.ageMs)} ago`;
  const behind =
    fresh.behindMs !== null && dataClockMs !== null
      ? ` The chart ends at ${formatNyTime(dataClockMs / 1000)} ET, ${fmtAge(fresh.behindMs)} behind the feed.`
      : "";
  return (
    <div
      role="alert"
      data-testid="stale-banner"
      className="flex items-center gap-2 border-b border-amber-700 bg-amber-950 px-3 py-1 text-xs text-amber-100"
    >
      <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-amber-400" />
      <span>
        <strong className="font-semibold">Not live.</strong> {fresh.reason}; {age}. Prices shown are not
        current.{behind}
      </span>
      <span data-testid="stale-age" className="sr-only">
        {fresh.ageMs === null ? "" : Math.floor(fresh.ageMs / 1000)}
      </span>
    </div>
  );
}
