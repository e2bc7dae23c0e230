"""Issue 13, revfix12a: review12's findings on who leads. Each rule on a small synthetic case: 牵头 in an exception
bracket or naming someone else's work ("X牵头的项目除外", "按照X牵头制定的方案") is no role of the cell; a sentence's
framing words ("按…原则由", "配合", "按照") are no part of an office; offices joined by 联合; a list closed by two verbs
("会同A、B推进实施"); people and posts (秘书长, 书记, 河长) read where an office is expected are doubted, offices
whose names hold a title (市长热线办公室) are not."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import a_person, roles_in

from .test_table_revfix11a import _read  # one task row whose 责任单位 cell is the case: (leads, units, doubts)


@pytest.mark.parametrize(("cell", "roles"), [
    ("甲区教育局负责（乙区发改委牵头的项目除外）", ("甲区教育局", "")),
    ("甲区教育局负责（不含乙区发改委牵头的项目）", ("甲区教育局", "")),
    ("甲区住建局牵头，各区政府（不含乙新区）配合", ("甲区住建局", "各区政府（不含乙新区）")),
    ("甲区住建局负责，配合乙区发改委牵头的专项行动", ("甲区住建局", "")),
    ("各区政府负责，按照市住建局牵头制定的方案实施", ("各区政府", "")),
])
def test_a_lead_word_naming_other_work_is_no_role_of_the_cell(cell, roles):
    """牵头 inside an exception bracket (…除外, 不含…) or before 的 ("X牵头的专项行动"): the cell's own role leads."""
    assert roles_in(cell) == roles


@pytest.mark.parametrize(("cell", "roles"), [
    ("按属地原则由各区牵头", ("各区", "")),
    ("按照属地管理原则由各县区政府牵头", ("各县区政府", "")),
    ("甲区住建局联合乙区财政局牵头", ("甲区住建局、乙区财政局", "")),
    ("甲区住建局牵头，会同乙区财政局、各区政府推进实施", ("甲区住建局", "乙区财政局、各区政府")),
])
def test_framing_words_and_joiners_are_no_part_of_an_office(cell, roles):
    """"按属地原则由" before a lead, 联合 between two offices, "推进实施" after the last: no office's name."""
    assert roles_in(cell) == roles


@pytest.mark.parametrize("name", ["市委副书记", "县委书记", "市政府秘书长", "各级河长", "市政府副秘书长王五",
                                  "各县区党委书记", "张三同志", "分管副市长", "副市长李四", "李四副市长"])
def test_people_and_posts_are_people(name):
    assert a_person(name)


@pytest.mark.parametrize("name", ["市长热线办公室", "区长信箱办公室", "李宁体育园管理处", "市重大项目负责制办公室", "市委",
                                  "市妇联", "市残联", "市住建局", "各区政府", "市河长制办公室", "市委书记处"])
def test_offices_whose_names_hold_a_title_are_no_people(name):
    """Reviewer's list: an office named after a post's work (热线, 信箱, 负责制) is an office, with no doubt."""
    assert not a_person(name)


@pytest.mark.parametrize(("cell", "lead"), [("市委副书记牵头", "市委副书记"), ("各级河长牵头", "各级河长"),
                                            ("市政府副秘书长王五牵头，市住建局负责", "市政府副秘书长王五")])
def test_a_post_leading_is_read_and_doubted(tmp_path, cell, lead):
    leads, _, doubts = _read(tmp_path, cell)
    assert leads == [lead]
    assert [d for d in doubts if "a person" in d and lead in d]


def test_a_post_among_the_units_is_doubted_without_its_role_word(tmp_path):
    """"市政府副秘书长协调", "各县区党委书记负责" among the others: the post, without its role word, and a doubt."""
    leads, units, doubts = _read(tmp_path, "市住建局牵头，市政府副秘书长协调，各县区党委书记负责，市财政局配合")
    assert leads == ["市住建局"]
    assert units == ["市政府副秘书长", "各县区党委书记", "市财政局"]
    assert [d for d in doubts if "a person" in d and "市政府副秘书长" in d]
    assert [d for d in doubts if "a person" in d and "各县区党委书记" in d]
    assert not [d for d in doubts if "市财政局" in d or "市住建局" in d]


@pytest.mark.parametrize("cell", ["市长热线办公室牵头", "区长信箱办公室牵头，各街道配合", "市体育局牵头，李宁体育园管理处配合",
                                  "市重大项目负责制办公室牵头"])
def test_offices_with_titles_in_their_names_get_no_doubt(tmp_path, cell):
    _, _, doubts = _read(tmp_path, cell)
    assert not [d for d in doubts if "a person" in d]
