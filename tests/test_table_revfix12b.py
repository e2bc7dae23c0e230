"""Issue 13, review12's findings 4–8: periods, percentages and steps, each rule on a small synthetic table."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.domain.dates import month_end

from .conftest import convert_written, indicator_rows

Q1, Q2, Q3, END = date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)


def _converted(tmp_path, rows: str, header: str = "序号,工作任务,工作内容,牵头单位,完成时限"):
    return convert_written(tmp_path, "plan.csv", header + "\n" + rows, 2023)


def test_cumulative_shares_of_the_year_are_one_indicator(tmp_path):
    """"第一季度完成年度投资的25%，上半年完成50%，前三季度完成75%，全年完成100%": one indicator 25/50/75/100 at the
    quarters' ends (前三季度 is by 09-30), its target the last step, not 25 nor junk indicators named 指标 or 前."""
    converted = _converted(tmp_path, "1,投资,第一季度完成年度投资的25%，上半年完成50%，前三季度完成75%，全年完成100%,县发改委,2023年12月\n")
    assert indicator_rows(converted.programme) == [("年度投资", 100, [(Q1, 25), (Q2, 50), (Q3, 75), (END, 100)])]


def test_shares_of_the_year_are_never_summed_in_a_doubt(tmp_path):
    """"一季度完成30%，二季度完成60%，三季度完成100%": running shares; no doubt offers their sum (190 %)."""
    converted = _converted(tmp_path, "1,学校,一季度完成30%，二季度完成60%，三季度完成100%,县教育局,2023年12月\n")
    assert [ms for _, _, ms in indicator_rows(converted.programme)] == [[(Q1, 30), (Q2, 60), (Q3, 100)]]
    assert not any("in all" in str(d) for d in converted.doubts), converted.doubts


def test_the_same_figure_of_other_nouns_at_two_dates_is_two_indicators(tmp_path):
    """"6月底前新建幼儿园3所，12月底前新建小学3所": two things, each due at its own date; not one 新建幼儿园 read as
    per-period amounts (3, 3) with 新建小学 lost. "新建公厕" then "改造公厕": two works too."""
    converted = _converted(tmp_path, "1,学校建设,6月底前新建幼儿园3所，12月底前新建小学3所,县教育局,2023年12月\n"
                                     "2,公厕,6月底前新建公厕10座，12月底前改造公厕10座,县城管局,2023年12月\n")
    assert indicator_rows(converted.programme) == [("新建幼儿园", 3, [(Q2, 3)]), ("新建小学", 3, [(END, 3)]),
                                                ("新建公厕", 10, [(Q2, 10)]), ("改造公厕", 10, [(END, 10)])]
    assert not any("per period" in str(d) for d in converted.doubts), converted.doubts



def test_two_halves_with_no_year_figure_are_amounts_per_half(tmp_path):
    """"上半年开工20个，下半年开工30个" and no year's figure: 20 by June, 50 by December (下半年 is the second half's
    amount, not a running total), with a doubt; not two indicators both due at the year's end."""
    converted = _converted(tmp_path, "1,项目,上半年开工20个，下半年开工30个,县发改委,2023年12月\n")
    assert indicator_rows(converted.programme) == [("开工", 50, [(Q2, 20), (END, 50)])]
    assert any("amounts per period" in str(d) for d in converted.doubts), converted.doubts


@pytest.mark.parametrize("words", ["每月开展安全检查1次", "每季度召开1次联席会议", "每月服务群众2000人次"])
def test_a_frequency_with_no_year_figure_is_text_and_a_doubt(tmp_path, words):
    """"每月开展安全检查1次" and no year's figure: no indicator named 每月 due at the year's end with 1 (it would read
    done after one check); the words stay checkpoint text, and a doubt asks for the year's figure."""
    converted = _converted(tmp_path, f"1,检查,{words},县应急局,2023年12月\n")
    assert indicator_rows(converted.programme) == []
    assert any("an amount per period" in str(d) for d in converted.doubts), converted.doubts


@pytest.mark.parametrize(("words", "expected"), [
    ("全年服务群众2.4万人次，每月服务2000人次", [(month_end(2023, m), 2000 * m) for m in range(1, 13)]),
    ("开展宣传活动48场，每月不少于4场", [(month_end(2023, m), 4 * m) for m in range(1, 13)]),
])
def test_a_frequency_beside_the_year_figure_gives_its_milestones(tmp_path, words, expected):
    """An amount per period beside the year's figure of the same thing, with any verb (服务) or a bound only
    (不少于): that indicator's milestones, no indicator named 每月 / 每季度."""
    plan = _converted(tmp_path, f"1,服务,{words},县民政局,2023年12月\n").programme
    assert [(target, ms) for _, target, ms in indicator_rows(plan)] == [(expected[-1][1], expected)]


