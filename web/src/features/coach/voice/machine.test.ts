import { describe, expect, it } from "vitest";
import { InterruptedSet, shouldReconnect, transition, type VoiceInput, type VoiceState } from "./machine";

function run(inputs: VoiceInput[], from: VoiceState = "off"): VoiceState[] {
  const out: VoiceState[] = [];
  let s = from;
  for (const i of inputs) {
    s = transition(s, i);
    out.push(s);
  }
  return out;
}

describe("transition", () => {
  it("goes through a whole turn", () => {
    expect(
      run([
        { type: "power_on" },
        { type: "connected" },
        { type: "speech_started" },
        { type: "speech_stopped" },
        { type: "response_started" },
        { type: "audio" },
        { type: "response_done", playing: true },
        { type: "playback_drained", responseActive: false },
      ]),
    ).toEqual(["connecting", "idle", "listening", "thinking", "thinking", "speaking", "speaking", "idle"]);
  });

  it("barge-in goes to listening, Esc to idle", () => {
    expect(transition("speaking", { type: "interrupted", bySpeech: true })).toBe("listening");
    expect(transition("speaking", { type: "interrupted", bySpeech: false })).toBe("idle");
    expect(transition("thinking", { type: "interrupted", bySpeech: false })).toBe("idle");
  });

  it("does not leave speaking while audio is still queued or more is coming", () => {
    expect(transition("speaking", { type: "playback_drained", responseActive: true })).toBe("speaking");
    expect(transition("speaking", { type: "response_done", playing: false })).toBe("idle");
    expect(transition("thinking", { type: "response_done", playing: false })).toBe("idle");
  });

  it("stays listening while the user talks; tools keep it thinking", () => {
    expect(transition("listening", { type: "response_started" })).toBe("listening");
    expect(transition("listening", { type: "audio" })).toBe("listening");
    expect(transition("idle", { type: "tool_started" })).toBe("thinking");
    expect(transition("listening", { type: "speech_abandoned" })).toBe("idle");
    expect(transition("thinking", { type: "speech_abandoned" })).toBe("thinking");
  });

  it("off and connecting ignore conversation events; a drop reconnects", () => {
    expect(transition("off", { type: "speech_started" })).toBe("off");
    expect(transition("connecting", { type: "audio" })).toBe("connecting");
    expect(transition("speaking", { type: "disconnected" })).toBe("connecting");
    expect(transition("off", { type: "disconnected" })).toBe("off");
    expect(transition("speaking", { type: "power_off" })).toBe("off");
  });
});

describe("InterruptedSet", () => {
  it("drops deltas of interrupted items and responses only", () => {
    const s = new InterruptedSet(2);
    s.add({ items: ["i1"], response: "r1" });
    expect(s.accepts({ item_id: "i1", response_id: "r9" })).toBe(false);
    expect(s.accepts({ item_id: "i9", response_id: "r1" })).toBe(false);
    expect(s.accepts({ item_id: "i2", response_id: "r2" })).toBe(true);
    s.add({ items: ["i2", "i3"] });
    expect(s.accepts({ item_id: "i1" })).toBe(true); // bounded memory
  });
});

describe("shouldReconnect", () => {
  it("retries network closes, not policy closes or ended sessions", () => {
    expect(shouldReconnect(1006, false)).toBe(true);
    expect(shouldReconnect(1011, false)).toBe(true);
    expect(shouldReconnect(1008, false)).toBe(false);
    expect(shouldReconnect(4003, false)).toBe(false);
    expect(shouldReconnect(1000, false)).toBe(false);
    expect(shouldReconnect(1006, true)).toBe(false);
  });
});
