"""The unseen-tables corpus (tests/data/tables/) and its scorer (bench/tables_score.py): the reader's score
on each table may only go up, and the scorer itself counts right, missed and invented facts as its README says."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mstrack.model import Checkpoint, Indicator, Line, Milestone, Programme, Task

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "tests" / "data" / "tables"
NOT_TABLES = {"README.md", "SOURCES.md", "floors.json", "make_tables.py"}


def _scorer():
    spec = importlib.util.spec_from_file_location("tables_score", ROOT / "bench" / "tables_score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


scorer = _scorer()
FLOORS = json.loads((TABLES / "floors.json").read_text(encoding="utf-8"))
TABLE_FILES = sorted(p.name for p in TABLES.iterdir() if p.is_file() and p.name not in NOT_TABLES
                     and not p.name.endswith(scorer.EXPECTED_SUFFIX) and p.suffix != ".pyc")


def test_every_table_has_a_reading_a_floor_and_a_source():
    sources = (TABLES / "SOURCES.md").read_text(encoding="utf-8")
    assert len(TABLE_FILES) >= 12
    assert [p.name for p in scorer.expected_files()] == TABLE_FILES
    assert sorted(FLOORS) == TABLE_FILES
    for name in TABLE_FILES:
        assert f"`{name}`" in sources, f"{name} is not described in SOURCES.md"


@pytest.mark.parametrize("name", TABLE_FILES)
def test_score_does_not_fall(name):
    score = scorer.score_file(TABLES / name)
    reading = scorer.load_expected(TABLES / name)
    assert score.total >= scorer.expected_total(reading)
    floor = FLOORS[name]
    assert score.right >= floor["right"], "\n".join([f"{name}: {score.right} facts right, floor {floor['right']}",
                                                     *score.missed, *score.invented])
    assert len(score.invented) <= floor["invented"], "\n".join(
        [f"{name}: {len(score.invented)} facts invented, at most {floor['invented']}", *score.invented])


# --- the scorer's rules, on a conversion made from a reading itself ------------------------------


def _programme(reading: dict) -> Programme:
    """A conversion that says exactly what the reading says."""
    year = reading["year"]
    tasks = []
    for t in reading["tasks"]:
        deadline = date.fromisoformat(t["deadline"]) if t.get("deadline") else None
        indicators = [Indicator(name=x["name"], unit=x["unit"], target=x["target"]) for x in t.get("targets", [])]
        numbered = [c for c in t.get("checkpoints", []) if c.get("target") is not None]
        for unit in dict.fromkeys(c.get("unit", "") for c in numbered):  # "270" with "万元": a milestone in that unit
            indicators.append(Indicator(name="checkpoints", unit=unit, milestones=[
                Milestone(due=date.fromisoformat(c["due"]), target=c["target"]) for c in numbered if c.get("unit", "") == unit]))
        checkpoints = [Checkpoint(due=date.fromisoformat(c["due"]), label="", text=c.get("text", "")) for c in t.get("checkpoints", [])]
        line = Line(lead_units=list(t.get("lead_units", [])), units=list(t.get("units", [])), checkpoints=checkpoints,
                    indicators=indicators)
        tasks.append(Task(code=str(t["code"]), title=t["title"], deadline=deadline, lines=[line]))
    return Programme(code=reading["programme"], name="", year=year, start=date(year, 1, 1), end=date(year, 12, 31), tasks=tasks)


def _score(reading: dict, programme: Programme):
    score = scorer.Score(file="x")
    scorer.compare(reading, scorer.read_programme(programme), score)
    return score


@pytest.mark.parametrize("name", TABLE_FILES)
def test_a_reading_scores_full_against_itself(name):
    """Every reading is well formed: a conversion equal to it gets every fact and invents none."""
    reading = scorer.load_expected(TABLES / name)
    score = _score(reading, _programme(reading))
    assert (score.right, score.total, score.missed, score.invented) == (scorer.expected_total(reading),) * 2 + ([], [])


READING = {
    "programme": "t-2024", "year": 2024,
    "tasks": [
        {"code": "1", "title": "新建公办幼儿园 3 所", "lead_units": ["区教育局"], "units": ["区住建局", "各街道"], "deadline": "2024-09-30",
         "targets": [{"name": "幼儿园", "target": 3, "unit": "所"}],
         "checkpoints": [{"due": "2024-06-30", "target": 1}, {"due": "2024-03-31", "target": None}]},
        {"code": "2", "title": "城镇新增就业", "lead_units": ["区人社局"], "targets": [{"name": "就业", "target": 5.2, "unit": "万人"}]},
    ],
}


def test_the_rules_of_matching():
    perfect = _programme(READING)
    assert _score(READING, perfect).right == scorer.expected_total(READING) == 10

    task1, task2 = perfect.tasks
    line = task1.lines[0]
    changed = replace(perfect, tasks=[
        replace(task1, title=" 新建公办\n幼儿园3所",
                lines=[replace(line, lead_units=["区教育局"], units=["各街道", "区住建局", "区教育局"])]),
        replace(task2, lines=[replace(task2.lines[0], indicators=[Indicator(name="就业", unit="萬人", target=5.2)])]),
    ])
    assert _score(READING, changed).right == 10, "whitespace, unit order, the lead among the units and 万/萬 scaling are no errors"

    wrong = replace(perfect, tasks=[
        replace(task1, deadline=date(2024, 12, 31), lines=[replace(line, lead_units=["区住建局"], checkpoints=[
            *line.checkpoints, Checkpoint(due=date(2024, 8, 15), label="", text="3月10日已开工"),
            Checkpoint(due=date(2024, 9, 30), label="", text="完成时限"),
        ], indicators=[
            Indicator(name="幼儿园", unit="个", target=3),
            Indicator(name="checkpoints", milestones=[Milestone(due=date(2024, 6, 30), target=2)]),
            Indicator(name="进度", unit="%", target=80, milestones=[Milestone(due=date(2024, 12, 31), target=80)]),
        ])]),
        task2,
        Task(code="3", title="新增学位810个",
             lines=[Line(lead_units=["区教育局"], indicators=[Indicator(name="学位", unit="个", target=810)])]),
    ])
    score = _score(READING, wrong)
    # missed: the lead unit, so the other units too (区住建局 is now the lead), the deadline, 3 所 (read as 个) and 1 by 6-30
    assert score.right == 10 - 5 and len(score.missed) == 5, score.missed
    assert len(score.invented) == 6 and score.total == 10 + 6, score.invented
    assert any("indicator '幼儿园' 3 个" in line for line in score.invented)
    assert any("indicator '进度' 80 %" in line for line in score.invented)
    assert any("checkpoint 2024-06-30 2" in line for line in score.invented)
    assert any("checkpoint 2024-08-15 (words only)" in line for line in score.invented)
    assert not any("2024-09-30" in line for line in score.invented), "a date at the deadline restates it"
    assert any(line.startswith("task 3:") and "no task" in line for line in score.invented)
    assert any("indicator '学位' 810 个" in line for line in score.invented)


def test_an_unreadable_file_scores_zero_of_its_facts(tmp_path):
    table = tmp_path / "x-2024.docx"
    table.write_bytes(b"not a document")
    table.with_name(table.name + scorer.EXPECTED_SUFFIX).write_text(json.dumps(READING), encoding="utf-8")
    score = scorer.score_file(table)
    assert (score.right, score.total) == (0, 10)
    assert score.error and "x-2024.docx" in score.error and str(tmp_path) not in score.error


def test_the_command_prints_each_file_and_the_total(capsys):
    assert scorer.main(["--verbose", TABLE_FILES[0]]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(TABLE_FILES[0]) and out[-1].startswith("total")
    assert scorer.main(["--json", TABLE_FILES[0]]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["file"] == TABLE_FILES[0] and data["total"] >= data["right"] >= FLOORS[TABLE_FILES[0]]["right"]


def test_measure_folds_every_leading_scale():
    """万亿元 is 10^12 元: each 万 or 亿 that leads the unit is folded, not only the first."""
    assert scorer.measure(1, "万亿元") == (1_000_000_000_000, "元")
    assert scorer.measure(2, "亿万元") == (2_000_000_000_000, "元")
    assert scorer.measure(5.2, "万人") == (52_000, "人")
    assert scorer.measure(3, "万") == (3, "万"), "a bare scale with no unit after it is the unit itself"
    assert scorer.measure(None, "万亿元") == (None, "万亿元")


@pytest.mark.parametrize("number, unit, folded", [(1.2, "千万元", (12_000_000, "元")), (3, "百万人", (3_000_000, "人")),
                                                  (2, "億元", (200_000_000, "元")), (5, "千米", (5, "千米")),
                                                  (4, "千瓦", (4, "千瓦")), (1, "千万", (1, "千万"))])
def test_measure_folds_the_scales_a_unit_may_open_with(number, unit, folded):
    """千万 and 百万 are folded as 万 and 亿 are, the scales mstrack's own reading folds (quantities.UNIT_SCALE_ALT): a
    reading of "1.2 千万元" and a conversion of 12000000 元 agree; 千 alone opens units of their own (千米, 千瓦)."""
    assert scorer.measure(number, unit) == folded
