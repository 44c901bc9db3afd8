"""examples/run_examples.py runs offline from any working directory and shows the seed's officials."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "examples" / "run_examples.py"
SEED_OFFICIALS = ["文建平", "劉永明", "米亮", "謝洋波", "李建勤", "鄭鵬程", "毛加慶", "蔣波", "趙璞"]


def test_run_examples_prints_the_seed_officials(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "160"}
    completed = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    missing = [name for name in SEED_OFFICIALS if name not in completed.stdout]
    assert not missing, f"not in the output: {missing}"
    assert re.fullmatch(r"\d+ officials, \d+ events, \d+ metrics across \d+ files?", completed.stdout.splitlines()[-1])
