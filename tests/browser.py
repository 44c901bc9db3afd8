"""The system Chromium under Playwright, for the view tests and bench/view.py; Playwright never downloads one.

`CHROMIUM` is Debian's `/usr/bin/chromium` (`.ci/run` installs it with apt when absent), or the browser that
DIGESTLLM_CHROMIUM names.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("DIGESTLLM_CHROMIUM", "/usr/bin/chromium"))
# Headless, and nothing of its own on the network: no QUIC, no component updates, no sync, no first run.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_SCHEMES = ("file:", "data:", "about:")


def chromium_missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, as .ci/run does; or set DIGESTLLM_CHROMIUM)"
    return None


@contextmanager
def chromium() -> Iterator[Any]:
    """A running headless Chromium (a Playwright `Browser`), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


class RequestLog:
    """Every request a page makes; `leaving` lists those that are not to a local file or inline data."""

    def __init__(self, page: Any) -> None:
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    @property
    def leaving(self) -> list[str]:
        return [url for url in self.urls if not url.startswith(LOCAL_SCHEMES)]
