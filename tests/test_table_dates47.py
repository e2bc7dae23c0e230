"""Issue 13, dates47: the dated phrases inside a multi-year 工作方案's items. A date of a later year that opens its
sentence before a comma ("2017年6月底前，完成…", "到2020年，…达到75%以上；…达到60%") dates the whole sentence, each
part after a "；" too; a later year's end ("2017年底前制定…", "2020年底前全区70%以上…") or a later year alone ("2017年
先行配备…": by its end) dates the clause whatever its verb; "X月份前" is the end of the month before, after "在" or
"于" too. A figure due in a later year is a checkpoint of its indicator, not a target of the programme's year."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.schedule import dated_clauses

from .conftest import convert_written


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
    "加大购买服务力度，2017年前全面铺开服务站建设工作",  # before 2017: by the end of the programme's own year (2016)
])
def test_no_step_of_a_later_year(words):
    assert dated_clauses(words, 2016) == []


@pytest.mark.parametrize(("words", "due"), [
    ("8月份前要建立科学的绩效考核指标体系", date(2021, 7, 31)),
    ("各区属国企要在8月份前进一步健全管理人员公开选聘办法", date(2021, 7, 31)),
])
def test_a_month_with_fen_before_is_the_end_of_the_month_before(words, due):
    assert [d for d, _ in _dated(words, 2021)] == [due]


PLAN = """平潭综合实验区土壤污染防治工作方案
为切实加强土壤污染防治，结合我区实际，制定本工作方案。
一、主要任务
（一）掌握全区土壤环境质量状况
1.开展土壤环境质量详查
2017年6月底前，完成全区土壤污染状况初步调查。在此基础上，开展土壤污染状况详查，2018年底前完成。
责任单位：区环境与国土资源局牵头，区农村发展局等参与
2.防治农业面源污染
2016年底前完成500亩马铃薯测土配方施肥示范。2017年先行配备一批土壤快速检测设备。到2020年，规模化养殖场、养殖小区配套建设废弃物处理设施比例达到75%以上；有机肥养分还田率达到60%。每年至少开展1次灌溉水水源的水质监测。
责任单位：区农村发展局牵头，区环境与国土资源局等参与
3.加强林地土壤环境管理
在林地分布区域建立产出食用林产品质量定期检测制度。
责任单位：区农村发展局牵头，区市场监督管理局参与
"""


def test_a_multi_year_plans_items_keep_each_dated_goal(tmp_path):
    """Each dated phrase of an item is a checkpoint; a figure of a later year is its indicator's checkpoint, due then,
    and no target of 2016; 2016's own figure stays the target."""
    first, second, _ = convert_written(tmp_path, "plan.txt", PLAN, 2016).programme.tasks
    assert [c.due for line in first.lines for c in line.checkpoints] == [date(2017, 6, 30), date(2018, 12, 31)]
    assert [c.due for line in second.lines for c in line.checkpoints] == [
        date(2016, 12, 31), date(2017, 12, 31), date(2020, 12, 31)]
    figures = [(i.target, i.unit, [(m.due, m.target) for m in i.milestones]) for line in second.lines for i in line.indicators
               if i.unit != "次"]  # each year's inspection, undated: the item has no one deadline
    assert sorted(figures, key=str) == [(500, "亩", [(date(2016, 12, 31), 500)]), (None, "%", [(date(2020, 12, 31), 60)]),
                                        (None, "%", [(date(2020, 12, 31), 75)])]


@pytest.mark.parametrize(("words", "dated"), [
    ("全区平台与省级平台互联互通，力争到2020年，实现与省内其他设区市平台互联互通",
     [(date(2020, 12, 31), "力争到2020年，实现与省内其他设区市平台互联互通")]),
    ("2017年开展砷污染耕地治理试点；到2020年，完成省下达的受污染耕地治理与修复任务",
     [(date(2017, 12, 31), "2017年开展砷污染耕地治理试点"), (date(2020, 12, 31), "到2020年，完成省下达的受污染耕地治理与修复任务")]),
])
def test_a_date_before_a_comma_after_a_clause_or_a_semicolon_dates_the_rest(words, dated):
    assert _dated(words, 2016) == dated


def test_a_later_years_figure_that_is_the_items_one_date_stays_its_target(tmp_path):
    """"2025年完成…,为金阳新城增加学位1080个" in a plan of 2024: the item is due then, and 1080 is its target."""
    rows = "序号,项目名称,目标任务,牵头单位\n1,金阳新城新增学位项目,\"2025年完成北园小学建设,为金阳新城增加学位1080个\",市教育局\n"
    task, = convert_written(tmp_path, "plan.csv", rows, 2024).programme.tasks
    assert [(i.target, i.unit) for line in task.lines for i in line.indicators] == [(1080, "个")]


YEAR_PLAN = """平潭综合实验区“国企提升发展年”行动方案
为深化区属国企改革，结合我区实际，制定本行动方案。
一、主要任务
（一）人才兴企提升
1.加大人才培养力度
于6月底前梳理完成企业人才战略规划制定工作。于10月底前完成举办或参与2场次以上的大学毕业生公开招聘会；每年定期组织或参与中高端人才对接会1场次以上。
责任单位：区国资局牵头，区人社局参与
2.推行全员绩效考核
8月份前要建立科学的与各岗位相匹配的绩效考核指标体系。各区属国企要在8月份前进一步健全管理人员公开选聘、解聘管理办法。
责任单位：区国资局牵头，区人社局参与
3.加强国有资产监管
加快国资监督职能向管资本方向转变。
责任单位：区国资局牵头，区人社局参与
4.加强林地土壤环境管理
在林地分布区域建立产出食用林产品质量定期检测制度。
责任单位：区农村发展局牵头，区市场监督管理局参与
"""


def test_an_items_last_month_is_its_deadline_beside_a_figure_done_every_year(tmp_path):
    """"每年定期组织…1场次以上" is due at no one date: the item's months date it, the last its deadline; "8月份前" is the
    end of July."""
    first, second, *_ = convert_written(tmp_path, "plan.txt", YEAR_PLAN, 2021).programme.tasks
    assert (first.deadline, second.deadline) == (date(2021, 10, 31), date(2021, 7, 31))
