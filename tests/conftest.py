"""Shared fixtures: where test data lives, and how cassettes are recorded and replayed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CASSETTES = ROOT / "cassettes"
SEED = ROOT / "examples" / "guangan-2020-03-02.txt"

# Only these request headers are kept in cassettes: nothing that identifies a caller or a machine.
_KEPT_REQUEST_HEADERS = {"content-type"}
_DROPPED_RESPONSE_HEADERS = {"set-cookie", "date", "server", "x-request-id", "openai-organization"}


def _scrub_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() not in _KEPT_REQUEST_HEADERS:
            del request.headers[name]
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _DROPPED_RESPONSE_HEADERS:
            del headers[name]
    return response


_PYDANTIC_DOCS = re.compile(r"https://errors\.pydantic\.dev/[0-9.]+/")


def _comparable_body(request: Any) -> object:
    """A request body with the pydantic version in error links blanked (re-asks quote pydantic's errors)."""
    raw = request.body.decode("utf-8") if isinstance(request.body, bytes) else (request.body or "")
    raw = _PYDANTIC_DOCS.sub("https://errors.pydantic.dev/VERSION/", raw)
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def same_body(recorded: Any, replayed: Any) -> None:
    """vcrpy matcher: request bodies equal as JSON, pydantic's versioned links aside."""
    assert _comparable_body(recorded) == _comparable_body(replayed)


def pytest_recording_configure(config: Any, vcr: Any) -> None:
    vcr.register_matcher("json_body", same_body)


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "cookie"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "json_body"],
        "decode_compressed_response": True,
        "allow_playback_repeats": True,
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)
