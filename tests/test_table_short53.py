"""Issue 13, short53: the corpus files one or two facts short, each for a structure of its own — a figure column's "各N"
for each of the things the name joins, a whole stated with the part of it done inside a report's words, the days a
service takes ("1天办结"), the year's end opening a clause of an undated item, an approval due by a half after a
document's name ("《…方案》上半年获批"), the mechanisms a verb of keeping up goes on with, a span of months opening a
sentence after its season or before an office's event, a date before a state to hold by then — beside the same words where
they say something else, which stay as they were."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.sources.table.figures import _statements, without_moments
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.schedule import completion_month, dated_clauses

from .conftest import convert_written, targets_of


def _figures(text: str, year: int = 2024) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, year)]


# --- 1. "各N" alone: one figure for each of the things the words before it join ------------------------------------------

def test_each_alone_gives_each_thing_the_clause_before_names_its_figure():
    """"遴选A和B数量" over "各80个": the figure's own words are only 各, the things are the name's, one target each."""
    found = find_mentions("遴选公告中小企业公共服务示范平台和创业创新示范基地数量\n各80个", 2018)
    assert [(m.value, m.unit, m.each) for m in found] == [(80, "个", True), (80, "个", True)]
    assert "示范平台" in found[0].name and "示范基地" in found[1].name


@pytest.mark.parametrize("text, figures", [
    ("新建城市公厕\n各10座", [(10, "座")]),  # one thing named before: one figure
    ("新建城市公厕和乡村公厕\n各单位10座", [(10, "座")]),  # the figure's own words name more than 各
    ("新建公厕2座和驿站\n各10座", [(2, "座"), (10, "座")]),  # the clause before prints a figure of its own
])
def test_each_alone_after_one_thing_or_its_own_words_stays_one_figure(text, figures):
    assert _figures(text) == figures


def test_each_alone_in_a_figure_column_is_read_for_each_thing(tmp_path):
    """A table whose 预期效果 column prints "各80个" beside a 指标名称 "A和B数量": two indicators of 80 个."""
    rows = [["序号", "指标名称", "预期效果", "完成时限", "牵头单位"],
            ["1", "遴选中小企业公共服务示范平台和创业创新示范基地数量", "各80个", "12月", "中小企业局"],
            ["2", "绿色制造示范典型发布数量", "400项", "10月", "节能司"]]
    tasks = convert_written(tmp_path, "plan.csv", rows, 2018).programme.tasks
    assert [t.code for t in tasks] == ["1", "2"]
    assert targets_of(tasks[0]) == [(80, "个"), (80, "个")]
    assert targets_of(tasks[1]) == [(400, "项")]


# --- 2. a whole with the part of it done, inside the words a report says of the inspection's day ----------------------

@pytest.mark.parametrize("whole", ["16个", "约16个", "不少于16个", "16个以上"])
def test_a_whole_run_into_its_part_done_stays_after_the_moment_is_left_out(whole):
    """"截止督查时,…,刚开工建设秸秆收储点16个已完成5个,…": the report's words are left out but the count the project is,
    with the bound printed around it."""
    text = f"秸秆工程。截止督查时,选址已落实,刚开工建设秸秆收储点{whole}已完成5个,剩余9个完成前期工作。"
    assert without_moments(text) == f"秸秆工程。刚开工建设秸秆收储点{whole}已完成5个。"


@pytest.mark.parametrize("text", [
    "追溯工程。截止督查时,“三品一标”认证共24家,已完成10个,正在申报11个。",  # a tally, its parts after a comma
    "培训任务。截至督查时只培训178人,低于全市平均进度。",  # progress alone
    "建设工程。截至目前完成16个,已完成5个。",  # two clauses, no whole run into its part
])
def test_progress_of_the_moment_alone_is_still_left_out(text):
    assert find_mentions(without_moments(text), 2019) == []


def test_the_whole_is_the_target_and_its_part_done_none(tmp_path):
    """A project's words with its state at the inspection: 16 个 its target, the 5 个 done and the 9 个 remaining none."""
    rows = [["序号", "项目内容", "责任单位"],
            ["1", "秸秆综合利用提升工程。截止督查时,选址已落实,刚开工建设秸秆收储点16个已完成5个,剩余9个完成前期工作。", "县农业农村局"],
            ["2", "学前教育促进工程。其中幼师培训任务500人,截至督查时只培训178人。", "县教育局"]]
    tasks = convert_written(tmp_path, "plan.csv", rows, 2019).programme.tasks
    assert [targets_of(t) for t in tasks] == [[(16, "个")], [(500, "人")]]


