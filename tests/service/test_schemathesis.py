"""Property-based checks of every operation in /openapi.json (schemathesis, in-process ASGI).

The schema is loaded with schemathesis.openapi.from_asgi from the running app; each
operation is one test that draws at most MAX_EXAMPLES requests from the operation's
strategy (valid and invalid ones), sends them in-process and checks that no response
is a 5xx and that each matches the response schema the API documents.

schemathesis' own pytest entry (`schemathesis.pytest.from_fixture` + `parametrize`)
fails under pytest 9 (it reads the private `Function._nodeid`), so the operations are
parametrized here from the app's OpenAPI document and driven with hypothesis directly.

The app runs over its own copy of the reference index with an admin key sent on
every request, so generated POST /v1/keys calls cannot lock the run out. The
multipart upload is included: it is quick (most generated names are refused with
415) and stayed deterministic with derandomize=True.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance
from schemathesis.core.result import Ok
from schemathesis.python.asgi import shutdown_lifespans

from assistant.access import KeyStore
from assistant.service.app import create_app
from assistant.settings import Settings
from index import Embedder

from ..servers import copy_home
from .conftest import (
    bearer,
)

MAX_EXAMPLES = 15
CHECKS = [not_a_server_error, response_schema_conformance]


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, from an app that is built but never started."""
    spec = create_app(Settings(home=Path("unused-home"))).openapi()
    return [(method.upper(), path) for path, item in spec["paths"].items() for method in item]


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def fuzzed(
    tmp_path_factory: pytest.TempPathFactory, reference_home: Path, embedder: Embedder
) -> Iterator[tuple[schemathesis.BaseSchema, str]]:
    """The schema of an app over a copy of the reference index, and an admin key for it."""
    home = copy_home(reference_home, tmp_path_factory.mktemp("schemathesis") / "home")
    keys = KeyStore(home)
    secret = keys.create("admin", "schemathesis")[1]
    keys.close()
    app = create_app(Settings(home=home, rate_per_minute=1_000_000), embedder=embedder)
    yield schemathesis.openapi.from_asgi("/openapi.json", app), secret
    shutdown_lifespans()  # schemathesis started the app's lifespan: close its databases


def test_every_operation_is_fuzzed(fuzzed: tuple[schemathesis.BaseSchema, str]) -> None:
    schema, _ = fuzzed
    served = set()
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result.err()  # every operation's schema loads
        served.add((result.ok().method.upper(), result.ok().path))
    assert served == set(OPERATIONS) and len(OPERATIONS) >= 15


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_conforms_to_its_schema(
    fuzzed: tuple[schemathesis.BaseSchema, str], method: str, path: str
) -> None:
    schema, secret = fuzzed
    operation = schema[path][method]
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=strategy)
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=bearer(secret), checks=CHECKS)

    check()
