import { useQuery } from "@tanstack/react-query";
import { getVoiceStatus } from "./api";

export const voiceKeys = {
  status: ["voice", "status"] as const,
};

/** Whether voice is configured on the server (`enabled`, or the `reason` it is not). */
export function useVoiceStatus() {
  return useQuery({
    queryKey: voiceKeys.status,
    queryFn: ({ signal }) => getVoiceStatus(signal),
  });
}
