"""held65: a notice of parts only, each "一、X，Y" on a line of its own over one paragraph whose sentences name its doers
("各村要…"): each part a task titled by its heading, led by those doers, whatever its name ("加强组织领导" is no closing
section in such a notice); a notice whose parts stand over other things keeps the rows as printed."""

from __future__ import annotations

from mstrack.sources.table.list_doer_lines import doer_parts
from mstrack.sources.table.reading import Row

from .conftest import text_tasks

NOTICE = [
    "某片区管理局关于做好2023年渔业防汛备汛工作的通知",
    "各处室，各相关行政村：",
    "为做好2023年片区防汛备汛工作，现将相关事项通知如下：",
    "一、加强组织领导，强化责任落实",
    "各村要切实加强组织领导，及早落实安全度汛措施，落实所辖区域渔船、渔排的安全责任人。",
    "二、排查安全隐患，落实防护措施",
    "各村要组织好汛前安全检查工作，重点检查渔港、锚地和养殖渔排的避风防灾功能。",
    "三、全面加强值守，确保信息畅通",
    "各村要认真落实汛期应急值班制度，加强24小时值班和领导带班。",
    "某片区管理局",
    "2023年3月6日",
]


def test_each_part_over_its_doers_paragraph_is_a_task(tmp_path):
    tasks = text_tasks(tmp_path, NOTICE, 2023)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.title for t in tasks] == ["加强组织领导，强化责任落实", "排查安全隐患，落实防护措施", "全面加强值守，确保信息畅通"]
    assert [t.lines[0].lead_units for t in tasks] == [["各村"]] * 3


def _rows(lines: list[str]) -> list[Row]:
    return [Row(k, [line]) for k, line in enumerate(lines, 1)]


def test_parts_over_other_things_are_no_doer_parts():
    assert doer_parts(_rows(NOTICE)) == {4: ["各村"], 6: ["各村"], 8: ["各村"]}
    two = [*NOTICE[:5], "各村要建立台帐。", *NOTICE[5:]]  # a part over two paragraphs
    assert doer_parts(_rows(two)) == {}
    nobody = [*NOTICE[:4], "安全度汛事关群众生命财产安全。", *NOTICE[5:]]  # a paragraph naming no doer
    assert doer_parts(_rows(nobody)) == {}
    items = [*NOTICE[:4], "（一）各村要落实责任人。", *NOTICE[5:]]  # a part over its items
    assert doer_parts(_rows(items)) == {}
    closing = [*NOTICE[:9], "各村要于3月20日前将统计表报送片区农业农村处。", *NOTICE[9:]]  # the notice's closing paragraph
    assert doer_parts(_rows(closing)) == {4: ["各村"], 6: ["各村"], 8: ["各村"]}
