// The browser side of the voice coach, without React: one WebSocket to our proxy (/ws/realtime),
// microphone capture → input_audio_buffer.append, a playback queue for the coach's audio,
// barge-in, and reconnects. Everything the browser provides (socket, audio, timers, token) is
// injected, so the unit tests run it against fakes; `createBrowserVoiceClient` wires the real ones.
import { backoffDelay } from "../../stream/backoff";
import { BENIGN_ERRORS, type ClientEvent, parseServerEvent, type ServerEvent } from "./events";
import {
  InterruptedSet,
  shouldReconnect,
  transition,
  truncateEndMs,
  type VoiceInput,
  type VoiceState,
} from "./machine";
import { decodeAudio, encodeAudio, REALTIME_RATE, Resampler } from "./pcm";
import { type AudioSink, PlaybackQueue } from "./playback";
import { Vad } from "./VAD";

export type { VoiceState } from "./machine";

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface MicHandle {
  close(): void;
}

export interface VoiceToken {
  token: string;
  ws_path: string;
}

export interface VoiceDeps {
  fetchToken(): Promise<VoiceToken>;
  openSocket(url: string, protocols: string[]): SocketLike;
  /** Audio output at 24 kHz (created on power-on, inside the user's click). */
  createSink(): AudioSink & { close(): void };
  /** Start the microphone; `onFrame` receives mono Float32 frames at `sampleRate`. */
  openMic(onFrame: (frame: Float32Array, sampleRate: number) => void): Promise<MicHandle>;
  /** ws(s)://host, from the page's location. */
  wsOrigin(): string;
  random(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TruncateInfo {
  item_id: string;
  audio_end_ms: number;
  played_ms: number;
  received_ms: number;
}

export interface ToolActivity {
  name: string;
  status: "started" | "done" | "error";
  text: string;
}

export interface VoiceSnapshot {
  state: VoiceState;
  connected: boolean;
  mic: boolean;
  /** Whether the local VAD hears the user now. */
  userSpeaking: boolean;
  /** The newest transcript line: who spoke and what. */
  transcript: { who: "coach" | "you"; text: string } | null;
  tool: ToolActivity | null;
  /** A message for the user (session ended, mic denied, server error), or null. */
  error: string | null;
  attempt: number;
  /** The newest truncate sent on a barge-in or stop (null when none or nothing was heard). */
  lastTruncate: TruncateInfo | null;
  /** ms of the current (or last interrupted) coach item actually played. */
  played_ms: number;
  /** Counters for tests: cancels and truncates sent, deltas dropped after an interruption. */
  cancels: number;
  truncates: number;
  droppedDeltas: number;
}

const OPEN = 1;
/** After the local VAD stops, how long to wait for the server to take the speech as a turn. */
export const ABANDON_MS = 1500;
/** Failed connection attempts in a row before the coach gives up (powers off with the error). */
export const MAX_ATTEMPTS = 8;
const PROTOCOL = "spotlight.v1";

const TOOL_LABELS: Record<string, (symbol: string) => string> = {
  get_market_snapshot: (s) => `${s} snapshot`,
  get_recent_alerts: () => "recent alerts",
  list_rules: () => "your rules",
  get_watchlist: () => "your watchlist",
  search_journal: () => "the journal",
  add_journal_note: () => "journal note",
};

/** "checked SPY snapshot", "checking recent alerts…", "couldn't check the journal". */
export function toolText(name: string, status: ToolActivity["status"], symbol: string): string {
  const what = TOOL_LABELS[name]?.(symbol) ?? name.replace(/_/g, " ");
  if (name === "add_journal_note")
    return status === "done"
      ? "added a journal note"
      : `${status === "error" ? "couldn't add" : "adding"} a journal note`;
  if (status === "started") return `checking ${what}…`;
  if (status === "error") return `couldn't check ${what}`;
  return `checked ${what}`;
}

function symbolArgument(args: unknown): string | null {
  if (typeof args !== "string") return null;
  try {
    const value: unknown = JSON.parse(args);
    const symbol =
      typeof value === "object" && value !== null ? (value as { symbol?: unknown }).symbol : null;
    return typeof symbol === "string" && symbol ? symbol.toUpperCase() : null;
  } catch {
    return null;
  }
}

export class VoiceClient {
  private snap: VoiceSnapshot = {
    state: "off",
    connected: false,
    mic: false,
    userSpeaking: false,
    transcript: null,
    tool: null,
    error: null,
    attempt: 0,
    lastTruncate: null,
    played_ms: 0,
    cancels: 0,
    truncates: 0,
    droppedDeltas: 0,
  };
  private readonly listeners = new Set<() => void>();
  private ws: SocketLike | null = null;
  private power = false;
  private generation = 0;
  private retryTimer: unknown = null;
  private sessionEnded = false;
  private sink: (AudioSink & { close(): void }) | null = null;
  private playback: PlaybackQueue | null = null;
  private mic: MicHandle | null = null;
  private micOpening: Promise<void> | null = null;
  private vad: Vad | null = null;
  private resampler: Resampler | null = null;
  private responseId: string | null = null;
  private responseActive = false;
  private lastItem: string | null = null;
  private readonly interrupted = new InterruptedSet();
  private context: { symbol: string | null; timeframe: number } = { symbol: null, timeframe: 1 };
  private readonly history: VoiceState[] = [];

  constructor(private readonly deps: VoiceDeps) {}

  // ---- observation -------------------------------------------------------------------------

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): VoiceSnapshot => this.snap;

  /** Live played_ms of the current item (the snapshot's value is refreshed on events), and
   * every state this client went through (newest last, at most 100): tests read the
   * transitions instead of sampling the screen. */
  probe(): {
    state: VoiceState;
    states: VoiceState[];
    connected: boolean;
    lastTruncate: TruncateInfo | null;
    played_ms: number;
  } {
    const live = this.playback?.playing && this.lastItem ? this.playback.playedMs(this.lastItem) : null;
    return {
      state: this.snap.state,
      states: [...this.history],
      connected: this.snap.connected,
      lastTruncate: this.snap.lastTruncate,
      played_ms: Math.round(live ?? this.snap.played_ms),
    };
  }

  private set(patch: Partial<VoiceSnapshot>): void {
    if (patch.state !== undefined && patch.state !== this.snap.state) {
      this.history.push(patch.state);
      if (this.history.length > 100) this.history.shift();
    }
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn();
  }

  private input(i: VoiceInput): void {
    const state = transition(this.snap.state, i);
    if (state !== this.snap.state) this.set({ state });
  }

  // ---- power and connection ----------------------------------------------------------------

  /** Power on: audio output, then the socket (the mic is separate: `setMic`). */
  start(): void {
    if (this.power) return;
    this.power = true;
    this.sessionEnded = false;
    if (!this.sink) {
      this.sink = this.deps.createSink();
      this.playback = new PlaybackQueue(this.sink, REALTIME_RATE);
      this.playback.onDrained(() => {
        if (this.lastItem && this.playback)
          this.set({ played_ms: Math.round(this.playback.playedMs(this.lastItem)) });
        this.input({ type: "playback_drained", responseActive: this.responseActive });
      });
    }
    this.set({ error: null, attempt: 0 });
    this.input({ type: "power_on" });
    void this.connect();
  }

  /** Power off: stop talking, close the socket and the mic, release audio. */
  shutdown(): void {
    this.power = false;
    this.generation++;
    if (this.retryTimer !== null) this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.playback?.stop();
    this.closeMic();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onerror = ws.onopen = null;
      try {
        ws.close(1000, "power off");
      } catch {
        // already closed
      }
    }
    this.sink?.close();
    this.sink = null;
    this.playback = null;
    this.responseActive = false;
    this.set({ connected: false, userSpeaking: false });
    this.input({ type: "power_off" });
  }

