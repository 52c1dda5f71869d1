import { describe, expect, it } from "vitest";
import { caretLine, overrides, paramFields, parseSymbols } from "./params";

describe("rules browser helpers", () => {
  it("takes each field's spec and choices from the server's schema", () => {
    const threshold = {
      name: "threshold",
      label: "RVOL threshold",
      kind: "number" as const,
      help: "h",
      unit: "×",
      minimum: 0.1,
      maximum: 100,
      choices: null,
    };
    const minutes = { ...threshold, name: "minutes", kind: "choice" as const, choices: [1, 2] };
    expect(paramFields({ threshold: 2, minutes: 2, other: 1 }, [threshold, minutes])).toEqual([
      { name: "minutes", kind: "enum", value: 2, options: [1, 2], spec: minutes },
      { name: "other", kind: "number", value: 1 },
      { name: "threshold", kind: "number", value: 2, spec: threshold },
    ]);
  });

  it("classifies parameters into inputs", () => {
    expect(paramFields({ threshold: 2, confirmation: "close", live: true, label: "x", list: [1] })).toEqual([
      { name: "confirmation", kind: "enum", value: "close", options: ["touch", "close"] },
      { name: "label", kind: "text", value: "x" },
      { name: "list", kind: "other", value: [1] },
      { name: "live", kind: "boolean", value: true },
      { name: "threshold", kind: "number", value: 2 },
    ]);
    // An unexpected value of a known enum falls back to a text field.
    expect(paramFields({ confirmation: "wick" })[0]?.kind).toBe("text");
    expect(paramFields({ minutes: 15 })[0]).toMatchObject({ kind: "enum", options: [5, 15, 30] });
    expect(paramFields({ minutes: 60 })[0]?.kind).toBe("number");
    expect(paramFields({ direction: "short" })[0]).toMatchObject({
      kind: "enum",
      options: ["long", "short", "neutral"],
    });
  });

  it("keeps only changed values as overrides", () => {
    expect(overrides({ a: 1, b: "x" }, { a: 1, b: "y", c: true })).toEqual({ b: "y", c: true });
    expect(overrides({ a: 1 }, { a: 1 })).toEqual({});
  });

  it("parses a symbol scope", () => {
    expect(parseSymbols(" aapl, NVDA ,,aapl ")).toEqual(["AAPL", "NVDA"]);
    expect(parseSymbols(" , ")).toBeNull();
  });

  it("puts the caret under the error position", () => {
    expect(caretLine("close > > vwap", 8)).toBe("        ^");
    expect(caretLine("a\tb", 2)).toBe(" \t^");
    expect(caretLine("abc", 99)).toBe("   ^");
    expect(caretLine("abc", -1)).toBe("^");
  });
});
