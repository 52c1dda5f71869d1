// Aliases over the generated OpenAPI types (src/api/schema.d.ts, from `spotlight openapi`).
// Nothing here restates a server type by hand: REST bodies are taken from the operations,
// stream payloads from the component schemas the server publishes for its SSE events.
import type { components, paths } from "./schema";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
type Schemas = components["schemas"];

export type SymbolsResponse = Json<paths["/api/symbols"]["get"]["responses"]["200"]>;
export type SymbolQuote = SymbolsResponse["symbols"][number];
export type AddSymbolRequest = Json<NonNullable<paths["/api/symbols"]["post"]["requestBody"]>>;
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

export type VoiceStatus = Json<paths["/api/voice/status"]["get"]["responses"]["200"]>;
export type VoiceTokenResponse = Json<paths["/api/voice/token"]["post"]["responses"]["200"]>;
