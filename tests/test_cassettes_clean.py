"""No credential in any cassette: recorded requests keep only their content type."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CASSETTES

_CREDENTIAL = re.compile(r"(?i)authorization|bearer\s|api[-_]key:|sk-[A-Za-z0-9]{10,}|cookie")


def _cassettes() -> list:
    return sorted(CASSETTES.glob("*.yaml"))


def test_cassettes_exist() -> None:
    assert _cassettes(), "no cassettes: record them with `make cassettes`"


@pytest.mark.parametrize("cassette", _cassettes(), ids=lambda p: p.name)
def test_no_credentials_in_cassette(cassette) -> None:
    text = cassette.read_text(encoding="utf-8")
    assert not _CREDENTIAL.search(text), f"{cassette.name} holds credential-like text"
    assert "local-server-ignores-this" not in text
