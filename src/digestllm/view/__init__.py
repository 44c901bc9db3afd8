"""HTML review pages: each record highlighted in its source text, per document and for a corpus."""

from digestllm.view.render import PageLinks, render_html

__all__ = ["PageLinks", "render_html"]
