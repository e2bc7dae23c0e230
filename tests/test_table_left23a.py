"""Issue 13, left23a: the list reader's leftovers after read23b, each rule on a small synthetic case: a list whose
closing sections leave one item is refused saying what was found, never reads the closing lines as tasks ("1." and
"(一)" lists alike, one cut-and-count); a line introducing the list ("…以下10件实事——") is no programme name when the
document has a title, and loses its trailing dash or colon when it is the name."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_sections import bracketed_kept, kept

from .conftest import write_page

TITLE = "XX县人民政府关于印发2024年民生实事项目的通知"
SHORT = r"no table found in the document: 1 item \(“新建社区食堂10个。”\) before its closing sections"


def _convert(tmp_path, paragraphs: list[str], title: str | None = TITLE):
    return convert_table(write_page(tmp_path / "list.html", [*([title] if title else []), *paragraphs], title=title),
                         "x-2024", 2024)


# --- 1. a "1." list with one item before its closing sections: refused, the closing lines never tasks -----------------

def test_one_digit_item_before_the_closing_sections_is_refused(tmp_path):
    with pytest.raises(InputError, match=SHORT):
        _convert(tmp_path, ["1.新建社区食堂10个。（县民政局）", "2.加强组织领导。", "3.强化督查考核。"])


def test_the_cut_leaves_too_few_rows_kept():
    short: list = []
    rows = [(False, "新建社区食堂10个。", True), (False, "加强组织领导。", False), (False, "强化督查考核。", False)]
    assert kept(rows, short=short) == 1
    assert short == [(["新建社区食堂10个。"], ["加强组织领导。", "强化督查考核。"])]


def test_a_list_with_no_closing_section_records_nothing():
    short: list = []
    rows = [(False, "新建社区食堂10个。", True), (False, "新建公厕20座。", False)]
    assert kept(rows, short=short) == 2 and short == []


# --- 2. a "(一)" list: the same cut-and-count, and the refusal says what was found --------------------------------------

def test_a_bracketed_list_cut_short_is_said(tmp_path):
    with pytest.raises(InputError, match=SHORT):
        _convert(tmp_path, ["一、民生实事", "（一）新建社区食堂10个。（县民政局）", "二、加强组织领导", "（一）各单位要高度重视。",
                            "（二）各乡镇要按月报送进展。", "（三）县督查室要定期通报。"])


def test_bracketed_kept_counts_as_kept_does():
    """An item "一、…" of its own (kind "top") counts as an item, as in kept: three items before the closing section."""
    rows = [("top", "一、新建公厕20座。", True), ("top", "二、新建社区食堂10个。", True), ("heading", "三、改造工程", False),
            ("1", "（一）改造老旧小区10个。", True), ("heading", "四、保障措施", False), ("1", "（一）加强组织领导。", False)]
    keep, _ = bracketed_kept(rows)
    assert keep == [0, 1, 2, 3]


# --- 3. the line that introduces the list: the document's title names the programme ------------------------------------

ITEMS = ["1.新建幼儿园3所，新增学位1000个。", "2.改造老旧小区10个，新增停车位500个。", "3.新建公厕20座，改造农贸市场3个。"]


def test_the_document_title_names_the_programme_over_the_introduction(tmp_path):
    conversion = _convert(tmp_path, ["今年重点办好以下10件民生实事——", *ITEMS], title="XX县2024年政府工作报告")
    assert conversion.programme.name == "XX县2024年政府工作报告"


@pytest.mark.parametrize("end", ["——", "—", "：", ":"])
def test_an_introduction_named_alone_loses_its_dash(tmp_path, end):
    conversion = _convert(tmp_path, [f"2024年重点办好以下10件民生实事{end}", *ITEMS], title=None)
    assert conversion.programme.name == "2024年重点办好以下10件民生实事"


def test_a_salutation_is_no_title(tmp_path):
    conversion = _convert(tmp_path, ["各位代表：", "2024年重点办好以下10件民生实事——", *ITEMS], title=None)
    assert conversion.programme.name == "2024年重点办好以下10件民生实事"


# --- 4. a list inside one paragraph after "…以下10件实事——": read as the same list in lines ------------------------------

INLINE = "1.新建幼儿园3所，新增学位1000个；2.改造老旧小区10个，新增停车位500个；3.新建公厕20座，改造农贸市场3个。"


@pytest.mark.parametrize("end", ["——", "—", "：", ":"])
def test_an_inline_list_after_its_introduction_is_read(tmp_path, end):
    conversion = _convert(tmp_path, [f"今年重点办好以下10件民生实事{end}{INLINE}"], title="XX县2024年政府工作报告")
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("1", "新建幼儿园3所，新增学位1000个"), ("2", "改造老旧小区10个，新增停车位500个"), ("3", "新建公厕20座，改造农贸市场3个")]
    assert conversion.programme.name == "XX县2024年政府工作报告"


def test_the_same_list_in_lines_reads_alike(tmp_path):
    lines = [f"{part}" for part in INLINE.rstrip("。").split("；")]
    conversion = _convert(tmp_path, ["今年重点办好以下10件民生实事——", *lines], title="XX县2024年政府工作报告")
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("1", "新建幼儿园3所，新增学位1000个"), ("2", "改造老旧小区10个，新增停车位500个"), ("3", "新建公厕20座，改造农贸市场3个")]


def test_a_numbered_sentence_after_a_colon_is_no_list(tmp_path):
    """Two clauses numbered in a paragraph are no list: MIN_ITEMS holds inside a paragraph too."""
    with pytest.raises(InputError, match="no table found"):
        _convert(tmp_path, ["今年重点办好以下民生实事：1.新建幼儿园3所；2.改造老旧小区10个。"], title="XX县2024年政府工作报告")



# --- 5. a staffed, dated work list: its items name the office and the date, whatever its title calls them ------------

PROJECTS = ["一、新建第三中学", "建设地点：城东新区", "牵头单位：县教育局", "完成时限：2024年12月底",
            "二、新建人民医院综合楼", "牵头单位：县卫健委", "完成时限：2024年10月底",
            "三、改造农贸市场3个", "牵头单位：县商务局", "完成时限：2024年9月底"]
PROJECTS_TITLE = "XX县人民政府办公室关于印发2024年重点项目的通知"


def test_a_staffed_dated_work_list_needs_no_programme_word(tmp_path):
    programme = _convert(tmp_path, PROJECTS, title=PROJECTS_TITLE).programme
    assert [(t.code, t.title) for t in programme.tasks] == [("一", "新建第三中学"), ("二", "新建人民医院综合楼"), ("三", "改造农贸市场3个")]
    assert [str(t.deadline) for t in programme.tasks] == ["2024-12-31", "2024-10-31", "2024-09-30"]


def test_a_work_list_with_an_undated_item_is_read_as_labelled_work(tmp_path):
    """Under a title naming no programme, three projects "一、" each with its 牵头单位 line, one undated: a work list by
    its labelled offices (list_sections.labelled_work, as a "(一)" list's items over such lines are; held50b), read by
    the layout reading, the undated item without a deadline (fallback48 read it as a best effort, every task a doubt;
    before, refused whole)."""
    lines = [line for line in PROJECTS if line != "完成时限：2024年9月底"]
    conversion = _convert(tmp_path, lines, title=PROJECTS_TITLE)
    assert conversion.best_effort is None
    assert [t.code for t in conversion.programme.tasks] == ["一", "二", "三"]
    assert [t.lines[0].lead_units for t in conversion.programme.tasks] == [["县教育局"], ["县卫健委"], ["县商务局"]]
    assert [str(t.deadline) for t in conversion.programme.tasks] == ["2024-12-31", "2024-10-31", "None"]


def test_a_notice_of_one_task_stays_refused(tmp_path):
    with pytest.raises(InputError, match="no table found"):
        _convert(tmp_path, PROJECTS[:4], title="XX县人民政府办公室关于新建第三中学的函")