# --- 3. the days a service takes, straight before the service -----------------------------------------------------------

@pytest.mark.parametrize("text, figures", [
    ("实现开办企业全流程1个环节、0成本、1天办结", [(1, "个"), (1, "天")]),
    ("不动产登记3天办理", [(3, "天")]),
    ("办结时间1天", [(1, "天")]),  # as before: 天 at the clause's end
])
def test_days_before_a_service_are_its_time_a_target(text, figures):
    assert _figures(text, 2022) == figures


@pytest.mark.parametrize("text", [
    "在村级公示栏公示7天",  # how long a list is posted (a step of a procedure)
    "7天公示",  # 天 before words that are no service
    "做到群众留言5个工作日内受理",  # the window each case is handled in
])
def test_days_of_no_service_stay_no_target(text):
    assert _figures(text, 2022) == []


# --- 4. the year's end opening a clause of an item no column dates: its deadline ----------------------------------------

def test_the_year_end_opening_a_clause_is_the_items_deadline(tmp_path):
    """jininggaoxin-2021's "…实施中心村卫生室建设,年底前,6家中心村卫生室达到…标准;…": the item's one date, the year's end,
    is its deadline (every item of the year's plan is due then; the words say so of this one), no doubt asked."""
    words = "医疗惠民工程:实施中心村卫生室建设,年底前,6家中心村卫生室达到提升标准;完善托育服务体系,至少建成2所示范机构"
    conversion = convert_written(tmp_path, "plan.csv", [["序号", "工作任务", "主办单位"], ["1", words, "县卫健局"]], 2021)
    task = conversion.programme.tasks[0]
    assert task.deadline == date(2021, 12, 31)
    assert targets_of(task) == [(2, "所"), (6, "家")]
    assert not any("no deadline" in str(doubt) for doubt in conversion.doubts)


@pytest.mark.parametrize("words, due", [
    ("实施卫生室建设,年底前,6家卫生室达标", date(2021, 12, 31)),
    ("实施卫生室建设;确保年底前,6家卫生室达标", date(2021, 12, 31)),
    ("实施卫生室建设,年底前,6家卫生室达标,2022年底前完成10家", None),  # two dates: none is the one
    ("建设年底前开工的卫生室6家", None),  # inside a description, no comma after it
])
def test_completion_month_reads_a_year_end_opening_a_clause(words, due):
    found = completion_month(words, 2021)
    assert (found[1] if found else None) == due


# --- 5. an approval due by a half, after a document's name in 《》 -------------------------------------------------------

def test_a_half_after_a_documents_name_dates_its_approval():
    """"配合省上推动《平潭国际旅游岛建设方案》上半年获批": the document is the step's subject, its approval due by June."""
    found = dated_clauses("配合省上推动《平潭国际旅游岛建设方案》上半年获批，努力争取离岛免税。", 2016)
    assert [(label, due) for label, due, _ in found] == [("上半年", date(2016, 6, 30))]


@pytest.mark.parametrize("words", [
    "配合省上推动《平潭国际旅游岛建设方案》上半年推进情况",  # a report of the half, no step
    "学习《方案》获批情况",  # no date
])
def test_no_step_without_a_date_and_a_verb_of_completion(words):
    assert dated_clauses(words, 2016) == []


