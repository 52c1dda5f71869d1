"""The voice coach (docs/voice.md): tokens and admission for /ws/realtime, the session
proxied to the OpenAI Realtime API, the coach policy (system prompt) and the tools the
server runs for the model. Imports nothing from the web layer (``api``, ``runtime``)."""
