"""held55b (issue 13): structures of the forty-seventh held-out set, each on a small made-up document.

A count's range after 进行 ("进行1-2场…演练") is a count of events the year's work holds, as after 举办 or 开展: at least its
lower bound (figure_spans.RANGE_VERBS). A 通知 whose 任务分工 gives each office its field ("（一）X处：负责…工作。"), between
a line introducing them and a closing paragraph, is read as its duties when the opening sentence names the campaign's
period ("决定即日起至4月底…开展…活动"): each duty the office's share of the campaign, due at the period's end
(list_duties._opened_duties, list_duties._campaign, list_deadlines.campaign_period). A stage heading closed by its date
("（一）部署发动阶段（6月5日前）", "（二）组织实施阶段（6月5日起至10月10日）") over items "1.…" dates its items by its end, no
start checkpoint (list_stages.GROUP_SPAN_RE, spanned_groups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table import convert_table
from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.list_deadlines import campaign_period


def _written(tmp_path: Path, lines: list[str], name: str = "notice.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units]


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in line.lead_units]


def test_a_range_after_jinxing_counts_the_events_held():
    assert [(number, unit, comparator) for _, _, number, _, unit, comparator
            in figure_spans("组织下属单位进行1-2场消防应急演练及培训")] == [("1", "场", ">=")]
    assert figure_spans("组织学生掌握1-2项技能") == []  # still no count of work without a verb of work


DUTIES = [
    "某片区管理局关于开展消防隐患大排查工作的通知",
    "各处室，各村（居）：",
    "为防范化解安全风险，决定即日起至4月底在全片区范围内组织开展消防隐患大排查活动。现就有关事项通知如下：",
    "一、工作目标",
    "全面排查整治消防安全隐患，确保全片区消防安全形势稳定。",
    "二、任务分工",
    "根据“管行业必须管安全”的要求，将大排查工作任务分解如下。",
    "（一）社会事业处：负责养老机构、幼儿园等领域的消防隐患大排查工作。",
    "（二）经济发展处：负责商贸企业、渔业生产等领域的消防隐患大排查工作。",
    "（三）交通建设处：负责城镇燃气、在建工程等领域的消防隐患大排查工作。",
    "各牵头处室要结合工作职责，针对负责领域制定专门工作方案。",
    "三、工作要求",
    "（一）提高政治站位。各处室要认真贯彻落实有关指示精神，严防事故发生。",
    "（二）落实问题整改。各处室要建立隐患整改清单，能立即整改的要立即整改。",
    "某片区管理局",
    "2020年3月10日",
]


def test_office_first_duties_of_a_campaign_are_its_tasks(tmp_path):
    tasks = convert_table(_written(tmp_path, DUTIES), "x-2020", 2020).programme.tasks
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert tasks[0].title == "负责养老机构、幼儿园等领域的消防隐患大排查工作。"
    assert [_leads(t) for t in tasks] == [["社会事业处"], ["经济发展处"], ["交通建设处"]]
    assert {str(t.deadline) for t in tasks} == {"2020-04-30"}


def test_standing_duties_with_no_campaign_stay_unread(tmp_path):
    """The same duties under an opening sentence naming no period, and a title naming no campaign, are standing
    responsibilities (list_duties.standing). (A title that 开展s the work, "关于开展…工作的通知", sets the work out
    itself: its points are read as a best effort, each a doubt — list_work.PLAN_NOTICE_RE, short55.)"""
    lines = [line.replace("决定即日起至4月底在全片区范围内", "决定在全片区范围内")
             .replace("关于开展消防隐患大排查工作的通知", "关于明确消防安全职责的通知") for line in DUTIES]
    with pytest.raises(NoLayoutError, match="no header row"):
        convert_table(_written(tmp_path, lines), "x-2020", 2020)


def test_a_campaign_period_in_the_opening_sentence():
    assert campaign_period(["决定即日起至3月底在全片区范围内组织开展大排查活动。"], 2020)[0] == "3月底"
    assert campaign_period(["经研究决定，自即日起至2020年12月31日在片区范围全面开展大排查。"], 2020)[0] == "2020年12月31日"
    assert campaign_period(["决定即日起至2024年3月在辖区内集中开展冬春火灾防控工作"], 2023) is None  # runs into the next year
    assert campaign_period(["自即日起开展为期一个月的消防安全检查"], 2020) is None  # no end printed


STAGES = [
    "某局关于印发消防安全检查专项行动方案的通知",
    "一、工作目标",
    "深入排查治理火灾隐患，有效防控各类消防安全风险。",
    "二、步骤及措施",
    "（一）部署发动阶段（6月5日前）",
    "1.广泛动员部署。各处室要结合本方案细化整治任务，部署到位。",
    "2.组织约谈培训。各处室要组织消防控制室值班人员开展消防培训。",
    "（二）组织实施阶段（6月5日起至10月10日）",
    "1.单位自查自改。各行业主管处室要发动所管单位对照检查标准自主整改隐患，6月10日前，文体处要收集承诺登记表并报备。",
    "2.行业集中排查整治。各处室、相关单位要开展集中排查整治，建立排查台账。专项行动期间，文体处、民政处要完成隐患曝光活动。",
    "（三）总结阶段（10月11日至10月20日）",
    "各处室、相关单位要对本行业专项整治成果进行总结，健全完善工作机制。",
    "三、工作要求",
    "（一）加强组织领导。各处室要明确职责分工，抓好落实。",
]


def test_a_stage_heading_closed_by_its_date_dates_its_items(tmp_path):
    tasks = {t.code: t for t in convert_table(_written(tmp_path, STAGES), "x-2019", 2019).programme.tasks}
    assert {code: str(t.deadline) for code, t in tasks.items() if code.startswith("二(")} == {
        "二(一)1": "2019-06-05", "二(一)2": "2019-06-05", "二(二)1": "2019-10-10", "二(二)2": "2019-10-10",
        "二(三)": "2019-10-20"}
    # the span's first day is no checkpoint of each item; an item's own date in its words is one
    assert [str(c.due) for line in tasks["二(二)2"].lines for c in line.checkpoints if str(c.due) != "2019-10-10"] == []
    assert "2019-06-10" in [str(c.due) for line in tasks["二(二)1"].lines for c in line.checkpoints]


def test_doers_of_must_sentences_leave_a_kind_left_open_out(tmp_path):
    """"各处室、相关单位要…" leads 各处室 (the open "相关单位" names none); "…期间，文体处、民政处要…" and "6月10日前，文体处要…"
    name their doers in a later clause (list_doers.paragraph_doers, _step_doers)."""
    tasks = {t.code: t for t in convert_table(_written(tmp_path, STAGES), "x-2019", 2019).programme.tasks}
    assert _leads(tasks["二(一)1"]) == ["各处室"]
    assert _leads(tasks["二(二)2"]) == ["各处室"]
    assert set(_units(tasks["二(二)2"])) == {"文体处", "民政处"}
    assert _leads(tasks["二(二)1"]) == ["各行业主管处室"]
    assert set(_units(tasks["二(二)1"])) == {"文体处"}
    assert not any("相关单位" in u for t in tasks.values() for u in [*_leads(t), *_units(t)])


def test_a_last_stage_over_one_paragraph_is_a_task(tmp_path):
    """"（三）总结阶段（10月11日至10月20日）" over one paragraph after stages over items: a task coded by the part, titled by
    its name, due at its span's end, its first day a checkpoint, led by its paragraph's doer (list_stages.closing_stage)."""
    tasks = {t.code: t for t in convert_table(_written(tmp_path, STAGES), "x-2019", 2019).programme.tasks}
    stage = tasks["二(三)"]
    assert stage.title == "总结阶段"
    assert str(stage.deadline) == "2019-10-20"
    assert "2019-10-11" in [str(c.due) for line in stage.lines for c in line.checkpoints]
    assert _leads(stage) == ["各处室"]
    assert "三(一)" not in tasks  # the requirements after it stay out
