// The real browser dependencies of VoiceClient: WebSocket, a 24 kHz AudioContext for playback,
// getUserMedia + an AudioWorklet for capture, and the token endpoint.
import { getVoiceToken } from "../api";
import captureWorkletUrl from "./capture-worklet.js?url";
import type { AudioSink } from "./playback";
import { type MicHandle, type SocketLike, VoiceClient, type VoiceDeps } from "./VoiceClient";

function createSink(): AudioSink & { close(): void } {
  // 24 kHz, the Realtime rate: deltas are played as they are; the browser resamples to the device.
  const ctx = new AudioContext({ sampleRate: 24_000, latencyHint: "interactive" });
  void ctx.resume().catch(() => {});
  return {
    now: () => ctx.currentTime,
    schedule(samples, rate, when, onEnded) {
      const buffer = ctx.createBuffer(1, samples.length, rate);
      buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
      const src = ctx.createBufferSource();
      src.buffer = buffer;
      src.connect(ctx.destination);
      src.onended = () => {
        src.disconnect();
        onEnded();
      };
      src.start(when);
      return { stop: () => src.stop() };
    },
    close() {
      void ctx.close().catch(() => {});
    },
  };
}

async function openMic(onFrame: (frame: Float32Array, sampleRate: number) => void): Promise<MicHandle> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  // The context runs at the device's rate (a MediaStream source cannot feed a context at another
  // rate in every browser); VoiceClient resamples each frame to 24 kHz.
  const ctx = new AudioContext({ latencyHint: "interactive" });
  try {
    await ctx.audioWorklet.addModule(captureWorkletUrl);
    await ctx.resume();
    const source = ctx.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(ctx, "spotlight-capture", { numberOfInputs: 1, numberOfOutputs: 1 });
    node.port.onmessage = (ev: MessageEvent<Float32Array>) => onFrame(ev.data, ctx.sampleRate);
    // A muted path to the destination keeps the graph pulling the worklet.
    const mute = ctx.createGain();
    mute.gain.value = 0;
    source.connect(node);
    node.connect(mute).connect(ctx.destination);
    return {
      close() {
        node.port.onmessage = null;
        source.disconnect();
        node.disconnect();
        for (const t of stream.getTracks()) t.stop();
        void ctx.close().catch(() => {});
      },
    };
  } catch (err) {
    for (const t of stream.getTracks()) t.stop();
    void ctx.close().catch(() => {});
    throw err;
  }
}

export const browserDeps: VoiceDeps = {
  fetchToken: () => getVoiceToken(),
  openSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
  createSink,
  openMic,
  wsOrigin: () => `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`,
  random: Math.random,
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
};

export function createBrowserVoiceClient(): VoiceClient {
  return new VoiceClient(browserDeps);
}
