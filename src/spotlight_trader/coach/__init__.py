"""The voice coach: token endpoint, the /ws/realtime proxy to the OpenAI Realtime API, the
coach policy (system prompt) and the tools the server runs for the model (docs/voice.md)."""
