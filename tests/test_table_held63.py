"""Issue 13, held63: the fifty-fourth held-out set's structures — a team list misnumbered ("1、" "2、" "3、" "5、" "6、"
"2、") under a plan whose part setting up its body is "三、整治机构"."""

from __future__ import annotations

from .conftest import text_tasks


def _leads(task) -> list[str]:
    return list(dict.fromkeys(u for line in task.lines for u in line.lead_units if u != "（表中未列）"))


def _units(task) -> list[str]:
    return [u for line in task.lines for u in line.units if u not in _leads(task)]


def _team(number: str, name: str, members: str) -> list[str]:
    return [f"{number}、{name}排查整治小组。", "组 长：分管副乡长", f"成员由{members}等工作人员组成，负责对{name}进行排查整治。"]


TEAMS = ["某乡2016年消防安全排查整治工作方案",
         "一、指导思想", "以保障和改善民生为着力点，整体提升我乡的消防安全环境。",
         "二、整治机构", "为做好我乡消防安全排查整治工作，成立某乡消防安全排查整治工作领导小组（详见附件）。",
         "三、整治内容及分工安排",
         "（一）进一步加强消防队建设工作", "各村要对已成立的义务消防队队员进行更新换代，并配备及更新消防器材。",
         "（二）消防安全排查整治工作",
         "隐患排查整治组对辖区范围内的单位和场所进行一次全面彻底的排查整治。隐患排查整治组下分五个整治小组：",
         *_team("1", "工厂企业", "安监站、消防办"), *_team("2", "文化娱乐场所", "乡文化服务中心、中楼派出所、文化站"),
         *_team("3", "中小学及幼儿园", "芦洋学校、中心幼儿园负责人、中楼派出所"), *_team("5", "宗教场所", "派出所、综治办"),
         *_team("2", "建筑工地", "土地所、村建所"),
         "（三）宣传教育工作", "进一步强化对我乡的消防安全宣传工作力度，深入开展消防宣传活动。",
         "四、整治步骤", "此次专项整治工作分下述三个阶段进行。",
         "（一）组织部署阶段（2016年4月10日至4月30日）。", "召开动员大会。",
         "（二）调查摸底阶段（2016年5月1日至6月30日）。", "各村要做好调查摸底。",
         "（三）检查总结阶段（2016年12月1日至12月31日）。", "进行督查和检查验收。",
         "五、工作措施", "（一）提高认识，周密部署。各村、各单位要充分认识到消防安全的重要作用。",
         "（二）狠抓重点，兼顾一般。排查整治工作要切实解决影响消防安全的突出问题。"]


def test_teams_misnumbered_past_the_second_are_teams_still_a_number_printed_twice_coded_with_a(tmp_path):
    """"1、" "2、" "3、" "5、" "2、": a number skipped and one printed again past the second team (numbering.numbered_next)
    leave the run whole; each team its group's task, the second "2" coded 2a as a repeated 序号 is; "三、整治机构" (the
    part setting up the plan's body, vocabulary.PLAN_FRAMING_HEADING) no task."""
    tasks = {t.code: t for t in text_tasks(tmp_path, TEAMS, 2016)}
    assert list(tasks) == ["三(一)", "三(二)1", "三(二)2", "三(二)3", "三(二)5", "三(二)2a", "三(三)", "四(一)", "四(二)",
                           "四(三)"], list(tasks)
    assert tasks["三(二)2a"].title == "建筑工地排查整治小组"
    assert (_leads(tasks["三(二)5"]), _units(tasks["三(二)5"])) == (["派出所"], ["综治办"])
    assert (_leads(tasks["三(二)2a"]), _units(tasks["三(二)2a"])) == (["土地所"], ["村建所"])


def test_a_list_starting_again_at_one_is_no_misnumbered_part():
    """numbered_next: the next number always; past the second, a skip of up to MAX_JUMP or a number printed again;
    never "1" (a list starting again), nor a skip after the first."""
    from mstrack.sources.table.numbering import numbered_next
    assert numbered_next(2, 1, 1) and numbered_next(5, 3, 3) and numbered_next(2, 5, 6)
    assert not numbered_next(1, 3, 3) and not numbered_next(3, 1, 1) and not numbered_next(9, 3, 3)


def test_members_named_as_persons_of_an_office_are_no_office():
    """"…及各村“两委”干部、小组长、治安巡逻队员组成": 各村“两委” an office (its 干部 its people), 小组长 a person."""
    from mstrack.sources.table.list_teams import member_offices
    assert member_offices("中楼派出所、消防办和综治办的工作人员及各村“两委”干部、小组长、治安巡逻队员") == [
        "中楼派出所", "消防办", "综治办", "各村“两委”"]
