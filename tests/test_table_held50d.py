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


MONITORING = ("<html><body><p>2016年病媒生物监测方案</p><p>三、监测点设置</p><p>（一）监测点与监测项目，见表1。</p>"
              "<table><tr><td>监测点</td><td>任务单位</td><td>开展监测项目</td><td>监测频次</td></tr>"
              "<tr><td>省级<br>监测点</td><td>区疾控中心</td><td>蝇：笼诱法</td><td>1次/月</td></tr>"
              "<tr><td>常规<br>监测点</td><td>区疾控中心</td><td>蚊：布雷图指数法</td><td>2次/月</td></tr></table>"
              "<p>四、监测内容</p><p>（一）蝇类监测</p><p>1.监测方法：</p><p>笼诱法。</p><p>五、组织实施</p>"
              "<p>区疾控中心为项目执行单位。</p><p>六、项目开展时间</p>"
              "<p>（一）省级监测点：2016年5月—2016年12月。数据上报按照方案要求执行。</p>"
              "<p>（二）常规监测点：由区疾控中心制定具体的监测方案并组织实施。</p></body></html>")


def test_a_point_after_the_table_naming_a_rows_first_cell_dates_that_row(tmp_path):
    """"（一）省级监测点：2016年5月—2016年12月" in the text after the table names the row whose first cell is
    "省级监测点": the range's end is that row's deadline; a point naming a row with no date dates nothing."""
    tasks = convert_written(tmp_path, "plan.html", MONITORING, 2016).programme.tasks
    assert [t.title for t in tasks] == ["蝇：笼诱法", "蚊：布雷图指数法"]
    assert [t.deadline for t in tasks] == [date(2016, 12, 31), None]
