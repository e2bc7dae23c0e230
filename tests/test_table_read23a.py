"""Issue 13, the reader's figure/step leftovers (13-read23a): each rule on a small synthetic text."""

from __future__ import annotations

import re

import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.vocabulary import BOUND_WORDS


@pytest.mark.parametrize("words", [
    "每月调查失业率不高于5.5%",
    "每月调查失业率不超过5.5%",
    "投诉率少于2%",
    "每月调查失业率控制在5.5%",
    "空置企业数量降至10家",
    "参保人数不少于100人",
])
def test_a_bound_word_is_no_part_of_the_name(words):
    """Every bound word of the vocabulary (不高于, 不超过, 低于, 控制在, 降至 …) is stripped from a name's end, as 不低于
    was: "每月调查失业率不高于5.5%" names 每月调查失业率."""
    names = [m.name for m in find_mentions(words)]
    assert names, words
    assert not any(name.endswith(BOUND_WORDS) for name in names), names
    assert all(re.search(r"[率数量]$", name) for name in names), names
