// Aliases over the generated OpenAPI types (src/api/schema.d.ts). Nothing here restates a
// server type by hand: REST payloads are taken from the operations, stream payloads from the
// component schemas the server publishes for its SSE events.
import type { components, paths } from "./schema";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type SymbolsResponse = Json<paths["/api/symbols"]["get"]["responses"]["200"]>;
export type SymbolQuote = SymbolsResponse["symbols"][number];
export type AddSymbolRequest = NonNullable<
  paths["/api/symbols"]["post"]["requestBody"]
>["content"]["application/json"];
export type BarsResponse = Json<paths["/api/bars"]["get"]["responses"]["200"]>;
export type BarsQuery = NonNullable<paths["/api/bars"]["get"]["parameters"]["query"]>;
export type Bar = BarsResponse["bars"][number];
export type ApiErrorBody = components["schemas"]["ErrorResponse"];

export type Microbar = components["schemas"]["Microbar"];
export type FormingBar = Microbar["minute"];
export type ReadyEvent = components["schemas"]["ReadyEvent"];
export type StatusEvent = components["schemas"]["StatusEvent"];
