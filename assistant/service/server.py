"""`assistant serve`: refuse unsafe binds, then run the app under uvicorn."""

from __future__ import annotations

import ipaddress
import os

import uvicorn

from assistant.access import DB_NAME, KeyStore
from assistant.errors import AssistantError
from assistant.settings import Settings


class UnsafeBind(AssistantError):
    """Serving beyond this machine with no API keys would open sensitive records to all."""


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach the address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, settings: Settings) -> None:
    """Open mode (no keys) is for loopback only."""
    if not is_loopback(host) and not _keys_exist(settings):
        raise UnsafeBind(
            f"refusing to serve on {host} with no API keys: make one first with"
            " `assistant keys create --role admin`, or bind 127.0.0.1"
        )


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    """Run uvicorn; workers each build the app from the same settings (environment)."""
    check_bind(host, settings)
    os.environ["ASSISTANT_HOME"] = str(settings.home)  # workers read settings from the env
    os.environ["ASSISTANT_BIND_HOST"] = host
    uvicorn.run(
        "assistant.service.app:app_factory",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )


def _keys_exist(settings: Settings) -> bool:
    """Whether any key was made (checked without creating anything)."""
    if not (settings.home / DB_NAME).exists():
        return False
    return KeyStore(settings.home).any_active()
