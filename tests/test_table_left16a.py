"""A deadline phrase after a clause's short subject (issue 13): "县人社局6月底前组织…", "养老床位6月底前达到…" date the
clause as "6月底前组织…" does; the office is no part of the indicator's name, the thing counted is."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.schedule import dated_clauses
from tests.conftest import convert_words


def _indicators(tmp_path, words: str) -> list[tuple[str, list[tuple[date, float]]]]:
    task = convert_words(tmp_path, words, 2024).programme.tasks[0]
    return [(i.name, [(m.due, m.target) for m in i.milestones]) for line in task.lines for i in line.indicators]


def test_an_office_before_a_deadline_dates_the_clause_and_is_no_part_of_the_name(tmp_path):
    assert _indicators(tmp_path, "县人社局6月底前组织技能培训200人次") == [
        ("组织技能培训", [(date(2024, 6, 30), 200)])]


def test_the_thing_counted_before_a_deadline_keeps_each_dated_level(tmp_path):
    assert _indicators(tmp_path, "养老床位6月底前达到3000张，12月底前达到3000张") == [
        ("养老床位", [(date(2024, 6, 30), 3000), (date(2024, 12, 31), 3000)])]


@pytest.mark.parametrize("words", ["2023年开工的学校", "2025年建成区绿化覆盖率", "6月底前开工的项目"])
def test_a_date_that_describes_or_names_starts_no_clause(words):
    assert dated_clauses(words, 2024) == []


@pytest.mark.parametrize(("words", "label"), [("污水管网三季度末完成改造", "三季度末"), ("县住建局年底前完成改造", "年底前")])
def test_other_deadline_phrases_after_a_subject_date_the_clause(words, label):
    assert [found[0] for found in dated_clauses(words, 2024)] == [label]
