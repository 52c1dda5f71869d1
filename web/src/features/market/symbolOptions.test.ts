import { describe, expect, it } from "vitest";
import type { SymbolMatch } from "../../shared/api/types";
import { optionLabel, symbolOptions } from "./symbolOptions";

const LIST = ["SPY", "AAPL", "AMD", "AMZN", "A"];

const match = (symbol: string, name: string | null = null, onWatchlist = false): SymbolMatch => ({
  symbol,
  name,
  simulated: false,
  on_watchlist: onWatchlist,
});

describe("symbolOptions with the server's search", () => {
  it("offers the watchlist's matches, then found tickers to add, never the bare prefix", () => {
    const found = [
      match("AMD", "Advanced Micro Devices", true),
      match("AMZN", "Amazon.com Inc."),
      match("ARM"),
    ];
    expect(symbolOptions("A", ["SPY", "AAPL", "AMD"], found)).toEqual([
      { symbol: "AAPL", add: false },
      { symbol: "AMD", add: false },
      { symbol: "AMZN", add: true, name: "Amazon.com Inc." },
      { symbol: "ARM", add: true, name: null },
    ]);
  });

  it("offers the typed text for adding only when the server found it exactly", () => {
    const found = [match("AMZN", "Amazon.com Inc."), match("AMZU")];
    expect(symbolOptions("AMZN", ["SPY"], found).map((o) => o.symbol)).toEqual(["AMZN", "AMZU"]);
    expect(symbolOptions("AMZ", ["SPY"], found).some((o) => o.symbol === "AMZ")).toBe(false);
    expect(symbolOptions("ZZZZ1", ["SPY"], [])).toEqual([]);
  });

  it("never offers to add a watchlist symbol, even when the server says it is not on it", () => {
    const options = symbolOptions("AM", LIST, [match("AMD"), match("AMZN"), match("AMAT")]);
    expect(options).toEqual([
      { symbol: "AMD", add: false },
      { symbol: "AMZN", add: false },
      { symbol: "AMAT", add: true, name: null },
    ]);
  });

  it("goes to a watchlist symbol the server found by its name", () => {
    const found = [match("AAPL", "Apple Inc.", true), match("APLE", "Apple Hospitality REIT")];
    expect(symbolOptions("APPLE", LIST, found)).toEqual([
      { symbol: "AAPL", add: false },
      { symbol: "APLE", add: true, name: "Apple Hospitality REIT" },
    ]);
  });

  it("labels adds with the company name when the reference has one", () => {
    expect(optionLabel({ symbol: "AAPL", add: true, name: "Apple Inc." })).toBe("Add AAPL — Apple Inc.");
    expect(optionLabel({ symbol: "ARM", add: true, name: null })).toBe("Add ARM to the watchlist");
    expect(optionLabel({ symbol: "AMD", add: false })).toBe("Go to AMD");
  });
});

describe("symbolOptions with the server unreachable (null)", () => {
  it("offers watchlist matches before adding the typed text", () => {
    expect(symbolOptions("A", ["SPY", "AAPL", "AMD"], null)).toEqual([
      { symbol: "AAPL", add: false },
      { symbol: "AMD", add: false },
      { symbol: "A", add: true },
    ]);
  });

  it("puts an exact symbol first and never offers to add it again", () => {
    expect(symbolOptions("A", LIST, null)).toEqual([
      { symbol: "A", add: false },
      { symbol: "AAPL", add: false },
      { symbol: "AMD", add: false },
      { symbol: "AMZN", add: false },
    ]);
    expect(symbolOptions("AM", LIST, null).map((o) => o.symbol)).toEqual(["AMD", "AMZN", "AM"]);
  });

  it("offers every watchlist symbol that starts with the text, and only those", () => {
    for (const typed of ["S", "AA", "Q", "AMZ", "Z"]) {
      for (const found of [null, []]) {
        const go = symbolOptions(typed, LIST, found)
          .filter((o) => !o.add)
          .map((o) => o.symbol);
        expect(new Set(go)).toEqual(new Set(LIST.filter((s) => s.startsWith(typed))));
      }
    }
    expect(symbolOptions("", LIST, null)).toEqual([]);
  });
});
