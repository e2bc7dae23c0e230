"""Figure and lead leftovers (issue 13): every bound word alike, one vocabulary of bounds and of whole areas, a step
whose subject differs from the year's figure, a helper that never leads."""
import pytest

from mstrack.sources.table.mentions import find_mentions
from mstrack.vocabulary import AT_MOST_PREFIXES, BOUND_WORDS


@pytest.mark.parametrize("word", BOUND_WORDS)
def test_every_bound_word_before_a_rate_is_read_alike(word):
    [mention] = find_mentions(f"每月调查失业率{word}5.5%")
    assert (mention.value, mention.unit, mention.name) == (5.5, "%", "每月调查失业率")
    assert mention.comparator in (">=", "<=")


@pytest.mark.parametrize("word", [w for w in AT_MOST_PREFIXES if not w.startswith("不")])
def test_every_bare_upper_bound_share_that_picks_who_is_no_target(word):
    """An at-least or 不 bound there is a target (13-revfix17b: "不低于50%村庄实现垃圾分类")."""
    assert [(m.value, m.unit) for m in find_mentions(f"{word}50%镇街新增10个")] == [(10, "个")]


def test_one_vocabulary_of_bounds_reads_a_rate_and_agrees_its_names():
    from mstrack.sources.table.period_amounts import _names_agree
    [mention] = find_mentions("失业率高于5.5%")
    assert (mention.comparator, mention.name) == (">=", "失业率")
    assert _names_agree("调查失业率", "调查失业率降至")  # 降至 is a bound as 不高于 is: no part of the name
    assert _names_agree("调查失业率", "调查失业率大于")


@pytest.mark.parametrize("area", ["全市", "全省", "全区", "全县", "全州", "全盟", "全旗", "本市"])
def test_the_whole_area_before_a_figure_names_nothing(area):
    [mention] = find_mentions(f"{area}破获食品犯罪案件100起")
    assert (mention.value, mention.name) == (100, "破获食品犯罪案件")


def test_the_whole_area_before_a_measure_is_one_measure():
    from mstrack.sources.table.period_amounts import _names_agree
    assert _names_agree("全旗调查失业率", "调查失业率")
    assert not _names_agree("农村调查失业率", "调查失业率")


def test_a_step_whose_subject_differs_from_the_years_figure_is_doubted(tmp_path):
    from .conftest import conversion_messages, convert_words, indicator_rows
    conversion = convert_words(tmp_path, "新增养老床位2000张，护理床位6月底前达到1000张")
    assert [name for name, _, _ in indicator_rows(conversion.programme)] == ["新增养老床位", "护理床位"]
    doubts = [m for m in conversion_messages(conversion) if "护理床位" in m and "新增养老床位" in m]
    assert len(doubts) == 1 and "2000" in doubts[0] and "1000" in doubts[0]


def test_a_step_of_the_years_figure_itself_is_not_doubted(tmp_path):
    from .conftest import conversion_messages, convert_words
    conversion = convert_words(tmp_path, "新增养老床位2000张，养老床位6月底前达到1000张")
    assert not [m for m in conversion_messages(conversion) if "may be how far" in m]


def _lines(conversion):
    return [(task.title, line.lead_units, line.units) for task in conversion.programme.tasks for line in task.lines]


def test_a_helper_alone_on_the_first_row_never_leads(tmp_path):
    from .conftest import conversion_messages, convert_written
    rows = ("序号,工作任务,牵头单位,配合单位,完成时限\n1,新建公厕10座,,县财政局、县审计局,2023年12月底\n"
            "2,新建学校3所,县教育局,县财政局,2023年12月底\n")
    conversion = convert_written(tmp_path, "plan.csv", rows, 2023)
    assert _lines(conversion) == [("新建公厕10座", ["（表中未列）"], ["县财政局", "县审计局"]),
                                  ("新建学校3所", ["县教育局"], ["县财政局"])]
    assert ["only help: no lead read" in m for m in conversion_messages(conversion)] == [True]


def test_beside_a_blank_lead_only_the_units_of_a_non_helper_column_lead(tmp_path):
    from .conftest import conversion_messages, convert_written
    rows = "序号,工作任务,牵头单位,责任单位,配合单位,完成时限\n1,新建公厕10座,,县住建局,县财政局,2023年12月底\n"
    conversion = convert_written(tmp_path, "plan.csv", rows, 2023)
    assert _lines(conversion) == [("新建公厕10座", ["县住建局"], ["县财政局"])]
    assert [m.split(", ", 1)[1] for m in conversion_messages(conversion)] == [
        "column 牵头单位: the 牵头单位 cell is blank: 县住建局 read as sharing the lead"]


def test_with_no_lead_column_a_helper_alone_never_leads(tmp_path):
    from .conftest import convert_written
    rows = "序号,工作任务,责任单位,配合单位,完成时限\n1,新建公厕10座,,县财政局,2023年12月底\n"
    conversion = convert_written(tmp_path, "plan.csv", rows, 2023)
    assert _lines(conversion) == [("新建公厕10座", ["（表中未列）"], ["县财政局"])]
