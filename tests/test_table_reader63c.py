"""The reader's small leftovers (issue 13, reader63c): each rule on a small made-up document."""

from __future__ import annotations

from mstrack.sources.table import convert_table
from mstrack.sources.table.numbering import heading_name
from tests.conftest import write_page

HEADED = ["某县2024年民生实事项目", "一、集中供热扩建工程。", "铺设城区供热主管网，全长约4.3公里。",
          "二、农村公路提升工程。", "建设改造农村公路50公里。", "三、护眼教室改造工程。", "完成500间护眼教室改造。"]


def test_a_heading_over_its_paragraph_is_named_without_its_stop(tmp_path):
    """"一、name。" on a line of its own over its paragraph: the stop is the heading's, no part of the name — the task's
    title and its group's name are the words without it (tests/data/tables/README.md, read50c), as when none is printed."""
    plain = [line.removesuffix("。") if line.startswith(("一", "二", "三")) else line for line in HEADED]
    for lines in (HEADED, plain):
        programme = convert_table(write_page(tmp_path / "list.html", lines), "x-2024", 2024).programme
        assert [(t.code, t.title) for t in programme.tasks] == [
            ("一", "集中供热扩建工程"), ("二", "农村公路提升工程"), ("三", "护眼教室改造工程")]
        assert [a.name for a in programme.areas] == ["集中供热扩建工程", "农村公路提升工程", "护眼教室改造工程"]
        assert [i.target for t in programme.tasks for line in t.lines for i in line.indicators] == [4.3, 50, 500]


def test_a_heading_of_more_than_one_sentence_keeps_its_stops():
    """Only a name of one sentence loses its closing stop; words of several sentences are kept as printed."""
    assert heading_name("集中供热扩建工程。") == "集中供热扩建工程"
    assert heading_name("棚户区改造工程。建成安置房800套以上。") == "棚户区改造工程。建成安置房800套以上。"
    assert heading_name("集中供热扩建工程") == "集中供热扩建工程"
