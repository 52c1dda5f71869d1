// REST of the replay controls (GET /api/replay and its POSTs; 404 when the feed is no replay).
import { http } from "../../shared/api/http";
import type { ReplayJumpRequest, ReplaySpeedRequest, ReplayStatus } from "../../shared/api/types";

export function getReplay(signal?: AbortSignal): Promise<ReplayStatus> {
  return http.get<ReplayStatus>("/api/replay", { signal: signal ?? null });
}

export function pauseReplay(): Promise<ReplayStatus> {
  return http.post<ReplayStatus>("/api/replay/pause");
}

export function resumeReplay(): Promise<ReplayStatus> {
  return http.post<ReplayStatus>("/api/replay/resume");
}

/** `speed` × real time; null: as fast as possible. */
export function setReplaySpeed(speed: number | null): Promise<ReplayStatus> {
  const body: ReplaySpeedRequest = { speed };
  return http.post<ReplayStatus>("/api/replay/speed", body);
}

/** Jump ahead to `time` ("HH:MM", New York) on the replayed day. */
export function jumpReplay(time: string): Promise<ReplayStatus> {
  const body: ReplayJumpRequest = { time };
  return http.post<ReplayStatus>("/api/replay/jump", body);
}
