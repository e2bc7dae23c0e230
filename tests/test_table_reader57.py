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


@pytest.mark.parametrize("words, run", [("请各单位做好自查和迎检的各项准备工作", "各单位"),
                                        ("请区住建局于6月底前报送方案", "区住建局"),
                                        ("各单位要做好自查", "各单位")])
def test_a_request_s_subject_is_the_offices_asked(words, run):
    """"请各单位…": the addressees asked are the clause's subject, 请 no part of their name (subject_run, every caller:
    paragraph_doers, an event's duties)."""
    from mstrack.sources.table.list_doers import paragraph_doers, subject_run

    assert subject_run(words) == run
    assert paragraph_doers(f"{words}。", True) == [run]


@pytest.mark.parametrize("name, office", [("医政科", True), ("财务科", True), ("县卫健委医政科", True), ("局办公科", True),
                                          ("外科", False), ("口腔科", False), ("本科", False), ("市中心医院儿科", False)])
def test_a_section_named_by_its_office_s_work_is_an_office(name, office):
    """A section "X科" named by its office's own work ("医政科", "财务科": office_names.SECTION_NAME_RE), alone or after
    its office, is an office's unit as "局医政科" is; a ward or a course ("外科", "口腔科", "本科") is none."""
    from mstrack.sources.table.list_doers import paragraph_doers
    from mstrack.sources.table.units import office_list

    assert office_list(name) is office
    assert paragraph_doers(f"{name}要做好统计报送工作。") == ([name] if office else [])


def test_a_section_s_duties_lead_its_points(tmp_path):
    """A notice's duties naming a bureau's sections by their own names ("（三）医政科负责…") are led by them, as "局综合处"'s
    are."""
    lines = [line.format(group="财务科") for line in DUTIES]
    lines[-1] = "（三）医政科负责车辆安排。"
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [[u for line in t.lines for u in line.lead_units] for t in tasks] == [["各单位"], ["财务科"], ["医政科"]]


@pytest.mark.parametrize("name, definite, whole", [("各村", True, True), ("各乡镇", True, True), ("各单位", True, True),
                                                   ("各有关", False, True), ("各相关", False, True),
                                                   ("各有关部门", False, False), ("各责任单位", False, False),
                                                   ("各县住建", True, False), ("各级各类医疗机构", True, False),
                                                   ("各级领导", False, False)])
def test_every_body_of_a_kind_is_one_vocabulary(name, definite, whole):
    """One vocabulary says what every body of a kind is (office_names): a definite kind ("各村", "各单位") a doer, a kind
    left open ("各有关部门") or the plan's role ("各责任单位") none; a kind in a word or two, definite or open, is a unit
    whole before a slash ("各有关/城管局": two), never a place's short form ("各县住建/城管局": one)."""
    from mstrack.sources.table.list_doers import paragraph_doers
    from mstrack.sources.table.office_names import EVERY_KIND_RE, kind_whole, split_units

    assert (EVERY_KIND_RE.match(name) is not None) is definite
    assert kind_whole(name) is whole
    if name.endswith(("单位", "部门", "机构")):  # a unit's own ending: a name of its own before a slash, either way
        assert paragraph_doers(f"{name}要做好自查。") == ([name] if definite else [])
    else:
        assert split_units(f"{name}/城管局") == ([name, "城管局"] if whole else [f"{name}/城管局"])


@pytest.mark.parametrize("clause, figure", [
    ("行政村（近61个村）", []), ("行政村（超过61个村）", []),  # a kind of place, its bracket counting them: its scope
    ("建设近5-10个示范基地", [("5", "个", ">=")]),  # a range's lower bound, bounded as any figure is
    ("新建绿道长超过1575米宽40米", [("1575", "米", ">=")]),  # the width of what the length measures: no second figure
])
def test_the_words_bounding_a_figure_are_one_list(clause, figure):
    """"约", "近", "不少于", "至少", "超过" … before a figure bound it and leave it the figure it would be bare: one list
    (figure_spans.FLOOR_WORDS) for a range's lower bound, a size's, and a count of places of a kind."""
    from mstrack.sources.table.figure_spans import figure_spans

    assert [(s[2], s[4], s[5]) for s in figure_spans(clause)] == figure


@pytest.mark.parametrize("clause, value", [
    ("总投资5000万至1亿元", 50_000_000),  # each end its own scale, the unit after the upper one
    ("投资五千万至一亿元", 50_000_000),
    ("争取上级资金1-2亿元", 100_000_000),  # the scale after the second end applies to both; funds raised
    ("争取资金1-2亿元", 100_000_000),
    ("投资1-2亿元", 100_000_000),
    ("每户补助1-2万元", None),  # a rate, no sum of the work
])
def test_a_sum_given_as_a_range_is_its_lower_bound(clause, value):
    """A sum of money given as a range after the words of an investment or of funds raised is a target of its lower
    bound (tests/data/tables/README.md), whether its ends share the scale printed after the second ("1-2亿元") or each
    print their own ("5000万至1亿元": 5000 万元)."""
    from mstrack.sources.table.mentions import find_mentions

    found = [(m.value, m.unit, m.comparator) for m in find_mentions(clause, 2024)]
    assert found == ([(value, "元", ">=")] if value else [])


def test_an_office_ending_an_item_with_no_colon_is_no_duty_label():
    """Only an office's name before a colon opens its duty ("资源生态处：牵头…"); one closing an item's words with no
    mark after it is no such label (the end of the words is no colon)."""
    from mstrack.sources.table.list_fallback import _names_office

    assert _names_office("（一）资源生态处：牵头做好生态修复。") is True
    assert _names_office("（一）开展生态修复检查，资源生态处") is False
