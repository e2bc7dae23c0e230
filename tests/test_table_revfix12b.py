"""Issue 13, review12's findings 4–8: periods, percentages and steps, each rule on a small synthetic table."""

from __future__ import annotations

from datetime import date

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

