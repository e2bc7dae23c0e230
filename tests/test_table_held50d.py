"""Issue 13, held50d: dates left in prose plans — a year that opens its clause with no comma after it ("至2025年推广…",
"到2025年基本实现…"), read as the item's only date like "到2025年，…"."""

from __future__ import annotations

from datetime import date

from .conftest import convert_written

TITLE = "某区关于进一步促进粮食生产的通知"


def _tasks(tmp_path, lines: list[str], year: int = 2021):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


AIMS = ["一、开展品种示范推广。积极开展新品种展示示范，继续筛选高产新品种，至2025年推广优质粮食新品种3个以上，降低种苗成本。",
        "责任单位:区农业农村局、财政金融局",
        "二、推进高标准农田建设。加大建设力度。到2025年，高标准农田保有量持续增加，粮食产能明显提高。",
        "责任单位:区农业农村局、资源生态局",
        "三、优化机械化服务。推行全程机械化生产，到2025年基本实现主要粮食作物生产全程机械化，不断降低成本。",
        "责任单位:区农业农村局"]


def test_a_later_year_opening_its_clause_without_a_comma_is_the_items_deadline(tmp_path):
    """"至2025年推广…3个以上" and "到2025年基本实现…" date their clauses as "到2025年，…" does: the item's only date, a
    later year than the programme's, is its deadline; the figure in the dated clause is its target."""
    tasks = _tasks(tmp_path, AIMS)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.deadline for t in tasks] == [date(2025, 12, 31)] * 3
    assert [(i.target, i.unit) for i in tasks[0].lines[0].indicators] == [(3, "个")]
