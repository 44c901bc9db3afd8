"""The provider layer: calls to OpenAI-compatible model servers (kept apart from the core)."""
