export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from "./backoff";
export {
  type EventSourceLike,
  type MarketPhase,
  normalizeSymbols,
  StreamClient,
  type StreamClientOptions,
  type StreamListeners,
  type StreamSnapshot,
  type StreamState,
  stateForPhase,
} from "./client";
