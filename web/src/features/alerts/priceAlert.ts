// A price alert placed from the chart: a custom rule on one symbol that fires once, as soon
// as the forming minute trades at or beyond the level (intrabar), on the side of the level
// away from the price when it was placed.
import type { CreateRuleRequest } from "../../shared/api/types";

export type PriceSide = "above" | "below";

export interface PriceAlertPlan {
  symbol: string;
  /** The level, rounded to a tradable price. */
  price: number;
  side: PriceSide;
}

/** Cents from $1 up, 4 decimals below (sub-dollar stocks quote in 1/100 of a cent). */
export function roundPrice(price: number): number {
  const step = Math.abs(price) >= 1 ? 100 : 10_000;
  return Math.round(price * step) / step;
}

export function formatLevel(price: number): string {
  return Math.abs(price) >= 1 ? price.toFixed(2) : price.toFixed(4);
}

/** The alert for a level at `price` given the live price (`last`; unknown: above). */
export function planPriceAlert(symbol: string, price: number, last: number | null): PriceAlertPlan {
  const level = roundPrice(price);
  return { symbol, price: level, side: last === null || level >= last ? "above" : "below" };
}

export function describePlan(plan: PriceAlertPlan): string {
  const where = plan.side === "above" ? "at or above" : "at or below";
  return `Fires once when ${plan.symbol} trades ${where} ${formatLevel(plan.price)}`;
}

/** The rule `POST /api/rules` creates: on for its symbol only from the start (a scope set
 * afterwards would leave it running on every symbol in between). */
export function ruleBody(plan: PriceAlertPlan, last: number | null): CreateRuleRequest {
  const level = formatLevel(plan.price);
  const above = plan.side === "above";
  return {
    name: `${plan.symbol} ${above ? "≥" : "≤"} ${level}`,
    expression: above ? `high >= ${level}` : `low <= ${level}`,
    frequency: "once",
    intrabar: true,
    fire_mode: "while_true",
    cooldown_s: 0,
    symbols: [plan.symbol],
    description: `Price alert placed from the chart${last === null ? "" : ` (price then ${formatLevel(last)})`}: ${describePlan(plan).replace(/^Fires/, "fires")}.`,
  };
}
