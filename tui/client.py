"""An HTTP client for the records service: JSON calls and Server-Sent Events, typed errors."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx


class ServiceError(Exception):
    """The service could not answer; `hint` says what the user can do about it."""

    def __init__(self, message: str, hint: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.status = status

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


@dataclass(frozen=True)
class Event:
    """One Server-Sent Event: its name and decoded JSON data."""

    name: str
    data: dict[str, Any]


class RecordsClient:
    """Talks to one service; every failure becomes a ServiceError with a hint."""

    def __init__(self, base_url: str, api_key: str | None = None, timeout: float = 60.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.base_url = base_url.rstrip("/")
        self._http = httpx.AsyncClient(base_url=self.base_url, headers=headers, timeout=timeout)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def ready(self) -> dict[str, Any]:
        """Index counts, generation and model (raises when the service is not there)."""
        return await self._json("GET", "/ready")

    async def documents(self, **params: Any) -> dict[str, Any]:
        """A page of documents (kind, since, until, page, per_page)."""
        query = {k: v for k, v in params.items() if v is not None}
        return await self._json("GET", "/v1/documents", params=query)

    async def document(self, doc_id: str) -> dict[str, Any]:
        """A document's metadata and full text."""
        return await self._json("GET", f"/v1/documents/{doc_id}")

    async def timeline(self, **params: Any) -> dict[str, Any]:
        """Dated events (since, until, kind, about)."""
        query = {k: v for k, v in params.items() if v}
        return await self._json("GET", "/v1/timeline", params=query)

    async def recommendations(self, status: str | None = None) -> dict[str, Any]:
        """The register's rows, optionally of one status."""
        return await self._json(
            "GET", "/v1/recommendations", params={"status": status} if status else {}
        )

    async def check(self, text: str) -> dict[str, Any]:
        """Fact-check a draft: one verdict per claim, plus the report."""
        return await self._json("POST", "/v1/check", json={"text": text})

    async def chat(
        self, messages: list[dict[str, str]], filters: dict[str, str] | None = None
    ) -> AsyncIterator[Event]:
        """Stream an answer: meta, delta..., citations, done."""
        body: dict[str, Any] = {"messages": messages, "stream": True}
        if filters:
            body["filters"] = filters
        try:
            async with self._http.stream("POST", "/v1/chat", json=body) as response:
                if response.status_code >= 400:
                    await response.aread()
                    raise _error(response)
                async for event in _events(response):
                    yield event
        except httpx.HTTPError as exc:
            raise _transport_error(exc, self.base_url) from exc

    async def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = await self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise _transport_error(exc, self.base_url) from exc
        if response.status_code >= 400:
            raise _error(response)
        data: dict[str, Any] = response.json()
        return data


async def _events(response: httpx.Response) -> AsyncIterator[Event]:
    """Parse text/event-stream lines into events."""
    name, data = "message", list[str]()
    async for line in response.aiter_lines():
        if not line:
            if data:
                yield Event(name, json.loads("\n".join(data)))
            name, data = "message", list[str]()
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())


def _error(response: httpx.Response) -> ServiceError:
    """The service's JSON error as a ServiceError, with what to do about it."""
    try:
        message = response.json()["error"]["message"]
    except (ValueError, KeyError, TypeError):
        message = f"the service answered {response.status_code}"
    status = response.status_code
    hints = {
        401: "set an API key with --api-key or ASSISTANT_API_KEY",
        403: "this needs a key with a higher role",
        429: f"wait {response.headers.get('Retry-After', 'a few')} s, then retry (ctrl+r)",
        503: "the index is unavailable: check the service log",
    }
    return ServiceError(message, hints.get(status, ""), status)


def _transport_error(exc: httpx.HTTPError, base_url: str) -> ServiceError:
    if isinstance(exc, httpx.TimeoutException):
        return ServiceError("the service took too long to answer", "retry with ctrl+r")
    return ServiceError(
        f"cannot reach the service at {base_url}",
        "start it with `assistant serve`, then retry with ctrl+r",
    )
