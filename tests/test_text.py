"""The Simplified copy: OpenCC's t2s, one character for one, faster than OpenCC itself."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from digestllm.text import ScriptView, to_simplified
from tests.conftest import DATA, SEED

_OPENCC = OpenCC("t2s")


@pytest.mark.parametrize("path", sorted((DATA / "corpus").glob("*.txt")) + [SEED], ids=lambda p: p.name)
def test_the_fast_converter_agrees_with_opencc(path) -> None:
    text = path.read_text(encoding="utf-8")
    assert to_simplified(text) == _OPENCC.convert(text)


@pytest.mark.parametrize("text", ["乾隆皇帝乾杯，天干物燥", "頭髮 發展\t著名 於是乎", "瞭解了一目瞭然。乾", "麼麽什麼"])
def test_phrase_dependent_characters_follow_opencc(text: str) -> None:
    assert to_simplified(text) == _OPENCC.convert(text)
    assert len(to_simplified(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "script"),
    [("市委書記李龍", "traditional"), ("市委书记李龙", "simplified"), ("市委書記李龙", "mixed"), ("hello", "none")],
)
def test_script_detection(text: str, script: str) -> None:
    assert ScriptView(text).script == script
