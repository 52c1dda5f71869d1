// OpenAI Realtime (GA) protocol events the browser sends and reads, plus the proxy's custom
// `spotlight.*` events. These are the upstream's wire format, not our server's REST schema,
// so they are typed here by hand (only the fields the client uses; everything else is ignored).

/** Client → server. */
export type ClientEvent =
  | { type: "input_audio_buffer.append"; audio: string }
  | { type: "response.cancel"; response_id?: string }
  | { type: "conversation.item.truncate"; item_id: string; content_index: 0; audio_end_ms: number }
  | { type: "spotlight.context"; symbol: string | null; timeframe: number };

/** Server → client (the subset the browser acts on). */
export type ServerEvent =
  | { type: "spotlight.session"; state: "ready" | "expired" | "closing"; reason?: string | null }
  | {
      type: "spotlight.tool";
      name: string;
      call_id: string;
      status: "started" | "done" | "error";
      symbol?: string;
      arguments?: unknown;
    }
  | { type: "session.created" | "session.updated" }
  | { type: "input_audio_buffer.speech_started"; item_id?: string; audio_start_ms?: number }
  | { type: "input_audio_buffer.speech_stopped"; item_id?: string; audio_end_ms?: number }
  | { type: "conversation.item.input_audio_transcription.completed"; item_id?: string; transcript: string }
  | { type: "response.created"; response: { id: string } }
  | { type: "response.output_audio.delta"; response_id: string; item_id: string; delta: string }
  | { type: "response.output_audio_transcript.delta"; response_id: string; item_id: string; delta: string }
  | {
      type: "response.output_audio_transcript.done";
      response_id: string;
      item_id: string;
      transcript: string;
    }
  | { type: "response.function_call_arguments.done"; call_id: string; name: string; arguments: string }
  | { type: "response.done"; response: { id: string; status?: string } }
  | { type: "error"; error: { type?: string; code?: string | null; message?: string } };

/** Error codes every Realtime client treats as harmless (a cancel that raced the end of a response…). */
export const BENIGN_ERRORS: ReadonlySet<string> = new Set([
  "response_cancel_not_active",
  "conversation_already_has_active_response",
]);

/** Parse one text frame; null when it is not a JSON object with a string `type`. */
export function parseServerEvent(data: unknown): ServerEvent | null {
  if (typeof data !== "string") return null;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== "object" || value === null) return null;
    if (typeof (value as { type?: unknown }).type !== "string") return null;
    return value as ServerEvent;
  } catch {
    return null;
  }
}
