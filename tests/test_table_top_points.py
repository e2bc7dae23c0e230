"""held65: a notice whose only list is its points "一是X。…" "二是Y。…", each a paragraph of its own and no part or
item numbered on the page: each point a task coded by its numeral (一, 二), titled by its whole words, its doers read
from its words as a part "一、…" would be. Points under a part stay that part's content or sub-items."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table.cells import row_texts
from mstrack.sources.table.list_subitems import top_points
from mstrack.sources.table.reading import Row

from .conftest import text_tasks

NOTICE = [
    "某片区管理局关于做好2024年防汛工作的通知",
    "各处室，各村（居）：",
    "为做好片区防汛工作，提出以下几点要求，请一并抓好落实。",
    "一是全面巡排查。各村居和各包村工作队要对登记在册的隐患点实施100%排查。",
    "二是落实责任人。各村居要更新监测人员名单、联系电话。",
    "三是做好值班值守。严格落实值班值守制度，保持通讯畅通。",
    "某片区管理局",
    "2024年4月16日",
]


def test_points_of_a_notice_are_its_tasks(tmp_path):
    tasks = text_tasks(tmp_path, NOTICE)
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert tasks[0].title == "全面巡排查。各村居和各包村工作队要对登记在册的隐患点实施100%排查。"
    assert tasks[0].lines[0].lead_units == ["各村居"]


def test_a_news_items_points_stay_refused(tmp_path):
    """"近日，…开展…行动。" over "一是…" reports what was done: no line announces the points, the file refused."""
    news = ["我县扎实开展城区环境整治", "近日，县城管局开展城区环境整治行动。", "一是清理占道经营。县城管局清理摊点50处。",
            "二是整治背街小巷。县住建局改造小巷20条。", "三是规范车辆停放。县公安局新增停车位300个。"]
    with pytest.raises(NoLayoutError, match="no header row found"):
        text_tasks(tmp_path, news)


def _rows(lines: list[str]) -> list[Row]:
    return [Row(k, [line]) for k, line in enumerate(lines, 1)]


def test_points_under_a_part_or_out_of_order_stay_as_they_are():
    under = ["一、工作要求", "一是全面巡排查。", "二是落实责任人。"]
    assert [row_texts(r)[0] for r in top_points(_rows(under))] == under
    skipped = ["一是全面巡排查。", "三是落实责任人。"]
    assert [row_texts(r)[0] for r in top_points(_rows(skipped))] == skipped
    apart = ["一是全面巡排查。", "各村居要排查。", "二是落实责任人。"]
    assert [row_texts(r)[0] for r in top_points(_rows(apart))] == apart
    read = [row_texts(r)[0] for r in top_points(_rows(NOTICE))]
    assert read[3:5] == ["一、" + NOTICE[3][2:], "二、" + NOTICE[4][2:]]
