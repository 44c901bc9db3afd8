"""Shared fixtures: where test data lives, and how cassettes are recorded and replayed."""

from __future__ import annotations

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


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": ["authorization", "api-key", "x-api-key", "openai-organization", "cookie"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
        "allow_playback_repeats": True,
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)
