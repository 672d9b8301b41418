"""The Textual terminal client: reaches the service over HTTP only (no torch, no faiss)."""
