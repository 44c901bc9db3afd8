"""The API key and the server's URL: checked before any call, and the key kept out of every message.

A key read with `open('key').read()` ends in a line break; sent as is, the HTTP layer fails with an
error that quotes the whole `Authorization` header. So a key must be printable ASCII without spaces
(what every provider issues), and a base URL an http(s) URL with a host; anything else is a
`ConfigurationError` at once that never quotes the key. `redact` blots the key out of any text —
an error body a server echoes, a log record, a warning — in every form a message may quote it.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from digestllm.errors import ConfigurationError

MIN_SECRET_CHARS = 8  # a shorter "key" is a placeholder; blotting it out would garble messages
REDACTED = "[redacted]"
_KEY_CHARS = frozenset(chr(code) for code in range(0x21, 0x7F))  # printable ASCII, no space


def check_api_key(key: object) -> None:
    """A `ConfigurationError` that says what is wrong with the key, without quoting it."""
    if not isinstance(key, str):
        raise ConfigurationError(f"the API key must be a string, not {type(key).__name__}")
    if not key:
        raise ConfigurationError("the API key is empty: set OPENAI_API_KEY or pass api_key=...")
    for position, char in enumerate(key):
        if char not in _KEY_CHARS:
            raise ConfigurationError(
                f"the API key holds {_describe(char)} at character {position + 1} of {len(key)}"
                f"{_hint(char)}; an API key is printable ASCII without spaces"
            )


def _describe(char: str) -> str:
    if char in "\r\n":
        return "a line break"
    if char.isspace():
        return "a space" if char == " " else "white space"
    if unicodedata.category(char)[0] == "C":
        return f"the control character U+{ord(char):04X}"
    return "a non-ASCII character"


def _hint(char: str) -> str:
    if char in "\r\n":
        return " (read from a file with its newline? strip it: open(path).read().strip())"
    if ord(char) > 127:
        return " (a placeholder or a key pasted with typographic quotes?)"
    return ""


def check_base_url(url: object) -> None:
    """A `ConfigurationError` unless `url` is None or an http(s) URL with a host and a valid port."""
    if url is None:
        return
    if not isinstance(url, str):
        raise ConfigurationError(f"base_url must be a string, not {type(url).__name__}")
    problem = _url_problem(url)
    if problem:
        raise ConfigurationError(
            f"base_url {_shown_url(url)!r} is not usable: {problem}; expected e.g. http://127.0.0.1:8765/v1"
        )


def _url_problem(url: str) -> str | None:
    if any(char.isspace() or unicodedata.category(char)[0] == "C" for char in url):
        return "it holds white space or a control character"
    try:
        parts = urlsplit(url)
        port = parts.port  # a port that is no number or out of range raises here
    except ValueError as error:
        return str(error)
    if parts.scheme not in ("http", "https"):
        return f"the scheme must be http or https, not {parts.scheme or 'none'!r}"
    if not parts.hostname:
        return "it names no host"
    if port == 0:
        return "port 0 is no port"
    return None


def _shown_url(url: str) -> str:
    """The URL without any user:password@ part, and cut short."""
    head, at, tail = url.partition("@")
    shown = f"{head.split('//', 1)[0]}//{REDACTED}@{tail}" if at and "//" in head else url
    return shown if len(shown) <= 100 else shown[:99] + "…"


def secret_forms(secret: str) -> list[str]:
    """Every way a message may quote `secret`: as is, stripped, escaped as repr() or JSON does; longest first."""
    forms = {
        secret,
        secret.strip(),
        secret.encode("unicode_escape").decode("ascii"),
        repr(secret)[1:-1],
        repr(secret.encode("utf-8", "backslashreplace"))[2:-1],
    }
    return sorted((f for f in forms if len(f) >= MIN_SECRET_CHARS), key=len, reverse=True)


def redact(text: str, secrets: list[str] | set[str]) -> str:
    """`text` with each secret, in each of its `secret_forms`, replaced by `[redacted]`."""
    for secret in secrets:
        for form in secret_forms(secret):
            if form in text:
                text = text.replace(form, REDACTED)
    return text