  private async connect(): Promise<void> {
    const gen = ++this.generation;
    let token: VoiceToken;
    try {
      token = await this.deps.fetchToken();
    } catch (err) {
      if (gen !== this.generation) return;
      this.set({ error: `voice token: ${err instanceof Error ? err.message : String(err)}` });
      this.scheduleReconnect();
      return;
    }
    if (gen !== this.generation || !this.power) return;
    const ws = this.deps.openSocket(`${this.deps.wsOrigin()}${token.ws_path}`, [
      PROTOCOL,
      `spotlight.token.${token.token}`,
    ]);
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.set({ connected: true, attempt: 0, error: null });
      this.input({ type: "connected" });
      this.sendContext();
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws) return;
      const event = parseServerEvent(ev.data);
      if (event) this.handle(event);
    };
    ws.onerror = () => {};
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.playback?.stop();
      this.responseActive = false;
      this.set({ connected: false, userSpeaking: false });
      if (this.power && shouldReconnect(ev.code, this.sessionEnded)) {
        this.input({ type: "disconnected" });
        this.scheduleReconnect();
      } else {
        const reason = ev.reason || (this.sessionEnded ? "session ended" : `closed (${ev.code})`);
        this.power = false;
        this.closeMic();
        this.set({ error: this.snap.error ?? `Coach disconnected: ${reason}` });
        this.input({ type: "power_off" });
      }
    };
  }

  private scheduleReconnect(): void {
    if (!this.power) return;
    const attempt = this.snap.attempt;
    if (attempt >= MAX_ATTEMPTS) {
      const error = this.snap.error ?? "Coach unreachable";
      this.shutdown();
      this.set({ error: `${error} (gave up after ${attempt} attempts)` });
      return;
    }
    const delay = backoffDelay(attempt, this.deps.random);
    this.set({ attempt: attempt + 1 });
    this.input({ type: "disconnected" });
    this.retryTimer = this.deps.setTimeout(() => {
      this.retryTimer = null;
      if (this.power) void this.connect();
    }, delay);
  }

  private send(ev: ClientEvent): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return false;
    ws.send(JSON.stringify(ev));
    return true;
  }

  /** The symbol/timeframe the user looks at; sent now and on every (re)connect. */
  setContext(symbol: string | null, timeframe: number): void {
    if (symbol === this.context.symbol && timeframe === this.context.timeframe) return;
    this.context = { symbol, timeframe };
    this.sendContext();
  }

  private sendContext(): void {
    // The proxy wants a symbol; nothing to say before the watchlist has loaded.
    if (!this.context.symbol) return;
    this.send({ type: "spotlight.context", symbol: this.context.symbol, timeframe: this.context.timeframe });
  }

  // ---- microphone --------------------------------------------------------------------------

  get micOn(): boolean {
    return this.snap.mic;
  }

  async setMic(on: boolean): Promise<void> {
    if (on === this.snap.mic && !this.micOpening) return;
    if (!on) {
      this.closeMic();
      return;
    }
    if (this.micOpening) return this.micOpening;
    this.set({ mic: true });
    this.micOpening = (async () => {
      try {
        const handle = await this.deps.openMic((frame, rate) => this.onMicFrame(frame, rate));
        if (!this.snap.mic) handle.close();
        else this.mic = handle;
      } catch (err) {
        this.set({ mic: false, error: `Microphone: ${err instanceof Error ? err.message : String(err)}` });
      } finally {
        this.micOpening = null;
      }
    })();
    return this.micOpening;
  }

  private clearAbandon(): void {
    if (this.abandonTimer !== null) this.deps.clearTimeout(this.abandonTimer);
    this.abandonTimer = null;
  }

  private closeMic(): void {
    this.clearAbandon();
    this.mic?.close();
    this.mic = null;
    this.vad = null;
    this.resampler = null;
    if (this.snap.mic || this.snap.userSpeaking) this.set({ mic: false, userSpeaking: false });
  }

  /** One frame from the capture worklet (any rate): resample to 24 kHz, VAD, send. */
  onMicFrame(frame: Float32Array, sampleRate: number): void {
    if (!this.snap.mic) return;
    if (!this.resampler || this.resampler.from !== sampleRate)
      this.resampler = new Resampler(sampleRate, REALTIME_RATE);
    const pcm = this.resampler.process(frame);
    if (!this.vad) this.vad = new Vad(REALTIME_RATE);
    const ev = this.vad.process(pcm, this.playback?.playing ?? false);
    if (ev === "start") {
      this.serverHeard = false;
      this.clearAbandon();
      this.set({ userSpeaking: true });
      this.userStartedSpeaking();
    } else if (ev === "stop") {
      this.set({ userSpeaking: false });
      this.clearAbandon();
      this.abandonTimer = this.deps.setTimeout(() => {
        this.abandonTimer = null;
        if (!this.serverHeard) this.input({ type: "speech_abandoned" });
      }, ABANDON_MS);
    }
    if (pcm.length) this.send({ type: "input_audio_buffer.append", audio: encodeAudio(pcm) });
  }

  // ---- barge-in ----------------------------------------------------------------------------

  private userStartedSpeaking(): void {
    if (this.playback?.playing || this.responseActive) this.interrupt(true);
    else this.input({ type: "speech_started" });
  }

  /** Esc: stop the coach mid-sentence (same as a barge-in, but back to idle). */
  stop(): void {
    this.interrupt(false);
  }

  /**
   * Stop playback at once, cancel the response, truncate the item to what was heard (clamped to
   * what was received; skipped when nothing was heard) and drop its late deltas.
   */
  private interrupt(bySpeech: boolean): void {
    const playing = this.playback?.playing ?? false;
    if (!playing && !this.responseActive) {
      if (bySpeech) this.input({ type: "speech_started" });
      return;
    }
    const result = this.playback?.stop() ?? { itemId: null, playedMs: 0, receivedMs: 0, items: [] };
    const items = new Set(result.items);
    if (this.lastItem) items.add(this.lastItem);
    this.interrupted.add({ items, response: this.responseActive ? this.responseId : null });
    const patch: Partial<VoiceSnapshot> = { played_ms: Math.round(result.playedMs) };
    if (this.responseActive || playing) {
      if (this.send({ type: "response.cancel" })) patch.cancels = this.snap.cancels + 1;
    }
    this.responseActive = false;
    // Only an item of the response being interrupted (not one of an earlier, finished answer).
    const itemId = result.itemId && this.responseItems.has(result.itemId) ? result.itemId : null;
    const end = itemId ? truncateEndMs(result.playedMs, result.receivedMs) : null;
    if (itemId && end !== null) {
      const sent = this.send({
        type: "conversation.item.truncate",
        item_id: itemId,
        content_index: 0,
        audio_end_ms: end,
      });
      if (sent) {
        patch.truncates = this.snap.truncates + 1;
        patch.lastTruncate = {
          item_id: itemId,
          audio_end_ms: end,
          played_ms: Math.round(result.playedMs),
          received_ms: Math.round(result.receivedMs),
        };
      }
    }
    const line = this.snap.transcript;
    if (
      line?.who === "coach" &&
      this.transcriptItem &&
      items.has(this.transcriptItem) &&
      !line.text.endsWith("—")
    )
      patch.transcript = { who: "coach", text: `${line.text.trimEnd()} —` };
    this.set(patch);
    this.input({ type: "interrupted", bySpeech });
  }

  // ---- server events -----------------------------------------------------------------------

  handle(ev: ServerEvent): void {
    switch (ev.type) {
      case "spotlight.session":
        if (ev.state === "ready") {
          this.input({ type: "connected" });
        } else {
          this.sessionEnded = true;
          this.set({ error: `Coach session ${ev.state}${ev.reason ? `: ${ev.reason}` : ""}` });
        }
        return;
      case "spotlight.tool": {
        const symbol = ev.symbol ?? this.callSymbols.get(ev.call_id) ?? this.context.symbol ?? "";
        if (ev.status !== "started") this.callSymbols.delete(ev.call_id);
        this.set({ tool: { name: ev.name, status: ev.status, text: toolText(ev.name, ev.status, symbol) } });
        if (ev.status === "started") this.input({ type: "tool_started" });
        return;
      }
      case "input_audio_buffer.speech_started":
        this.serverHeard = true;
        this.userStartedSpeaking();
        return;
      case "input_audio_buffer.speech_stopped":
        this.serverHeard = true;
        this.input({ type: "speech_stopped" });
        return;
      case "conversation.item.input_audio_transcription.completed":
        if (ev.transcript?.trim()) this.set({ transcript: { who: "you", text: ev.transcript.trim() } });
        return;
      case "response.created":
        this.responseId = ev.response?.id ?? null;
        this.responseActive = true;
        this.responseItems.clear();
        this.input({ type: "response_started" });
        return;
      case "response.output_audio.delta": {
        if (!this.interrupted.accepts(ev) || !this.playback) {
          this.set({ droppedDeltas: this.snap.droppedDeltas + 1 });
          return;
        }
        this.responseItems.add(ev.item_id);
        if (ev.item_id !== this.lastItem) {
          this.lastItem = ev.item_id;
          this.set({ played_ms: 0 });
        }
        this.playback.enqueue(ev.item_id, decodeAudio(ev.delta));
        this.input({ type: "audio" });
        return;
      }
      case "response.output_audio_transcript.delta": {
        if (!this.interrupted.accepts(ev)) return;
        const prev = this.snap.transcript;
        const text =
          prev?.who === "coach" && this.transcriptItem === ev.item_id ? prev.text + ev.delta : ev.delta;
        this.transcriptItem = ev.item_id;
        this.set({ transcript: { who: "coach", text } });
        return;
      }
      case "response.output_audio_transcript.done":
        if (!this.interrupted.accepts(ev) || !ev.transcript) return;
        this.transcriptItem = ev.item_id;
        this.set({ transcript: { who: "coach", text: ev.transcript } });
        return;
      case "response.function_call_arguments.done": {
        // The tool's symbol argument, for "checked QQQ snapshot" (the proxy runs the call).
        const symbol = symbolArgument(ev.arguments);
        if (symbol && ev.call_id) {
          this.callSymbols.set(ev.call_id, symbol);
          if (this.callSymbols.size > 32)
            this.callSymbols.delete(this.callSymbols.keys().next().value as string);
        }
        return;
      }
      case "response.done":
        if (ev.response?.id && ev.response.id !== this.responseId && !this.responseActive) return;
        this.responseActive = false;
        if (this.lastItem && this.playback)
          this.set({ played_ms: Math.round(this.playback.playedMs(this.lastItem)) });
        this.input({ type: "response_done", playing: this.playback?.playing ?? false });
        return;
      case "error": {
        const code = ev.error?.code ?? "";
        if (BENIGN_ERRORS.has(code)) return;
        this.set({ error: ev.error?.message ?? code ?? "error" });
        return;
      }
    }
  }

  private transcriptItem: string | null = null;
  private readonly callSymbols = new Map<string, string>();
  /** Audio items of the newest response (what a barge-in may truncate). */
  private readonly responseItems = new Set<string>();
  private serverHeard = false;
  private abandonTimer: unknown = null;
}
