"""held67a: a notice of parts only, some over one paragraph and one over its own items "（一）name。sentences": each
part over a paragraph is a task coded by its numeral and titled by its name (led by the doers its paragraph names, or
none), each item a task coded within its part."""

from __future__ import annotations

from mstrack.sources.table.list_doer_lines import doers_below
from mstrack.sources.table.list_mixed_parts import mixed_parts
from mstrack.sources.table.reading import Row
from mstrack.vocabulary import placeholder

from .conftest import text_tasks

NOTICE = [
    "某局关于进一步做好节约用水工作的通知",
    "各文旅企业、景区运营单位：",
    "为应对旱情，现就落实节约用水相关工作通知如下：",
    "一、增强节水意识",
    "紧扣新发展理念，认真学习节约用水相关文件精神，树立良好的节约用水意识。",
    "二、落实节水责任",
    "（一）落实常态化节水措施。各旅游经营单位要制定节水措施方案，做好用水设施设备的日常管理。",
    "（二）抓实合理化用水管理。各文旅体经营单位要密切关注区水务公司发布的有关信息，做好应急准备。",
    "三、强化节水宣传",
    "随着假日的临近，各单位在服务好游客的同时，应利用好多媒体设备开展节水宣传工作。",
    "希望各单位严格遵守节约用水相关规定。",
    "某局",
    "2021年4月29日",
]


def _leads(task) -> list[str]:
    return [unit for unit in task.lines[0].lead_units if not placeholder(unit)]


def test_parts_over_a_paragraph_beside_a_part_over_items(tmp_path):
    tasks = text_tasks(tmp_path, NOTICE, 2021)
    assert [t.code for t in tasks] == ["一", "二(一)", "二(二)", "三"]
    assert tasks[0].title == "增强节水意识" and tasks[3].title == "强化节水宣传"
    assert tasks[1].title.startswith("落实常态化节水措施。各旅游经营单位要")
    assert [_leads(t) for t in tasks] == [[], ["各旅游经营单位"], ["各文旅体经营单位"], ["各单位"]]


def _read(rows: list[Row]):
    """mixed_parts as the reader asks it: each item's doers labelled under it first (list_doer_lines.doers_below)."""
    return mixed_parts(doers_below(rows))


def test_other_notices_are_no_mixed_parts():
    rows = [Row(k, [line]) for k, line in enumerate(NOTICE, 1)]
    assert _read(rows) is not None
    # a paragraph between a part's items and the next part: the part holds more than its items
    extra = [*rows[:8], Row(99, ["各单位要高度重视。"]), *rows[8:]]
    assert _read(extra) is None
    # every part over one paragraph: a notice of parts only (list_doer_lines.doer_parts), not this reading
    plain = [Row(row.number, [row.cells[0].replace("三、", "二、")]) for row in rows
             if not row.cells[0].startswith(("二、", "（一）", "（二）"))]
    assert _read(plain) is None
    # most tasks naming no doer: no notice of work shared out
    undone = [Row(r.number, [r.cells[0].replace("各旅游经营单位要", "要").replace("各文旅体经营单位要", "要")]) for r in rows]
    assert _read(undone) is None
