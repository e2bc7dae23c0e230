"""Issue 13, the reader's figure/step leftovers (13-read23a): each rule on a small synthetic text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from mstrack.sources.table.figures import _statements
from mstrack.sources.table.likeness import opens_with_date
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.schedule import dated_clauses, step_subject, without_date
from mstrack.sources.table.steps import bare_step, step_stage
from mstrack.vocabulary import BOUND_WORDS

from .conftest import convert_words, indicator_rows


@pytest.mark.parametrize("words", [
    "每月调查失业率不高于5.5%",
    "每月调查失业率不超过5.5%",
    "投诉率少于2%",
    "每月调查失业率控制在5.5%",
    "空置企业数量降至10家",
    "参保人数不少于100人",
])
def test_a_bound_word_is_no_part_of_the_name(words):
    """Every bound word of the vocabulary (不高于, 不超过, 低于, 控制在, 降至 …) is stripped from a name's end, as 不低于
    was: "每月调查失业率不高于5.5%" names 每月调查失业率."""
    names = [m.name for m in find_mentions(words)]
    assert names, words
    assert not any(name.endswith(BOUND_WORDS) for name in names), names
    assert all(re.search(r"[率数量]$", name) for name in names), names


Q2, Q3, END = date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


@pytest.mark.parametrize("words", ["新建污水处理站4座，6月底前开工4座", "新建污水处理站4座，6月底前全部开工4座",
                                   "新建污水处理站4座，6月底前全面开工4座"])
def test_a_start_of_all_beside_a_figure_of_new_things_stays_text(tmp_path, words):
    """A start step beside a figure of new things (counted once built) is no step of it and stays checkpoint text, with
    a message; 全部 ("all of them start") says the whole of that figure, no running total of an indicator of its own."""
    conversion = convert_words(tmp_path, words)
    assert indicator_rows(conversion.programme) == [("新建污水处理站", 4, [(END, 4)])]
    assert any("not placed on an indicator" in message for message in conversion.summary)


@pytest.mark.parametrize(("words", "expected"), [
    # the year's figure counts starts: the dated step is its milestone
    ("新开工污水处理站4座，6月底前全部开工4座", [("新开工污水处理站", 4, [(Q2, 4), (END, 4)])]),
    # a lone step: the indicator's own dated figure
    ("6月底前全部开工4座，年底前完成验收", [("全部开工", 4, [(Q2, 4)])]),
])
def test_a_start_of_all_is_a_milestone_or_its_own_figure(tmp_path, words, expected):
    assert indicator_rows(convert_words(tmp_path, words).programme) == expected


def test_the_message_says_which_figures_were_summed(tmp_path):
    """"…6月底前累计新增3000人，12月底前新增2000人": only the last figure is a per-period amount (3000 + 2000 = 5000);
    the summary says that one was summed and the other read as printed, not that all were per-period amounts."""
    conversion = convert_words(tmp_path, "新增城镇就业，6月底前累计新增3000人，12月底前新增2000人")
    assert indicator_rows(conversion.programme) == [("新增城镇就业", 5000, [(Q2, 3000), (END, 5000)])]
    said = [m for m in conversion.summary if "per-period amounts" in m]
    assert said == ["task 1: “新增城镇就业” read 2000 as per-period amounts added to the total before them, the other "
                    "figures as printed running totals; milestones are running totals (3000, 5000)"]


def test_the_message_of_amounts_all_summed_is_kept(tmp_path):
    conversion = convert_words(tmp_path, "新增城镇就业，6月底前新增3000人，12月底前新增2000人")
    assert [m for m in conversion.summary if "per-period amounts" in m] == [
        "task 1: “新增城镇就业” read as per-period amounts (3000, 2000); milestones are running totals (3000, 5000)"]


@pytest.mark.parametrize(("words", "expected"), [
    ("6月底前新增城镇就业1000人，9月底前累计达到2000人，全年新增3000人",
     [("新增城镇就业", 3000, [(Q2, 1000), (Q3, 2000), (END, 3000)])]),
    ("6月底前新增城镇就业1000人，9月底前累计新增2000人，全年新增城镇就业3000人",
     [("新增城镇就业", 3000, [(Q2, 1000), (Q3, 2000), (END, 3000)])]),
    # a dated step of another thing before the year's figure stays a figure of its own
    ("6月底前培训农民500人，全年新增城镇就业3000人", [("培训农民", 500, [(Q2, 500)]), ("新增城镇就业", 3000, [(END, 3000)])]),
])
def test_a_named_first_step_is_a_checkpoint_of_the_years_figure(tmp_path, words, expected):
    """A dated step that names its thing ("6月底前新增城镇就业1000人") before the year's figure of that name (全年新增
    3000人) is that indicator's first checkpoint, a running total as the first is; 累计 after it is one too."""
    assert indicator_rows(convert_words(tmp_path, words).programme) == expected


def test_a_done_step_of_the_whole_work_is_read_with_a_doubt(tmp_path):
    """"续建安置房800套，6月底前交付使用300套": 交付使用 is the done stage of the work the figure names with no stage;
    300 of the 800 by Jun 30 is kept, with a doubt, since the step may count another thing (those handed over)."""
    conversion = convert_words(tmp_path, "续建安置房800套，6月底前交付使用300套")
    assert indicator_rows(conversion.programme) == [("续建安置房", 800, [(Q2, 300), (END, 800)])]
    assert [d for d in conversion.doubts if "done stage" in d] == [
        "plan.csv: row 2, column 工作内容: “续建安置房”: the steps at the done stage (300) are read as how far its 800 are "
        "by then; they may count another thing"]