@pytest.mark.parametrize("words", ["开展技能培训1200人次，每季度开展培训1次", "开展消防演练12次，每半年至少1次",
                                   "开展河道巡查1200次，每周巡查不少于2次", "建设口袋公园6个，每季度建成2个"])
def test_a_frequency_that_does_not_make_up_the_year_figure_adds_nothing(tmp_path, words):
    """"每季度开展培训1次" beside 1200人次, "每半年至少1次" beside 12次, "每周…不少于2次", "每季度建成2个" of 6
    (4 × 2 is not 6): no indicator of the
    frequency; the year's figure alone, the frequency checkpoint text with a doubt."""
    converted = _converted(tmp_path, f"1,培训,{words},县人社局,2023年12月\n")
    assert len(indicator_rows(converted.programme)) == 1
    assert not any("每" in name for name, _, _ in indicator_rows(converted.programme))
    assert any("an amount per period" in str(d) for d in converted.doubts), converted.doubts


@pytest.mark.parametrize("words", ["低保标准提高到每人每月800元", "补贴标准不低于每人每月约800元", "补贴标准每人每月不低于800元",
                                   "预计每月平均用餐人数710人", "每周三次为在校午餐的学生（17787人）加菜",
                                   "每月调查失业率不高于5.5%"])
def test_a_standard_per_person_and_month_is_kept(tmp_path, words):
    """"低保标准提高到每人每月800元" (a standard), "每月平均用餐人数710人" (an average), "每周三次为…学生（17787人）"
    (a frequency of something else), "每月调查失业率不高于5.5%" (a rate held each month): no amount per period; the
    indicator as before."""
    plan = _converted(tmp_path, f"1,低保,{words},县民政局,2023年12月\n").programme
    assert len(indicator_rows(plan)) == 1


@pytest.mark.parametrize(("row", "doubted"), [
    ("1,9月底前新建学校5所,新建学校3所,县教育局,2023年12月", True),
    ("1,年底前新建口袋公园12个,新建口袋公园10个,县城管局,2023年12月", True),
    ("1,年底前新增停车位5000个,新增停车位3000个，其中公共停车位2000个,县住建局,2023年12月", True),  # 其中: a part
    ("1,新建学校5所,新建学校3所，改扩建学校2所,县教育局,2023年12月", False),  # parts that make up the title's 5
    ("1,9月底前新建学校3所,新建学校3所,县教育局,2023年12月", False),
    ("1,6月底前开工建设保障性住房1000套,建成保障性住房500套,县住建局,2023年12月", False),  # two stages
])
def test_a_title_whose_figure_differs_from_the_contents_is_a_doubt(tmp_path, row, doubted):
    """A title "9月底前新建学校5所" over content "新建学校3所": both figures are kept, and a person checks which holds."""
    converted = _converted(tmp_path, row + "\n")
    assert any("the title says" in str(d) for d in converted.doubts) is doubted, converted.doubts


@pytest.mark.parametrize(("row", "expected"), [
    ("1,6月底前新建学校3所,新建学校3所,县教育局,2023年12月", [("新建学校", 3, [(Q2, 3)])]),
    ("1,9月底前新建口袋公园10个,新建口袋公园10个，6月底前建成5个,县城管局,2023年12月",
     [("新建口袋公园", 10, [(Q2, 5), (Q3, 10)])]),  # 建成 names no thing: how far the 10 are by June (read21b)
    ("1,6月底前新建幼儿园3所,新建幼儿园3所，新建小学3所,县教育局,2023年12月",
     [("新建幼儿园", 3, [(Q2, 3)]), ("新建小学", 3, [(END, 3)])]),
])
def test_a_dated_title_that_restates_the_content_dates_it(tmp_path, row, expected):
    """A title "9月底前新建口袋公园10个" over content that prints the same figure: the content's clause of that name is
    due at the title's date (not at the 完成时限), whatever other steps the content has; other clauses keep theirs."""
    assert indicator_rows(_converted(tmp_path, row + "\n").programme) == expected


def test_a_level_held_each_half_is_one_indicator(tmp_path):
    """"上半年PM2.5平均浓度控制在35微克/立方米以内，下半年控制在35微克/立方米以内": one limit held, not a second
    indicator born of the second half's words (上半年 / 下半年 date a clause before 开工 or a verb of completion)."""
    rows = "1,大气治理,上半年PM2.5平均浓度控制在35微克/立方米以内，下半年控制在35微克/立方米以内,县生态环境局,2023年12月\n"
    assert len(indicator_rows(_converted(tmp_path, rows).programme)) == 1
