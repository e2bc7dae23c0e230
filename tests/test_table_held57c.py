"""Issue 13, held57c: a stage's paragraph naming its doers by their part in the work ("由乡党委、政府牵头，…", the one
rule a one-line item's clause is read by), and a group the plan set up joined to offices as a sentence's subject
("各排查整治小组及各村要…"), each read by its structure on a small plan of its own."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_doer_lines import role_clause_cell
from mstrack.sources.table.list_doers import paragraph_doers

from .conftest import text_tasks


def _leads(task) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in dict.fromkeys(line.units) if u not in _leads(task)]


STAGES = ["某乡2017年火灾隐患排查整治工作方案",
          "一、整治内容及分工安排",
          "（一）进一步加强消防队建设工作。各村要对已成立的义务消防队队员进行更新换代。",
          "（二）宣传教育工作。乡文化站要深入开展消防宣传活动。",
          "二、整治步骤",
          "此次专项整治工作分下述三个阶段进行。",
          "（一）组织部署阶段（2017年4月10日至4月30日）。",
          "由乡党委、政府牵头，召开火灾隐患排查整治工作动员大会，统一部署。乡政府主要领导与各村主要负责人签订工作责任书。",
          "（二）调查摸底阶段（2017年5月1日至6月30日）。",
          "各排查整治小组及各村要做好调查摸底和信息收集工作。各村对辖区内居民的消防知识普查。",
          "（三）检查总结阶段（2017年12月1日至12月31日）。",
          "由乡安监站牵头，乡消防办具体负责，对排查整治工作进行督查和检查验收。"]


def test_a_stage_whose_paragraph_names_its_doers_by_their_role_is_led_by_them(tmp_path):
    """"由乡党委、政府牵头，召开…": the offices the role names lead the stage together (the list read whole: "政府" shares
    the level "乡" the first prints), as "由X牵头" in a one-line item's clause does; an office's share after it
    ("乡消防办具体负责") a unit. A paragraph naming no doer so is read by its subjects as before."""
    assert paragraph_doers(STAGES[7], True)[0] == "乡党委、政府"
    assert role_clause_cell("6.召开动员大会。由乡党委、政府牵头，统一部署。") == "牵头单位：乡党委、政府"
    assert paragraph_doers(STAGES[11], True) == ["乡安监站", "乡消防办"]
    assert paragraph_doers("召开动员大会，统一部署。", True) == []
    assert paragraph_doers("由此带来的问题要及时解决。", True) == []  # 由此: no agent
    tasks = {t.code: t for t in text_tasks(tmp_path, STAGES, 2017)}
    assert (_leads(tasks["二(一)"]), _units(tasks["二(一)"])) == (["乡党委", "政府"], [])
    assert (_leads(tasks["二(三)"]), _units(tasks["二(三)"])) == (["乡安监站"], ["乡消防办"])
    assert tasks["二(一)"].deadline == date(2017, 4, 30)


def test_a_group_the_plan_set_up_joined_to_offices_before_yao_are_the_doers(tmp_path):
    """"各排查整治小组及各村要…": the groups the plan set up (SET_UP_RE, "…整治小组") and the villages joined to them by
    "及" are the sentence's doers, the first the lead; "学习兴趣小组及各村要…" (no body set up for work) names none of
    the group."""
    assert paragraph_doers(STAGES[9], True) == ["各排查整治小组", "各村"]
    assert paragraph_doers(STAGES[9]) == ["各排查整治小组", "各村"]
    assert "学习兴趣小组" not in paragraph_doers("学习兴趣小组及各村要做好调查摸底。", True)
    tasks = {t.code: t for t in text_tasks(tmp_path, STAGES, 2017)}
    assert (_leads(tasks["二(二)"]), _units(tasks["二(二)"])) == (["各排查整治小组"], ["各村"])


def test_the_things_a_duty_covers_and_a_text_known_by_its_count_are_no_targets():
    """"负责对乡三处临时安置过渡房进行排查整治": the things a body's duty covers, counted, no work of the year; "加强消防知识
    21条…的宣传": a text its count names. The same counts as work stay targets ("对12所学校进行改造", "出台措施10条")."""
    from mstrack.sources.table.mentions import find_mentions

    def read(text):
        return [(m.value, m.unit) for m in find_mentions(text, 2017)]

    assert read("由土地所、村建所等工作人员组成，负责对乡三处临时安置过渡房进行排查整治和登记造册。") == []
    assert read("加强消防知识21条和消防逃生知识的宣传。") == []
    assert read("加强消防知识约21条和消防逃生知识的宣传。") == []  # "约" before it, as a layout variant writes
    assert read("对12所学校进行改造。") == [(12, "所")]
    assert read("出台措施10条。") == [(10, "条")]
