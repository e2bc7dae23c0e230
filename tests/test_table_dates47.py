"""Issue 13, dates47: the dated phrases inside a multi-year 工作方案's items. A date of a later year that opens its
sentence before a comma ("2017年6月底前，完成…", "到2020年，…达到75%以上；…达到60%") dates the whole sentence, each
part after a "；" too; a later year's end ("2017年底前制定…", "2020年底前全区70%以上…") or a later year alone ("2017年
先行配备…": by its end) dates the clause whatever its verb; "X月份前" is the end of the month before, after "在" or
"于" too. A figure due in a later year is a checkpoint of its indicator, not a target of the programme's year."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.schedule import dated_clauses


def _dated(words: str, year: int) -> list[tuple[date, str]]:
    return [(due, text) for _, due, text in dated_clauses(words, year)]


@pytest.mark.parametrize(("words", "dated"), [
    ("2017年6月底前，完成全区土壤污染状况初步调查", [(date(2017, 6, 30), "2017年6月底前，完成全区土壤污染状况初步调查")]),
    ("力争2018年底前，全面完成限养区内保留的畜禽养殖场标准化改造任务",
     [(date(2018, 12, 31), "力争2018年底前，全面完成限养区内保留的畜禽养殖场标准化改造任务")]),
    ("到2020年，养殖场配套建设废弃物处理设施比例达到75%以上；有机肥养分还田率达到60%",
     [(date(2020, 12, 31), "到2020年，养殖场配套建设废弃物处理设施比例达到75%以上"),
      (date(2020, 12, 31), "有机肥养分还田率达到60%")]),
    ("完善防渗漏等设施，2017年底前制定完成整治方案并有序实施", [(date(2017, 12, 31), "2017年底前制定完成整治方案并有序实施")]),
    ("推进农村生活污水治理，2020年底前全区70%以上行政村覆盖农村污水处理设施",
     [(date(2020, 12, 31), "2020年底前全区70%以上行政村覆盖农村污水处理设施")]),
    ("2017年先行配备一批土壤快速检测设备", [(date(2017, 12, 31), "2017年先行配备一批土壤快速检测设备")]),
])
def test_a_later_years_date_in_running_words_dates_its_clause(words, dated):
    assert _dated(words, 2016) == dated


@pytest.mark.parametrize("words", [
    "自2017年起，对拟收回土地使用权的企业用地开展调查评估",  # from a year on: a duty, no checkpoint
    "2016年出台推进医养结合发展的意见",  # the programme's own year alone: its end, no step
    "2016年底前，完成花生测土配方施肥示范",  # nor its end before a comma
    "在2015年试点经验的基础上，逐步开展考核",  # a past year
    "新建垃圾焚烧厂1座，2017年开工",  # a later year's start: a checkpoint at most, as before (review3)
])
def test_no_step_of_a_later_year(words):
    assert dated_clauses(words, 2016) == []


@pytest.mark.parametrize(("words", "due"), [
    ("8月份前要建立科学的绩效考核指标体系", date(2021, 7, 31)),
    ("各区属国企要在8月份前进一步健全管理人员公开选聘办法", date(2021, 7, 31)),
])
def test_a_month_with_fen_before_is_the_end_of_the_month_before(words, due):
    assert [d for d, _ in _dated(words, 2021)] == [due]


@pytest.mark.parametrize(("words", "dated"), [
    ("全区平台与省级平台互联互通，力争到2020年，实现与省内其他设区市平台互联互通",
     [(date(2020, 12, 31), "力争到2020年，实现与省内其他设区市平台互联互通")]),
    ("2017年开展砷污染耕地治理试点；到2020年，完成省下达的受污染耕地治理与修复任务",
     [(date(2017, 12, 31), "2017年开展砷污染耕地治理试点"), (date(2020, 12, 31), "到2020年，完成省下达的受污染耕地治理与修复任务")]),
])
def test_a_date_before_a_comma_after_a_clause_or_a_semicolon_dates_the_rest(words, dated):
    assert _dated(words, 2016) == dated
