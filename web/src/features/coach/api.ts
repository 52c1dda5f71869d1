// REST of the voice coach: whether voice is configured, and a token per connection.
import { http } from "../../shared/api/http";
import type { VoiceStatus, VoiceTokenResponse } from "../../shared/api/types";

export function getVoiceStatus(signal?: AbortSignal): Promise<VoiceStatus> {
  return http.get<VoiceStatus>("/api/voice/status", { signal: signal ?? null });
}

/** A fresh 60 s token for one /ws/realtime connection (503 when voice is not configured). */
export function getVoiceToken(): Promise<VoiceTokenResponse> {
  return http.post<VoiceTokenResponse>("/api/voice/token");
}
