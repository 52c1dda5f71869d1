import { describe, expect, it } from "vitest";
import { rng } from "../../test/rng";
import { planPriceAlert, roundPrice, ruleBody } from "./priceAlert";

/** The two expression shapes a price alert uses, evaluated as the server's language would. */
function compileCheck(expression: string): (bar: { high: number; low: number }) => boolean {
  const m = /^(high|low) (>=|<=) (\d+\.\d+)$/.exec(expression);
  if (!m) throw new Error(`not a price alert expression: ${expression}`);
  const [, field, op, level] = m as unknown as [string, "high" | "low", string, string];
  return (bar) => (op === ">=" ? bar[field] >= Number(level) : bar[field] <= Number(level));
}

describe("price alert from the chart", () => {
  it("is on the far side of the level from the live price, and not yet true there", () => {
    const rand = rng(3);
    for (let i = 0; i < 2_000; i++) {
      const last = roundPrice(0.05 + rand() * 900);
      const price = last * (0.9 + rand() * 0.2);
      const plan = planPriceAlert("AMZN", price, last);
      expect(plan.price).toBe(roundPrice(price));
      expect(plan.side).toBe(plan.price >= last ? "above" : "below");
      const body = ruleBody(plan, last);
      const holds = compileCheck(body.expression);
      // a minute that traded only at the live price: true only when the level is that price
      expect(holds({ high: last, low: last })).toBe(plan.price === last);
      // trading through the level makes it true
      expect(holds({ high: Math.max(last, plan.price), low: Math.min(last, plan.price) })).toBe(true);
      expect(body).toMatchObject({ frequency: "once", intrabar: true, fire_mode: "while_true" });
    }
  });

  it("rounds to cents from $1 and to 1/100 cent below, and scopes the rule to its symbol", () => {
    expect(roundPrice(231.456)).toBe(231.46);
    expect(roundPrice(0.123456)).toBe(0.1235);
    const plan = planPriceAlert("SPY", 500, null);
    expect(plan.side).toBe("above");
    expect(ruleBody(plan, null).expression).toBe("high >= 500.00");
    expect(ruleBody(plan, null).symbols).toEqual(["SPY"]);
  });
});
