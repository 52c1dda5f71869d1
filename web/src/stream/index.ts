export { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from "./backoff";
export {
  type EventSourceLike,
  normalizeSymbols,
  StreamClient,
  type StreamClientOptions,
  type StreamListeners,
  type StreamSnapshot,
  type StreamState,
} from "./client";
