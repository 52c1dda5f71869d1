import { describe, expect, it } from "vitest";
import { jumpOptions } from "./SymbolJump";

const LIST = ["SPY", "AAPL", "AMD", "AMZN", "A"];

describe("jumpOptions", () => {
  it("offers watchlist matches before adding a prefix", () => {
    expect(jumpOptions("A", ["SPY", "AAPL", "AMD"])).toEqual([
      { symbol: "AAPL", add: false },
      { symbol: "AMD", add: false },
      { symbol: "A", add: true },
    ]);
  });

  it("puts an exact symbol first and never offers to add it again", () => {
    expect(jumpOptions("A", LIST)).toEqual([
      { symbol: "A", add: false },
      { symbol: "AAPL", add: false },
      { symbol: "AMD", add: false },
      { symbol: "AMZN", add: false },
    ]);
    expect(jumpOptions("AM", LIST).map((o) => o.symbol)).toEqual(["AMD", "AMZN", "AM"]);
  });

  it("offers every watchlist symbol that starts with the text, and only those", () => {
    for (const typed of ["S", "AA", "Q", "AMZ", "Z"]) {
      const go = jumpOptions(typed, LIST)
        .filter((o) => !o.add)
        .map((o) => o.symbol);
      expect(new Set(go)).toEqual(new Set(LIST.filter((s) => s.startsWith(typed))));
    }
    expect(jumpOptions("", LIST)).toEqual([]);
  });
});
