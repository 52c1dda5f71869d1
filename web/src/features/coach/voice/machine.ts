// The pure parts of the voice client: the state machine, the truncate arithmetic, the filter
// for late deltas of an interrupted response, and the reconnect policy.

export type VoiceState = "off" | "connecting" | "idle" | "listening" | "thinking" | "speaking";

export type VoiceInput =
  | { type: "power_on" }
  | { type: "power_off" }
  | { type: "connected" }
  | { type: "disconnected" }
  | { type: "speech_started" }
  | { type: "speech_stopped" }
  | { type: "speech_abandoned" }
  | { type: "response_started" }
  | { type: "tool_started" }
  | { type: "audio" }
  | { type: "response_done"; playing: boolean }
  | { type: "playback_drained"; responseActive: boolean }
  | { type: "interrupted"; bySpeech: boolean };

/** idle → listening → thinking → speaking → idle, plus off/connecting around a connection. */
export function transition(state: VoiceState, input: VoiceInput): VoiceState {
  switch (input.type) {
    case "power_off":
      return "off";
    case "power_on":
      return state === "off" ? "connecting" : state;
    case "disconnected":
      return state === "off" ? "off" : "connecting";
    case "connected":
      return state === "connecting" ? "idle" : state;
  }
  if (state === "off" || state === "connecting") return state;
  switch (input.type) {
    case "speech_started":
      return "listening";
    case "speech_stopped":
      return state === "listening" ? "thinking" : state;
    case "speech_abandoned":
      // The local VAD heard something the server never took as a turn (noise, a cough).
      return state === "listening" ? "idle" : state;
    case "response_started":
    case "tool_started":
      return state === "listening" || state === "speaking" ? state : "thinking";
    case "audio":
      return state === "listening" ? state : "speaking";
    case "response_done":
      if (state === "thinking" || (state === "speaking" && !input.playing)) return "idle";
      return state;
    case "playback_drained":
      return state === "speaking" && !input.responseActive ? "idle" : state;
    case "interrupted":
      return input.bySpeech ? "listening" : "idle";
  }
}

/**
 * `audio_end_ms` for conversation.item.truncate: what was actually played, never more than
 * what was received (the server rejects a truncate past the audio it sent), in whole ms.
 * null when nothing was heard: then no truncate is sent (the server rejects 0 ms too).
 */
export function truncateEndMs(playedMs: number, receivedMs: number): number | null {
  // (+1e-6: audio-clock arithmetic in float seconds lands a hair under whole ms)
  const ms = Math.floor(Math.min(playedMs, receivedMs) + 1e-6);
  return ms > 0 ? ms : null;
}

/** Remembers interrupted items and responses; their late deltas are dropped. */
export class InterruptedSet {
  private readonly items: string[] = [];
  private readonly responses: string[] = [];

  constructor(private readonly limit = 64) {}

  add(ids: { items?: Iterable<string>; response?: string | null }): void {
    for (const id of ids.items ?? []) push(this.items, id, this.limit);
    if (ids.response) push(this.responses, ids.response, this.limit);
  }

  /** Whether a delta for this item/response should be played. */
  accepts(ev: { item_id?: string; response_id?: string }): boolean {
    if (ev.item_id && this.items.includes(ev.item_id)) return false;
    if (ev.response_id && this.responses.includes(ev.response_id)) return false;
    return true;
  }
}

function push(list: string[], id: string, limit: number): void {
  if (list.includes(id)) return;
  list.push(id);
  if (list.length > limit) list.shift();
}

/**
 * Whether to reconnect after the socket closed. Policy closes (1008, 4xxx: bad token, origin,
 * too many connections) and sessions the server ended on purpose (idle timeout, max length,
 * upstream expiry) are final; network-level closes (1001, 1006, 1011–1014…) are retried.
 */
export function shouldReconnect(code: number, sessionEnded: boolean): boolean {
  if (sessionEnded) return false;
  if (code === 1000 || code === 1008) return false;
  if (code >= 4000 && code < 5000) return false;
  return true;
}
