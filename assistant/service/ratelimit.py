"""Per-key request rate: a token bucket that refills continuously."""

from __future__ import annotations

import math
import threading
import time


class RateLimiter:
    """Allows `per_minute` requests per identity; says how long to wait when over."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, identity: str) -> float:
        """Spend one token; 0 when allowed, else the seconds until one is free."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(identity, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.refill_per_second)
            if tokens >= 1:
                self._buckets[identity] = (tokens - 1, now)
                return 0.0
            self._buckets[identity] = (tokens, now)
            return (1 - tokens) / self.refill_per_second


def retry_after(seconds: float) -> str:
    """Whole seconds for the Retry-After header (at least 1)."""
    return str(max(1, math.ceil(seconds)))
