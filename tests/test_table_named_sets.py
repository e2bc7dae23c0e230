"""Issue 13, held52b: a count, in words, of a set the document names one by one above its list ("将远大、中发和中荣三家企业
列为整治对象" then "调查三家商品砼公司涉嫌…的情况") is that set again, no target; the same count in digits is one."""

from __future__ import annotations

from mstrack.sources.table.figure_picks import named_again, named_counts

from .conftest import convert_written


def test_the_sets_a_document_names_one_by_one():
    assert named_counts(["将全区负责商品砼生产的远大、中发和中荣三家企业列为整治对象。"]) == {(3, "家", "企业")}
    assert named_counts(["城东、城西两所学校"]) == {(2, "所", "学校")}
    assert named_counts(["远大、中发三家企业"]) == frozenset()  # two names, three counted: no set named one by one
    assert named_counts(["新建幼儿园三所"]) == frozenset()


def test_a_count_in_words_of_a_named_set_is_no_target():
    named = frozenset({(3, "家", "企业")})
    assert named_again(3, "家", "调查三家商品砼公司涉嫌垄断的情况", named)
    assert named_again(3, "家", "约谈三家企业负责人", named)
    assert not named_again(3, "家", "新建3家社区食堂", named)
    assert not named_again(4, "家", "调查四家企业", named)


def _targets(tasks):
    return [(i.target, i.unit) for t in tasks for line in t.lines for i in line.indicators if i.target is not None]


def test_the_named_set_in_a_table(tmp_path):
    above = [["全区商品砼市场专项整治方案", "", ""], ["将远大、中发和中荣三家企业列为整治对象。", "", ""]]
    rows = [["序号", "工作任务", "责任单位"],
            ["1", "调查三家商品砼公司涉嫌达成垄断协议的情况", "区市场监管局"],
            ["2", "新建社区食堂3家", "区民政局"]]
    assert _targets(convert_written(tmp_path, "t.csv", above + rows, 2021).programme.tasks) == [(3, "家")]
    assert _targets(convert_written(tmp_path, "u.csv", rows, 2021).programme.tasks) == [(3, "家"), (3, "家")]


def test_a_count_of_another_noun_is_a_target():
    """fixrev52: a title "…聚焦教育、医疗和养老三个领域…" named a set of three fields; "新建三个社区养老服务中心" lost its
    target, counted as that set again. Only a count naming the set's noun again is dropped."""
    named = named_counts(["2024年聚焦教育、医疗和养老三个领域民生实事项目表"])
    assert named == {(3, "个", "领域")}
    assert not named_again(3, "个", "新建三个社区养老服务中心", named)
    assert named_again(3, "个", "统筹三个领域的项目", named)


def test_a_title_naming_fields_over_a_table_keeps_its_counts(tmp_path):
    above = [["2024年聚焦教育、医疗和养老三个领域民生实事项目表", "", ""]]
    rows = [["序号", "工作任务", "责任单位"], ["1", "新建三个社区养老服务中心", "区民政局"]]
    assert _targets(convert_written(tmp_path, "t.csv", above + rows, 2024).programme.tasks) == [(3, "个")]


def test_a_named_set_s_noun_in_traditional_characters():
    """A document printed in traditional characters names its set "三家企業", then "三家商品砼公司": the same set."""
    named = named_counts(["將遠大、中發和中榮三家企業列為整治對象。"])
    assert named_again(3, "家", "負責調查三家商品砼公司涉嫌達成壟斷協議", named)
