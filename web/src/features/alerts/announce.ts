// How a new live alert is announced: a short sound (Web Audio; the rule's tone, pitched by
// direction), the alert read aloud (speechSynthesis) and a desktop notification
// (Notification API), as the user's stored preferences say.
import type { Preferences, Signal } from "../../shared/api/types";

/** The user's alert preferences (`alert_sound`, `alert_speech`, `alert_desktop`). */
export interface AlertNotify {
  sound: boolean;
  speech: boolean;
  desktop: boolean;
}

/** The server's defaults (storage/preferences.py), used until the settings have loaded. */
export const NOTIFY_DEFAULTS: AlertNotify = { sound: true, speech: false, desktop: false };

/** A rule's sound (`rule_sounds` in the preferences; a rule without one: the chime). */
export type Tone = Preferences["rule_sounds"][string];
export type AudibleTone = Exclude<Tone, "off">;

export const TONES: readonly { tone: Tone; label: string }[] = [
  { tone: "chime", label: "Chime" },
  { tone: "bell", label: "Bell" },
  { tone: "blip", label: "Blip" },
  { tone: "off", label: "No sound" },
];

export interface Announcer {
  chime(direction: Signal["direction"], tone: AudibleTone): void;
  speak(text: string): void;
  /** Stop speaking (speech was turned off). */
  hush(): void;
  /** A desktop notification (only when the browser has granted the permission). */
  notify(title: string, body: string, tag: string): void;
}

const PITCH_HZ: Record<Signal["direction"], number> = { long: 880, short: 440, neutral: 660 };
/** Each tone: frequency ratio to the direction's pitch, waveform, seconds. */
const TONE_SHAPE: Record<AudibleTone, { ratio: number; wave: OscillatorType; seconds: number }> = {
  chime: { ratio: 1, wave: "sine", seconds: 0.25 },
  bell: { ratio: 1.5, wave: "triangle", seconds: 0.8 },
  blip: { ratio: 2, wave: "square", seconds: 0.08 },
};

export function notificationsAvailable(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/** Ask for the notification permission (on the user's click): true when granted. */
export async function askNotifications(): Promise<boolean> {
  if (!notificationsAvailable()) return false;
  if (Notification.permission === "granted") return true;
  if (Notification.permission === "denied") return false;
  return (await Notification.requestPermission()) === "granted";
}

let audio: AudioContext | null = null;

export function speechAvailable(): boolean {
  return typeof window !== "undefined" && "speechSynthesis" in window;
}

/** The real thing: one shared AudioContext, at most one queued utterance (no backlog). */
export const browserAnnouncer: Announcer = {
  chime(direction, tone) {
    if (typeof AudioContext === "undefined") return;
    audio ??= new AudioContext();
    // Browsers start audio suspended until the page has had a user gesture.
    if (audio.state === "suspended") audio.resume().catch(() => undefined);
    const shape = TONE_SHAPE[tone];
    const start = audio.currentTime;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = shape.wave;
    osc.frequency.value = PITCH_HZ[direction] * shape.ratio;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + shape.seconds);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + shape.seconds + 0.05);
  },
  notify(title, body, tag) {
    if (!notificationsAvailable() || Notification.permission !== "granted") return;
    try {
      new Notification(title, { body, tag });
    } catch {
      // some browsers allow notifications only from a service worker: nothing to show
    }
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
