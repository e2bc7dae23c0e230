"""Issue 13, held50c: a prose plan whose measures are each a name on a line of its own over one paragraph naming its
doers as the subjects of its sentences ("（二）持续推进…" / "交通与建设处要…。各业务处室加强…")."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError

from .conftest import convert_written

TITLE = "某片区冬春火灾防控工作方案"


def _tasks(tmp_path, lines: list[str], year: int = 2023):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


DOERS = ["一、工作目标", "有效防范化解重大消防安全风险。", "二、重点任务",
         "（一）持续推进城镇燃气消防安全专项整治",
         "交通与建设处要充分发挥工作专班平台作用，协调解决整治中遇到的问题。各业务处室加强沟通协作，形成监管合力。",
         "（二）深入开展“三合一”场所火灾风险排查整治",
         "各部门和各村（居）全面落实基层消防必查，重点要督促落实沿街门店防火墙硬隔离等硬措施。",
         "（三）切实加强冬春季节灾害事故应急处置",
         "根据冬季灾害事故形势和特点，政法综治处要强化预警监测。各村（居）要积极推进村居微型消防站建设。",
         "三、工作要求", "（一）加强组织领导。各部门要深刻认识做好冬春火灾防控工作的重要意义。"]


def test_a_name_over_its_paragraph_is_a_task_led_by_the_paragraphs_first_doer(tmp_path):
    """Each name over its paragraph is a task titled by the name alone; the paragraph's sentences name its doers as
    their subjects ("X要…", "X、Y和Z全面…"): the first leads, the others are units (the first-office rule)."""
    tasks = _tasks(tmp_path, DOERS)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert tasks[0].title == "持续推进城镇燃气消防安全专项整治"
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["交通与建设处"], ["各业务处室"]), (["各部门"], ["各村（居）"]), (["政法综治处"], ["各村（居）"])]


def test_a_paragraph_naming_no_doer_leaves_the_name_alone(tmp_path):
    """A paragraph whose sentences open with no office ("要…", "根据…，强化…") names no doer: nothing is joined to
    the name, and such a document stays refused as before."""
    lines = [line.replace("交通与建设处要", "要").replace("各业务处室加强", "加强").replace("各部门和各村（居）全面", "全面")
             .replace("政法综治处要", "要").replace("各村（居）要", "要") for line in DOERS]
    with pytest.raises(InputError):
        _tasks(tmp_path, lines)


STAGES = ["三、工作安排", "（一）部署发动（2023年12月16日前）。各村（居）要结合实际，广泛动员部署。",
          "（二）组织实施（2023年12月17日至2024年3月15日）。强化部门协作，组织开展火灾隐患排查整治。",
          "（三）总结验收（2024年3月16日至3月31日）。认真总结工作成效，分析存在的问题。"]


def test_the_plans_stages_after_its_measures_are_every_measures_dates(tmp_path):
    """"三、工作安排" over stages each dated in a bracket after its name, after the part of measures: no tasks, the
    schedule of every measure (README: a document's stages): due at the last stage's end, the earlier stages' ends its
    checkpoints."""
    tasks = _tasks(tmp_path, [*DOERS[:-2], *STAGES])
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert {t.deadline for t in tasks} == {date(2024, 3, 31)}
    assert [[c.due for c in t.lines[0].checkpoints] for t in tasks] == [[date(2023, 12, 16), date(2024, 3, 15)]] * 3


def test_measures_under_an_introduction_are_coded_within_their_part(tmp_path):
    """A paragraph between "二、重点任务" and its "（一）" (who leads the whole work) introduces the part: the measures
    read after it are still coded within it (二(一) …), as a list read from its first group is."""
    intro = "冬春火灾防控工作由片区管理局统一领导，政法综治处牵头，各部门、各村（居）具体抓落实。"
    parts = ["（一）坚决攻坚整治重大火灾隐患", "1．扎实推进重大事故隐患排查整治行动",
             "各处室、东庠办事处和各村（居）要紧盯人员密集场所，督促经营主体落实立即整改措施。",
             "2．积极推进鲍鱼笼堆垛火灾隐患整治销案", "农业农村处要积极推进分拣中心项目建设。政法综治处要对接区消防支队。"]
    later = {"（一）": "（二）", "（二）": "（三）", "（三）": "（四）"}  # the measures after the group "（一）"
    renumbered = [later[line[:3]] + line[3:] if line[:3] in later else line for line in DOERS[3:-2]]
    tasks = _tasks(tmp_path, [*DOERS[:3], intro, *parts, *renumbered, *STAGES])
    assert [t.code for t in tasks][:3] == ["二(一)1", "二(一)2", "二(二)"]
    assert tasks[1].lines[0].lead_units == ["农业农村处"]
