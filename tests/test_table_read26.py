"""Issue 13, read26: the seventeenth held-out set's frames, each rule on a small synthetic document: an item's offices
alone in a bracket on the line after it are that item's, as a bracket at the end of its line is (a Word document's
paragraphs, a page's <p>, a text file's lines), a bracket that names no office (a note, "（续）", a date) is not; an
office whose name holds a bracket of levels ("各市(县)、区政府") is one office; "削减4%" is a target."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.office_names import split_units

from .conftest import targets_of, write_page

ITEMS = ["甲市2024年重点工作分解落实方案", "一、目标分解",
         "1、新建幼儿园3所。", "（市教育局、财政局）",
         "2、改造老旧小区20个。", "（市住建局）",
         "二、任务分解",
         "3、新增城镇就业1万人。", "（市人社局，各区政府）",
         "4、建设公园5个。", "（市城管局、园林局）"]


def _write_docx(path, lines):
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


def _write(tmp_path, suffix: str, lines: list[str]):
    path = tmp_path / f"plan{suffix}"
    if suffix == ".docx":
        return _write_docx(path, lines)
    if suffix == ".html":
        return write_page(path, lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".docx", ".html", ".txt"])
def test_offices_alone_in_a_bracket_on_the_next_line_are_the_items(tmp_path, suffix):
    """"N、text。" over "（office、office）": the bracket is the item's, its first office the lead, the list read through
    the headings between the items."""
    tasks = convert_table(_write(tmp_path, suffix, ITEMS), "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "新建幼儿园3所。"), ("2", "改造老旧小区20个。"),
                                                  ("3", "新增城镇就业1万人。"), ("4", "建设公园5个。")]
    assert [t.lines[0].lead_units for t in tasks] == [["市教育局"], ["市住建局"], ["市人社局"], ["市城管局"]]
    assert set(tasks[0].lines[0].units) >= {"财政局"}
    assert set(tasks[2].lines[0].units) >= {"各区政府"}
    assert targets_of(tasks[0]) == [(3, "所")]


def test_a_bracket_line_that_names_no_office_is_no_items(tmp_path):
    """A note, "（续）" or a date in a bracket on the next line names no office: the items stay without one (read
    only as an outline of last resort since fallback64, each a doubt; refused before)."""
    lines = ["甲市2024年重点工作分解落实方案",
             "1、新建幼儿园3所。", "（续）",
             "2、改造老旧小区20个。", "（2024年3月1日）",
             "3、新增城镇就业1万人。", "（含高校毕业生）"]
    conversion = convert_table(_write(tmp_path, ".docx", lines), "x-2024", 2024)
    assert conversion.best_effort is not None  # no layout fits: every task a doubt
    assert [t.code for t in conversion.programme.tasks] == ["1", "2", "3"]
    assert all(t.lines[0].lead_units in ([], ["（表中未列）"]) and not t.lines[0].units for t in conversion.programme.tasks)


def test_an_office_line_after_an_item_that_prints_its_own_offices_is_not_joined(tmp_path):
    """An item whose line already ends with its offices keeps them; a bracket after it is not taken on top."""
    lines = ["甲市2024年重点工作分解落实方案",
             "1、新建幼儿园3所。（市教育局）",
             "2、改造老旧小区20个。（市住建局）",
             "3、新增城镇就业1万人。（市人社局）", "（市财政局）"]
    tasks = convert_table(_write(tmp_path, ".docx", lines), "x-2024", 2024).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["市教育局"], ["市住建局"], ["市人社局"]]
    assert "市财政局" not in tasks[2].lines[0].units


def test_an_office_whose_name_holds_a_bracket_of_levels_is_one_office():
    """"各市(县)、区政府": the bracket abbreviates the levels that share 政府, one office; as "各县(市、区)人民政府"."""
    assert split_units("市发改委、各市(县)、区政府") == ["市发改委", "各市(县)、区政府"]
    assert split_units("各县(市、区)人民政府、市财政局") == ["各县(市、区)人民政府", "市财政局"]
    assert split_units("市教育局、区政府") == ["市教育局", "区政府"]  # no bracket of levels: two offices


def test_a_cut_on_a_past_year_is_a_target(tmp_path):
    """"较2010年削减4%": a fall to reach, as "较2010年降低3.8%" is."""
    lines = ["甲市2024年重点工作分解落实方案",
             "1、主要污染物排放量较2023年削减4%。", "（市环保局）",
             "2、能耗较2023年降低3.8%。", "（市经信委）",
             "3、新增城镇就业1万人。", "（市人社局）",
             "4、新建幼儿园3所。", "（市教育局）",
             "5、改造老旧小区20个。", "（市住建局）"]
    tasks = convert_table(_write(tmp_path, ".docx", lines), "x-2024", 2024).programme.tasks
    assert targets_of(tasks[0]) == [(4, "%")]
    assert targets_of(tasks[1]) == [(3.8, "%")]
