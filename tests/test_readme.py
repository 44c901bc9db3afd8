"""Every snippet of the README runs as written from a fresh clone (issue 12, item 6).

The ```python blocks run whole, one process each, from the repository root. In the ```sh blocks, the
lines that start with `digestllm ` or `make demo` run, in a scratch folder that sees the repository's
`examples/` and `tests/` (so that what they write, like `results/`, lands there). A block preceded by
`<!-- not-run: reason -->` is skipped: one that needs a model server, say. Whatever other sections the
README gains, their blocks are picked up here.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(r"(?P<mark><!--\s*not-run:[^>]*-->\s*\n)?```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)
_RUN_PREFIXES = ("digestllm ", "make demo")
VENV_BIN = Path(sys.executable).parent


def blocks(language: str) -> list[tuple[int, str]]:
    """(line number, body) of each runnable block in `language`."""
    text = README.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, match.start("body")) + 1, match["body"])
        for match in _BLOCK.finditer(text)
        if match["lang"] == language and not match["mark"]
    ]


def command_lines() -> list[tuple[int, str]]:
    """(line number, command) of each sh line to run, comments cut off."""
    found = []
    for first_line, body in blocks("sh"):
        for offset, line in enumerate(body.splitlines()):
            command = line.split("  #")[0].strip()
            if command.startswith(_RUN_PREFIXES):
                found.append((first_line + offset, command))
    return found


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTLLM_", "OPENAI_"))}
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """A README snippet run as a user would: in `cwd`, with the suite's environment, output captured."""
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=environment(), timeout=300, check=False
    )


def _block_id(value: object) -> str:
    return f"line {value}" if isinstance(value, int) else ""


def test_item6_the_readme_has_snippets_to_run() -> None:
    assert blocks("python"), "no ```python block found"
    assert any(command.startswith("digestllm extract") for _, command in command_lines())


@pytest.mark.parametrize(("line", "body"), blocks("python"), ids=_block_id)
def test_item6_python_block_runs(line: int, body: str) -> None:
    completed = run([sys.executable, "-c", body], ROOT)
    assert completed.returncode == 0, f"README.md line {line}:\n{completed.stderr[-2000:]}"


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A folder where the README's relative paths resolve to the repository's files."""
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


@pytest.mark.parametrize(("line", "command"), command_lines(), ids=lambda value: str(value)[:60])
def test_item6_command_line_runs(line: int, command: str, scratch: Path) -> None:
    if command.startswith("make "):
        # The suite runs inside the environment `make` would build: use it as built, never reinstall.
        venv = Path(sys.prefix)
        command = f"{command} VENV={shlex.quote(str(venv))} -o {shlex.quote(str(venv / '.runtime'))}"
    completed = run(["bash", "-c", command], scratch)
    assert completed.returncode == 0, f"README.md line {line}: {command}\n{completed.stderr[-2000:]}"
    assert "Traceback" not in completed.stderr
