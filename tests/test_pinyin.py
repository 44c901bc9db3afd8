"""Names in pinyin: every official of the dev corpus checked against romanisations written by hand."""

from __future__ import annotations

import json

import pytest

from digestllm.pinyin import romanise_name, split_name
from tests.conftest import DATA

# Written by hand, by knowledge of the names (not from pypinyin's output).
DEV_CORPUS_PINYIN = {
    "李龍": "Li Long",
    "齊德旺": "Qi Dewang",
    "龐大鵬": "Pang Dapeng",
    "肖建軍": "Xiao Jianjun",
    "陈家本": "Chen Jiaben",
    "孔阳": "Kong Yang",
    "张峰": "Zhang Feng",
    "邵超": "Shao Chao",
    "赵社会": "Zhao Shehui",
    "丁福浩": "Ding Fuhao",
    "孙鸿俊": "Sun Hongjun",
    "武国定": "Wu Guoding",
    "习近平": "Xi Jinping",
    "文建平": "Wen Jianping",
    "劉永明": "Liu Yongming",
    "米亮": "Mi Liang",
    "謝洋波": "Xie Yangbo",
    "李建勤": "Li Jianqin",
    "鄭鵬程": "Zheng Pengcheng",
    "毛加慶": "Mao Jiaqing",
    "蔣波": "Jiang Bo",
    "趙璞": "Zhao Pu",
}


def test_the_table_covers_every_official_of_the_dev_corpus() -> None:
    names = {
        official["name"]
        for path in sorted((DATA / "corpus").glob("*.gold.json"))
        for official in json.loads(path.read_text(encoding="utf-8"))["officials"]
    }
    assert names == set(DEV_CORPUS_PINYIN)


@pytest.mark.parametrize(("name", "expected"), sorted(DEV_CORPUS_PINYIN.items()))
def test_dev_corpus_names(name: str, expected: str) -> None:
    assert romanise_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("单晓明", "Shan Xiaoming"),
        ("曾庆红", "Zeng Qinghong"),
        ("仇和", "Qiu He"),
        ("区伟", "Ou Wei"),
        ("解振华", "Xie Zhenhua"),
        ("查良镛", "Zha Liangyong"),
        ("朴光", "Piao Guang"),
        ("盖军", "Ge Jun"),
        ("覃志刚", "Qin Zhigang"),
        ("翟东", "Zhai Dong"),
        ("召明", "Shao Ming"),
        ("繁华", "Po Hua"),
        ("万俟卨", "Moqi Xie"),
        ("尉迟恭", "Yuchi Gong"),
        ("长孙无忌", "Zhangsun Wuji"),
        ("欧阳修", "Ouyang Xiu"),
    ],
)
def test_surnames_take_their_surname_reading(name: str, expected: str) -> None:
    assert romanise_name(name) == expected


def test_a_two_character_name_opening_like_a_compound_surname_is_surname_and_given_name() -> None:
    assert split_name("欧阳") == ("欧", "阳")
    assert romanise_name("欧阳") == "Ou Yang"


def test_traditional_names_read_through_simplified_and_apostrophe_and_umlaut() -> None:
    assert romanise_name("單曉明") == "Shan Xiaoming"
    assert romanise_name("吕建安") == "Lü Jian'an"


def test_a_name_that_is_not_chinese_comes_back_unchanged() -> None:
    assert romanise_name(" John Smith ") == "John Smith"
