import { useEffect, useState } from "react";
import { useStore } from "../market/context";
import { type Freshness, freshness } from "./freshness";

const same = (a: Freshness, b: Freshness) =>
  a.stale === b.stale &&
  a.reason === b.reason &&
  Math.floor((a.ageMs ?? -1) / 1000) === Math.floor((b.ageMs ?? -1) / 1000) &&
  Math.floor((a.behindMs ?? -1) / 60_000) === Math.floor((b.behindMs ?? -1) / 60_000);

/** {@link freshness} of the stream, re-judged every second and on every state change. */
export function useFreshness(): Freshness {
  const store = useStore();
  const [value, setValue] = useState(() => freshness(store.stream.snapshot(), Date.now()));
  useEffect(() => {
    const judge = () => {
      const next = freshness(store.stream.snapshot(), Date.now());
      setValue((prev) => (same(prev, next) ? prev : next));
    };
    const id = setInterval(judge, 1000);
    const off = store.subscribe(judge);
    return () => {
      clearInterval(id);
      off();
    };
  }, [store]);
  return value;
}
