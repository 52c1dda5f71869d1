// How a new live alert is announced: a short chime (Web Audio; pitch by direction) and/or
// the alert read aloud (speechSynthesis), as the user's stored preferences say.
import type { Signal } from "../../shared/api/types";

/** The user's alert preferences (`alert_sound`, `alert_speech` in /api/account/settings). */
export interface AlertNotify {
  sound: boolean;
  speech: boolean;
}

/** The server's defaults (storage/preferences.py), used until the settings have loaded. */
export const NOTIFY_DEFAULTS: AlertNotify = { sound: true, speech: false };

export interface Announcer {
  chime(direction: Signal["direction"]): void;
  speak(text: string): void;
  /** Stop speaking (speech was turned off). */
  hush(): void;
}

const PITCH_HZ: Record<Signal["direction"], number> = { long: 880, short: 440, neutral: 660 };

let audio: AudioContext | null = null;

export function speechAvailable(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window;
}

/** The real thing: one shared AudioContext, at most one queued utterance (no backlog). */
export const browserAnnouncer: Announcer = {
  chime(direction) {
    if (typeof AudioContext === "undefined") return;
    audio ??= new AudioContext();
    // Browsers start audio suspended until the page has had a user gesture.
    if (audio.state === "suspended") audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = PITCH_HZ[direction];
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.3);
  },
  speak(text) {
    if (!speechAvailable() || window.speechSynthesis.pending) return;
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 1.05;
    window.speechSynthesis.speak(u);
  },
  hush() {
    if (speechAvailable()) window.speechSynthesis.cancel();
  },
};

/** What to announce for alerts that just arrived live: the newest of a burst, once. */
export function announcement(fresh: readonly Signal[]): Signal | null {
  return fresh.reduce<Signal | null>((a, s) => (a === null || s.ts_ms >= a.ts_ms ? s : a), null);
}
