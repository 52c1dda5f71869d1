/** A seeded Park–Miller generator for the tests' random cases: the same cases every run. */
export function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}
