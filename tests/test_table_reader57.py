"""Issue 13, reader57: the table reader's leftovers of the twentieth session, each a structure on a small made-up text —
a group is a doer only when the plan sets it up for its work; the best-effort gate counts offices, not clauses; a
subject "请各单位" is its 各单位, and a section "X科" an office; one vocabulary for every body of a kind; sums read as
ranges of money."""

from __future__ import annotations

import pytest

from .conftest import text_tasks

DUTIES = ["某局关于开展危险品安全检查的通知",
          "各医疗卫生单位：",
          "一、检查时间",
          "自即日起开展为期一个月的安全检查",
          "二、其他事宜",
          "（一）请各单位做好自查和迎检的各项准备工作；",
          "（二）{group}要严格遵守廉洁自律有关规定；",
          "（三）局综合处负责车辆安排。"]


@pytest.mark.parametrize("group, lead", [("督查组", ["督查组"]), ("区创文工作领导小组", ["区创文工作领导小组"]),
                                         ("考核小组", ["考核小组"]), ("学习兴趣小组", []), ("村民小组", [])])
def test_a_group_is_a_doer_only_when_set_up_for_its_work(tmp_path, group, lead):
    """"督查组要…", "…工作领导小组要…": a group the plan sets up, named by its work, is its sentence's doer; "学习兴趣小组要…"
    names a group by no work (pupils'), "村民小组" a village's residents: no office, no doer."""
    from mstrack.sources.table.units import office_list

    lines = [line.format(group=group) for line in DUTIES]
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert [u for line in tasks[1].lines for u in line.lead_units] == (lead or ["（表中未列）"])
    assert office_list(group) is bool(lead)


@pytest.mark.parametrize("words", ["各校要组建学习兴趣小组，每周开展活动。", "成立生态文明建设领导小组，负责统筹。",
                                   "成立以局长为组长，班子成员为副组长，局各处室负责同志为组员的工作领导小组。"])
def test_a_group_set_up_in_the_sentence_is_its_object_no_doer(words):
    """A group the sentence sets up ("组建…小组", "成立…领导小组") is its object, and the persons and offices it is made of
    ("…为组长", "…负责同志为组员的…") its members: no doer ("各校要组" is no group, "局各处" no subject)."""
    from mstrack.sources.table.list_doers import paragraph_doers

    assert paragraph_doers(words) == []
    assert paragraph_doers(words, True) == []


@pytest.mark.parametrize("words, named", [
    ("二、加强停放管理。定期开展检查，明确安全管理主体单位，确定管理人员。", False),  # a clause ending in 单位: its work
    ("三、加强宣传教育。在公共走道、楼梯间张贴标识。", False),  # a preposition's place
    ("四、改造车库。对难以建成车库的老旧单位，划定安全区域。", False),
    ("（二）加强执法。区执法支队制定年度执法方案。", True),  # a sentence's subject, named by its level
    ("1.区直单位职责：区教育局、医保局等主管部门，要按照职责加强指导。", True),
    ("（一）资源生态处：牵头做好生态修复。", True),  # an office's name before its duty
    ("（三）各乡镇组织专门力量逐户排查。", True),  # every body of a kind
    ("（四）区住建局牵头，区财政局配合。", True),  # roles
])
def test_the_best_effort_gate_counts_offices_not_clauses(words, named):
    """An item names an office that does its work by a role, an office's name before its duty, or offices opening a
    clause as its subject; a clause that only ends as an office's name ends ("明确安全管理主体单位", "在公共走道") is
    its work, no office."""
    from mstrack.sources.table.list_fallback import _names_office

    assert _names_office(words) is named


MEASURES = ["某局转发《某区电动自行车消防安全综合治理工作实施方案》的通知",
            "各单位：",
            "现将《某区电动自行车消防安全综合治理工作实施方案》转发给你们，请结合实际认真组织实施，{lead_in}",
            "一、规范电动自行车集中停放管理。推进车棚建设，车库应采用不燃材料，在公共走道严禁停放。",
            "二、加强停放充电安全管理。定期开展安全检查，明确安全管理主体单位，确定管理人员。",
            "三、加强消防安全宣传教育。充分利用宣传栏宣传违规改装的危害，提升逃生自救能力。",
            "四、强化督导检查。要加强本单位综合治理工作的综合协调。"]


def test_measures_naming_no_office_are_read_under_a_line_setting_them_out(tmp_path):
    """Four measures "一、name。sentences…" naming no office, date or figure (clauses ending like an office's name are
    none): read as a best effort when the line leading into them says the notice sets them out ("…并提出以下实施意见：");
    under a line that says nothing of them, refused as before ("no header row found")."""
    from .conftest import read_as_best_effort

    path = tmp_path / "set-out.txt"
    path.write_text("\n".join(line.format(lead_in="并提出以下实施意见：") for line in MEASURES) + "\n", encoding="utf-8")
    conversion = read_as_best_effort(path, "no header row found", year=2018)
    assert [t.code for t in conversion.programme.tasks] == ["一", "二", "三", "四"]
    assert all(u == "（表中未列）" for t in conversion.programme.tasks for line in t.lines for u in line.lead_units)
    bare = tmp_path / "bare.txt"
    bare.write_text("\n".join(line.format(lead_in="请遵照执行。") for line in MEASURES) + "\n", encoding="utf-8")
    from mstrack.errors import NoLayoutError
    from mstrack.sources.table import convert_table

    with pytest.raises(NoLayoutError, match="no header row found"):
        convert_table(bare, "x-2018", 2018)
