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
