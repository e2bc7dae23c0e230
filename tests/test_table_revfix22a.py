"""Review21: the steps and parts of a numbered item (13-revfix22a). A labelled office line under the item, before or
after its dated steps, names the item's office, so the steps stay its checkpoints; a part never copies the item's
figure into an indicator of its own; dated parts that each set their own figure and name their own office are lines of
the item; a step's town doing the work ("城关镇负责…") is one of the item's offices."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.convert import convert_table
from tests.test_tables_score import scorer

INTRO = "<p>2024年，县政府将实施以下民生实事，具体如下：</p>"


def _convert(tmp_path, body: str):
    path = tmp_path / "list.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>X县2024年民生实事项目</title></head><body>{INTRO}{body}"
                    "</body></html>", encoding="utf-8")
    programme = convert_table(path, "t", 2024).programme
    return {task.code: task for task in programme.tasks}, scorer.read_programme(programme)


def _p(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_a_label_line_before_or_after_the_steps_names_the_items_office(tmp_path):
    """"责任单位：…" under the item, above its dated steps or below them, is the item's: the steps are its checkpoints,
    one line with the item's one figure, not rows that each read that figure again."""
    tasks, read = _convert(tmp_path, _p("1.新建城区幼儿园3所。", "（1）6月底前完成规划设计。", "（2）12月底前全部建成。",
                                        "责任单位：县教育局", "2.改造老旧小区12个。", "责任单位：县住建局",
                                        "（1）6月底前完成方案设计。", "（2）12月底前全部完工。",
                                        "3.新增城镇就业2000人。", "责任单位：县人社局"))
    assert sorted(tasks) == ["1", "2", "3"]
    for code, lead, (number, unit) in (("1", "县教育局", (3, "所")), ("2", "县住建局", (12, "个"))):
        assert len(tasks[code].lines) == 1, code
        assert [(n, u) for _, n, u in read[code].targets] == [(number, unit)], code
        assert read[code].lead_units == {lead}, code
        assert set(read[code].checkpoints) == {date(2024, 6, 30), date(2024, 12, 31)}, code


def test_a_part_read_as_a_row_never_copies_the_items_figure(tmp_path):
    """Parts that are rows of the item (each dated, with its own labelled office, no figure) share the item's one
    figure: it is one target of the task, held by one line, not one per row named "…（2）", "…（3）"."""
    tasks, read = _convert(tmp_path, _p("1.改造老旧小区12个。", "（1）6月底前完成方案设计。", "责任单位：城关镇",
                                        "（2）12月底前全部完工。", "责任单位：县住建局", "2.新增城镇就业2000人。",
                                        "责任单位：县人社局", "3.新建城区幼儿园3所。", "责任单位：县教育局"))
    assert sorted(tasks) == ["1", "2", "3"]
    assert [(n, u) for _, n, u in read["1"].targets] == [(12, "个")]
    assert not any("（2）" in i.name or "（3）" in i.name for line in tasks["1"].lines for i in line.indicators)


def test_dated_parts_with_their_own_figures_and_offices_are_lines(tmp_path):
    """Dated parts that each set a figure of their own and name their own office: three lines of task 1, each with its
    lead, its figure and its date, as the same parts in a 序号 table read."""
    tasks, read = _convert(tmp_path, _p("1.推进教育补短板工程。（县教育局）", "（1）6月底前新建城区幼儿园3所。（县教育局）",
                                        "（2）8月底前改扩建农村小学5所。（县住建局）", "（3）12月底前新增学位2000个。（县教育局）",
                                        "2.新增城镇就业2000人。（县人社局）", "3.改造农村公路50公里。（县交通运输局）"))
    assert sorted(tasks) == ["1", "2", "3"]
    lines = [line for line in tasks["1"].lines if line.indicators]
    assert [(line.lead_units, [(i.target, i.unit) for i in line.indicators]) for line in lines] == [
        (["县教育局"], [(3, "所")]), (["县住建局"], [(5, "所")]), (["县教育局"], [(2000, "个")])]
    assert [[m.due for i in line.indicators for m in i.milestones] for line in lines] == [
        [date(2024, 6, 30)], [date(2024, 8, 31)], [date(2024, 12, 31)]]
    assert read["1"].lead_units == {"县教育局", "县住建局"}


def test_dated_steps_restating_the_items_figure_stay_steps(tmp_path):
    """A dated part with an office of its own that sets no figure, or only the item's, is the item's checkpoint."""
    tasks, read = _convert(tmp_path, _p("1.新建城区幼儿园3所。（县教育局）", "（1）6月底前完成用地报批。（县自然资源局）",
                                        "（2）12月底前建成幼儿园3所。（县住建局）", "2.新增城镇就业2000人。（县人社局）",
                                        "3.改造农村公路50公里。（县交通运输局）"))
    assert len(tasks["1"].lines) == 1
    assert [(n, u) for _, n, u in read["1"].targets] == [(3, "所")]
    assert read["1"].lead_units == {"县教育局"} and read["1"].units == {"县自然资源局", "县住建局"}
    assert date(2024, 6, 30) in read["1"].checkpoints


def test_a_steps_town_doing_the_work_joins_the_items_offices(tmp_path):
    """"城关镇负责6月底前完成方案设计" under an item: the town does that step, as "县住建局负责…" would."""
    tasks, read = _convert(tmp_path, _p("1.新建城区幼儿园3所。（县教育局）", "2.改造老旧小区12个。（县住建局）",
                                        "（1）城关镇负责6月底前完成方案设计。", "（2）12月底前全部完工。",
                                        "3.新增城镇就业2000人。（县人社局）"))
    assert read["2"].lead_units == {"县住建局"} and read["2"].units == {"城关镇"}
    assert len(tasks["2"].lines) == 1