def test_a_done_step_of_new_things_is_no_doubt(tmp_path):
    """"新建学校3所，9月底前建成1所": a figure of new things counts them built, the step's own stage: one reading."""
    conversion = convert_words(tmp_path, "新建学校3所，9月底前建成1所")
    assert indicator_rows(conversion.programme) == [("新建学校", 3, [(Q3, 1), (END, 3)])]
    assert not [d for d in conversion.doubts if "done stage" in d]


@pytest.mark.parametrize(("words", "rest", "subject"), [
    ("县人社局6月底前完成", "完成", ""),  # an office: who does it, dropped with the date
    ("住建局6月底前开工4座", "开工4座", ""),
    ("护理床位6月底前达到", "达到", "护理床位"),  # a thing: dropped too, but the step names it
    ("第三季度前完成", "完成", ""),
])
def test_without_date_drops_the_subject_and_step_subject_keeps_a_thing(words, rest, subject):
    assert without_date(words) == rest
    assert step_subject(words) == subject


def test_a_step_with_an_office_subject_is_a_bare_step_of_its_stage():
    """likeness.opens_with_date, series.bare_step and step_stage see through an office subject ("县教育局6月底前开工3所")."""
    step = find_mentions("新建学校3所，县教育局6月底前开工3所", 2023)[1]
    assert opens_with_date(step) and bare_step(step) and step_stage(step) == "started"


@pytest.mark.parametrize(("words", "expected"), [
    # an office as the step's subject: how far the figure is
    ("新增养老床位2000张，县民政局6月底前完成1000张", [("新增养老床位", 2000, [(Q2, 1000), (END, 2000)])]),
    # the figure's own thing as the subject: how far it is
    ("改造老旧小区50个，老旧小区6月底前完成20个", [("改造老旧小区", 50, [(Q2, 20), (END, 50)])]),
    # another thing as the subject: a figure of its own, not 1000 of the 2000
    ("新增养老床位2000张，护理床位6月底前达到1000张", [("新增养老床位", 2000, [(END, 2000)]), ("护理床位", 1000, [(Q2, 1000)])]),
])
def test_a_step_that_names_another_thing_is_no_step_of_the_figure(tmp_path, words, expected):
    assert indicator_rows(convert_words(tmp_path, words).programme) == expected


@pytest.mark.parametrize(("words", "dated"), [
    ("养老床位上半年达到1000张", [("上半年", Q2)]),  # a level reached by then, after a subject, as after 6月底前
    ("上半年达到1000张", [("上半年", Q2)]),
    ("县住建局上半年开工10个", [("上半年", Q2)]),
    ("县人社局上半年完成培训200人次", [("上半年", Q2)]),
    ("上半年推进情况良好", []),  # a report of the half, no step
    ("开展6月底前专项检查", [("6月底前", Q2)]),  # the inspection is due by then
])
def test_half_year_after_a_subject_dates_a_level_reached(words, dated):
    assert [(label, due) for label, due, _ in dated_clauses(words, 2023)] == dated


def test_a_level_reached_by_the_half_is_a_checkpoint(tmp_path):
    """"养老床位上半年达到1000张，年底前达到2000张": 1000 by Jun 30 of the one 养老床位 (two targets before)."""
    assert indicator_rows(convert_words(tmp_path, "养老床位上半年达到1000张，年底前达到2000张").programme) == [
        ("养老床位", 2000, [(Q2, 1000), (END, 2000)])]


def test_a_figure_after_a_joint_has_the_verb_before_it():
    """"…收入分别增长7.5%和8%,服务业增加值增长8%": the 8% after 和 shares 增长, so the later 8% after a subject and a
    verb of its own counts another thing, a target of its own (it was dropped as the same 8% said again)."""
    found = _statements("地区生产总值增长10%,居民人均可支配收入分别增长7.5%和8%,服务业增加值增长8%", "title", 2020)
    assert [(one.statement.name, one.statement.value) for one in found] == [
        ("地区生产总值增长", 10), ("居民人均可支配收入增长", 7.5), ("居民人均可支配收入增长", 8), ("服务业增加值增长", 8)]


@pytest.mark.parametrize(("words", "expected"), [
    ("破获不少于400起食品犯罪案件", [(400, "起")]),  # 起 counts cases before the noun, as 口 or 所 would
    ("查处案件3起", [(3, "起")]),
    ("自2024年7月1日起施行", []),  # a date's 起 (from) is no unit
])
def test_qi_counts_cases(words, expected):
    assert [(m.value, m.unit) for m in find_mentions(words, 2023)] == expected


@pytest.mark.parametrize(("words", "expected"), [
    # 开工 and 竣工 sharing their 工, each 150万平方米: two targets
    ("开竣工安置房各150万平方米", [("开工安置房", 1500000), ("竣工安置房", 1500000)]),
    ("新建和改造公厕各10座", [("新建公厕", 10), ("改造公厕", 10)]),
    ("开竣工安置房各约150万平方米", [("开工安置房", 1500000), ("竣工安置房", 1500000)]),  # 约 or a bound after 各
    ("改扩建学校各3所", [("改扩建学校各", 3)]),  # 改扩建 is one work: one figure (its name as before)
])
def test_each_of_several_works_before_ge_has_its_figure(words, expected):
    assert [(m.name, m.value) for m in find_mentions(words, 2023)] == expected
