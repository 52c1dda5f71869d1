// Aliases over the generated OpenAPI types (src/api/schema.d.ts, from `spotlight openapi`).
// Nothing here restates a server type by hand: REST bodies are taken from the operations,
// stream payloads from the component schemas the server publishes for its SSE events.
import type { components, paths } from "./schema";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Schemas = components["schemas"];

export type SymbolsResponse = Json<paths["/api/symbols"]["get"]["responses"]["200"]>;
export type SymbolQuote = SymbolsResponse["symbols"][number];
export type AddSymbolRequest = Json<NonNullable<paths["/api/symbols"]["post"]["requestBody"]>>;
export type SymbolSearchQuery = paths["/api/symbols/search"]["get"]["parameters"]["query"];
export type SymbolSearchResponse = Json<paths["/api/symbols/search"]["get"]["responses"]["200"]>;
export type SymbolMatch = SymbolSearchResponse["results"][number];
export type BarsResponse = Json<paths["/api/bars"]["get"]["responses"]["200"]>;
export type Bar = BarsResponse["bars"][number];
export type ApiErrorBody = Schemas["ErrorBody"];

export type Microbar = Schemas["Microbar"];
export type FormingBar = Microbar["minute"];
export type ReadyEvent = Schemas["StreamReady"];
export type StatusEvent = Schemas["StreamStatus"];
export type GapEvent = Schemas["StreamGap"];

/** Query of GET /api/bars. */
export type BarsQuery = NonNullable<paths["/api/bars"]["get"]["parameters"]["query"]>;
export type IndicatorsResponse = Json<paths["/api/indicators"]["get"]["responses"]["200"]>;
export type StudyPoint = IndicatorsResponse["points"][number];

export type VoiceStatus = Json<paths["/api/voice/status"]["get"]["responses"]["200"]>;
export type VoiceTokenResponse = Json<paths["/api/voice/token"]["post"]["responses"]["200"]>;

// ---- alerts and rules (issue 5) --------------------------------------------------------------
type Body<T> = T extends { requestBody?: infer R } ? Json<NonNullable<R>> : never;
type Rules = paths["/api/rules"];
type RuleById<P extends string> = paths[`/api/rules/{rule_id}/${P}` & keyof paths];

export type RulesResponse = Json<Rules["get"]["responses"]["200"]>;
export type Rule = RulesResponse["rules"][number];
export type RuleVersion = Rule["version"];
export type UserRuleSettings = Rule["settings"];
export type Frequency = RuleVersion["frequency"];
export type FireMode = RuleVersion["fire_mode"];
export type ParamSpec = Rule["params_schema"][number];
export type CreateRuleRequest = Body<Rules["post"]>;
export type ValidateRequest = Body<paths["/api/rules/validate"]["post"]>;
export type ValidateResponse = Json<paths["/api/rules/validate"]["post"]["responses"]["200"]>;
export type ExpressionError = NonNullable<ValidateResponse["error"]>;
export type VersionsResponse = Json<RuleById<"versions">["get"]["responses"]["200"]>;
export type NewVersionRequest = Body<RuleById<"versions">["post"]>;
export type RevertRequest = Body<RuleById<"revert">["post"]>;
export type BacktestRequest = Body<RuleById<"backtest">["post"]>;
export type BacktestResponse = Json<RuleById<"backtest">["post"]["responses"]["200"]>;
export type Readiness = Json<RuleById<"readiness">["get"]["responses"]["200"]>;
export type SignalsResponse = Json<paths["/api/signals"]["get"]["responses"]["200"]>;
/** An alert: over REST (`/api/signals`, backtests) and as the stream's `alert` event. */
export type Signal = SignalsResponse["signals"][number];
export type SignalsQuery = NonNullable<paths["/api/signals"]["get"]["parameters"]["query"]>;

// ---- journal (issue 12) ----------------------------------------------------------------------
type J<P extends string> = paths[`/api/journal/${P}` & keyof paths];
export type ImportResponse = Json<J<"imports">["post"]["responses"]["200"]>;
export type TradesResponse = Json<J<"trades">["get"]["responses"]["200"]>;
export type JournalTrade = TradesResponse["trades"][number];
export type JournalStats = Json<J<"stats">["get"]["responses"]["200"]>;
export type EntriesResponse = Json<J<"entries">["get"]["responses"]["200"]>;
export type JournalEntry = EntriesResponse["entries"][number];
export type Recap = Schemas["Recap"];
// ---- accounts (issue 11) ---------------------------------------------------------------------
export type Me = Schemas["Me"];
export type LoginRequest = Schemas["LoginRequest"];
export type PasswordChange = Schemas["PasswordChange"];
export type AccountSettings = Schemas["AccountSettings"];
export type Preferences = Schemas["Preferences"];
export type ApiToken = Schemas["ApiToken"];
export type TokenCreated = Schemas["TokenCreated"];
export type TokensResponse = Schemas["TokensResponse"];

// ---- replay (issue 15) -----------------------------------------------------------------------
export type AddSymbolResponse = Json<paths["/api/symbols"]["post"]["responses"]["201"]>;
export type ReplayStatus = Json<paths["/api/replay"]["get"]["responses"]["200"]>;
export type ReplaySpeedRequest = Json<NonNullable<paths["/api/replay/speed"]["post"]["requestBody"]>>;
export type ReplayJumpRequest = Json<NonNullable<paths["/api/replay/jump"]["post"]["requestBody"]>>;
