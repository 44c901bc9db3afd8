"""How fast a big document's review page opens in Chromium.

Run from the repository root (needs the dev extras and Debian's chromium):

    .venv/bin/python bench/view.py [--bytes 1000000] [--runs 3]

The document is the seed (examples/guangan-2020-03-02.txt) repeated until its UTF-8 text holds `--bytes`
bytes, extracted with the rules. Printed: extraction and rendering time, the page's size and highlight count,
then for each run in a fresh browser tab: navigation start to DOMContentLoaded, to the load event, to first
contentful paint, and to the first highlight visible (measured from the test's side: `goto` to the first
`<mark>` visible); and how long a filter takes to hide every metric. Medians last.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import RequestLog, chromium, chromium_missing  # noqa: E402

from digestllm import extract  # noqa: E402
from digestllm.view import render_html  # noqa: E402

SEED = ROOT / "examples" / "guangan-2020-03-02.txt"
TIMINGS = """() => {
  const navigation = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {dom: navigation.domContentLoadedEventEnd, load: navigation.loadEventEnd, fcp: paint ? paint.startTime : -1};
}"""
FILTER = """() => {
  const started = performance.now();
  const box = document.querySelector("input[data-filter='t-m']");
  box.click();
  getComputedStyle(document.querySelector("mark.t-m")).backgroundColor;  // forces the style recalculation
  document.body.offsetHeight;
  return performance.now() - started;
}"""


def big_document(target_bytes: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, round(target_bytes / len(seed.encode("utf-8"))))
    return "\n".join([seed] * copies)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000, help="size of the document in UTF-8 bytes")
    parser.add_argument("--runs", type=int, default=3, help="page loads, each in a fresh tab")
    args = parser.parse_args()
    missing = chromium_missing()
    if missing:
        print(f"bench/view.py: {missing}", file=sys.stderr)
        return 2

    text = big_document(args.bytes)
    started = time.perf_counter()
    result = extract(text, reference_date="2020-03-02", mode="rules")
    extracted = time.perf_counter() - started
    started = time.perf_counter()
    page_html = render_html(result, text)
    rendered = time.perf_counter() - started
    spans = sum(len(official.mentions) for official in result.officials) + len(result.events) + len(result.metrics)
    print(f"document: {len(text.encode('utf-8')):,} bytes, {len(text):,} characters, {len(result.sections)} sections")
    print(f"records: {len(result.officials)} officials, {len(result.events)} events, {len(result.metrics)} metrics")
    print(f"extract: {extracted:.2f} s; render_html: {rendered:.2f} s; page {len(page_html.encode('utf-8')):,} bytes")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.html"
        path.write_text(page_html, encoding="utf-8")
        rows: list[dict[str, float]] = []
        with chromium() as browser:
            for run in range(1, args.runs + 1):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                requests = RequestLog(page)
                started = time.perf_counter()
                page.goto(path.as_uri(), wait_until="commit")
                page.wait_for_selector("#source mark", state="visible")
                first_mark = (time.perf_counter() - started) * 1000
                page.wait_for_load_state("load")
                timings = page.evaluate(TIMINGS)
                highlights = page.evaluate(
                    "() => new Set(Array.from(document.querySelectorAll('mark[data-h]'), (m) => m.dataset.h)).size"
                )
                filtering = page.evaluate(FILTER)
                row = {**timings, "mark": first_mark, "filter": filtering}
                rows.append(row)
                print(
                    f"run {run}: DOMContentLoaded {row['dom']:.0f} ms, load {row['load']:.0f} ms, "
                    f"first contentful paint {row['fcp']:.0f} ms, first highlight visible {row['mark']:.0f} ms, "
                    f"hiding every metric {row['filter']:.0f} ms; highlights {highlights:,} of {spans:,} spans; "
                    f"requests leaving the page: {len(requests.leaving)}"
                )
                context.close()
    median = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
    print(
        f"median of {len(rows)}: load {median['load']:.0f} ms, first highlight visible {median['mark']:.0f} ms, "
        f"filter {median['filter']:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