# --- 6. the mechanisms a verb of keeping up goes on with: those in place, no count -----------------------------------------

@pytest.mark.parametrize("text", [
    "持续推进安全生产提醒、催办、督办等5项机制",
    "继续落实首问负责、限时办结等3项制度",
])
def test_mechanisms_kept_up_are_no_count(text):
    """pingtan-2023-anquan 8: "持续推进…等5项机制" names the mechanisms in place; the work is keeping them going."""
    assert [(s.statement.value, s.unit) for s in _statements(text, "title", 2023)] == []


@pytest.mark.parametrize("text, figures", [
    ("建立安全生产提醒、催办、督办等5项机制", [(5, "项")]),  # set up: delivered
    ("继续建立3项机制", [(3, "项")]),  # keeping on setting up
    ("持续推进5项民生工程", [(5, "项")]),  # works, no mechanisms
    ("持续深化3项制度改革", [(3, "项")]),  # reforms: work to do
])
def test_mechanisms_set_up_or_works_kept_up_stay_targets(text, figures):
    assert [(s.statement.value, s.unit) for s in _statements(text, "title", 2023)] == figures


# --- 7. a span of months after the season it names, or before an office's event -------------------------------------------

def test_spans_of_months_in_an_items_sentences_date_their_words():
    """pingtan-2016-shuichanpin 四(二): "在赤潮发生期4-6月份，技术人员分赴各乡镇…" and "区海洋与渔业技术中心4-5月份举办…培训班"."""
    text = ("加强宣传力度，在赤潮发生期4-6月份，技术人员分赴各乡镇宣传指导。"
            "区海洋与渔业技术中心4-5月份举办专题培训班，做好病害的防治工作。")
    assert [(label, due) for label, due, _ in dated_clauses(text, 2016)] == [
        ("4-6月份", date(2016, 6, 30)), ("4-5月份", date(2016, 5, 31))]


@pytest.mark.parametrize("text", [
    "各村按月报告。3-5月、9-11月春秋两季集中免疫期间，对免疫进展实行周报告制度。",  # seasons that recur: no date
    "区海洋与渔业技术中心4-5月份的培训情况。",  # no event held in it
    "按照4-5月份举办的培训班要求落实。",  # inside a description, no clause opened
])
def test_a_span_of_seasons_or_no_event_dates_nothing(text):
    assert dated_clauses(text, 2016) == []


def test_the_later_span_is_the_items_deadline_the_earlier_its_checkpoint(tmp_path):
    words = ("做好赤潮防灾减灾工作。在赤潮发生期4-6月份，技术人员分赴各乡镇宣传指导。"
             "区海洋与渔业技术中心4-5月份举办专题培训班。")
    rows = [["序号", "工作任务", "责任单位"], ["1", words, "区海洋与渔业技术中心"], ["2", "加强水产品质量监管。", "区市场监管局"]]
    task = convert_written(tmp_path, "plan.csv", rows, 2016).programme.tasks[0]
    assert task.deadline == date(2016, 6, 30)
    assert date(2016, 5, 31) in [cp.due for line in task.lines for cp in line.checkpoints]


# --- 8. a date before a state to hold by then, closed by 的: no description ------------------------------------------------

def test_a_date_before_a_state_to_hold_dates_its_clause():
    """pingtan-2021-guoqi 14: "12月份前具有…资格的财务工作者，原则上…不得少于2人": what is had by the end of November."""
    text = "落实总会计师制度，12月份前具有高级财务类职称或注册会计师资格的财务工作者，原则上大中型企业不得少于2人。"
    assert [(label, due) for label, due, _ in dated_clauses(text, 2021)] == [("12月前", date(2021, 11, 30))]


@pytest.mark.parametrize("text", [
    "6月底前开工的项目全部纳入统计",  # things picked by when an event happened
    "对6月底前建成的公厕开展验收",
])
def test_a_date_inside_a_description_of_an_event_dates_nothing(text):
    assert dated_clauses(text, 2021) == []
