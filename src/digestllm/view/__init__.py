"""HTML review pages: each record highlighted in its source text, per document and for a corpus.

`render_html` and `PageLinks` load Jinja2 on first use, so registering the `view` command costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digestllm.view.render import PageLinks, render_html

__all__ = ["PageLinks", "render_html"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from digestllm.view import render

        return getattr(render, name)
    raise AttributeError(f"module 'digestllm.view' has no attribute {name!r}")
