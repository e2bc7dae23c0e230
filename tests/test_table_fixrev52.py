"""The review's findings on the eighteenth session's reader (fixrev52): each reproduced by a small made-up input."""

from __future__ import annotations

import pytest

from .conftest import import_table

SCHEDULED_PLAN = ["2024年城区环境整治工作方案", "为改善城区环境，制定本方案。", "一、工作目标", "全面改善城区环境。",
                  "{heading}", "1.清理占道经营。县市场监管局牵头，6月底前完成。",
                  "2.整治背街小巷。县住建局牵头，改造小巷20条。", "3.规范车辆停放。县公安局牵头，新增停车位300个。"]


@pytest.mark.parametrize("heading", ["二、下半年工作计划", "二、全年进度安排"])
def test_a_heading_naming_a_schedule_over_numbered_items_is_read(tmp_path, heading):
    """list_fallback looks at a part's heading for the kind of column its words would name, with no year: a schedule's
    year label ("下半年", "全年") used to be dated in year 0 — "the reader failed on this document (ValueError)"."""
    path = tmp_path / "t.txt"
    path.write_text("\n".join(SCHEDULED_PLAN).format(heading=heading) + "\n", encoding="utf-8")
    result, out = import_table(path)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "reader failed" not in result.output, result.output
    assert result.exit_code in (0, 2), result.output  # read, or refused with its reason: never a failure
    assert result.exit_code == 2 or "清理占道经营" in out.read_text(encoding="utf-8")


def test_a_kept_reading_s_records_are_the_caller_s_own():
    """kept._own copied a record shallowly: a caller appending to a mention's contexts changed the kept reading, and
    the next reading of the same text found the word it never had."""
    from typing import NamedTuple

    from mstrack.sources.table.kept import read_once
    from mstrack.sources.table.mentions import find_mentions

    text = "新建社区养老服务中心3个"
    find_mentions(text, 2024)[0].contexts.append("X")
    assert "X" not in find_mentions(text, 2024)[0].contexts

    class Pair(NamedTuple):
        words: list

    @read_once
    def pair(text: str) -> Pair:
        return Pair([text])

    first = pair("a")
    assert isinstance(first, Pair)
    first.words.append("b")
    assert pair("a").words == ["a"]


@pytest.mark.parametrize("join", ["-", "―", "～", "至"])
def test_a_span_of_years_is_one_pattern_over_the_domain_s_joins(join):
    """build, target_columns and mentions each spelled their own span of years, build's and mentions' without the
    domain's ― (U+2015): one pattern (spans.YEARS_SPAN) over domain.dates' SPAN_JOIN; a text of a span alone is
    spans.YEARS_ALONE_RE for build and target_columns both (reader53)."""
    from mstrack.sources.table.mentions import over_several_years
    from mstrack.sources.table.spans import YEARS_ALONE_RE

    assert YEARS_ALONE_RE.match(f"2015{join}2017")
    assert YEARS_ALONE_RE.match(f"2022.03{join}2024.12").groups() == ("2022", "2024")
    assert over_several_years(f"{2023}{join}2025年新建养老服务中心", 2024)
    assert not over_several_years(f"{2023}{join}2024年新建养老服务中心", 2024)


WINTER = "may be the winter"


def _csv(tmp_path, rows: list[str]):
    path = tmp_path / "t.csv"
    path.write_text("\n".join(["序号,工作任务,责任单位,完成时限", *rows]) + "\n", encoding="utf-8")
    return import_table(path)


@pytest.mark.parametrize(("deadline", "doubted"), [("次年3月底前", False), ("11-2月", True), ("11月至2月", True)])
def test_a_deadline_over_the_new_year_is_doubted_for_a_span_alone(tmp_path, deadline, doubted):
    """"次年3月底前" names the next year itself (no span): it got "may be the winter before"; "11-2月", read into the
    next February as period_end reads it, got no doubt while "11月至2月" did: one reading (spans.over_new_year)."""
    from mstrack.sources.table.spans import over_new_year

    assert over_new_year(deadline) is doubted
    result, out = _csv(tmp_path, [f"1,开展冬季供暖保障,县住建局,{deadline}"])
    assert result.exit_code == 0, result.output
    plan = out.read_text(encoding="utf-8")
    assert "2025-" in plan
    assert (WINTER in plan) is doubted, plan


@pytest.mark.parametrize(("deadline", "said"), [("2024年前", "before that year"), ("2023年6月前", "before the programme's")])
def test_a_deadline_before_the_programme_s_year_is_one_doubt(tmp_path, deadline, said):
    """"2024年前" in a 2024 list: read as 2023-12-31, it was doubted twice on one cell (before that year, and before the
    programme's year); one doubt names both readings. "2023年6月前", unlikely either way, says it is before the year."""
    result, out = _csv(tmp_path, [f"1,开展冬季供暖保障,县住建局,{deadline}"])
    assert result.exit_code == 0, result.output
    plan = out.read_text(encoding="utf-8")
    assert "1 `# check:` doubt in the plan" in result.output, result.output
    checks = [line for line in result.output.splitlines() if line.startswith("check:") and "完成时限" in line]
    assert len(checks) == 1 and said in checks[0], result.output
    assert plan.count("# check:") == 1 and said in plan


@pytest.mark.parametrize(("name", "office"), [("市中心医院儿科", False), ("开办本科", False), ("职业学院开办本科", False),
                                              ("县教育局基教科", True), ("局宣传科", True), ("县卫健委医政科", True)])
def test_an_office_s_section_follows_a_whole_office_name(name, office):
    """OFFICE_SECTION_RE took "开办本科" (a verb's 办) and "市中心医院儿科" (a hospital's ward) for an office's section."""
    from mstrack.sources.table.office_names import ends_like_unit

    assert ends_like_unit(name) is office


def test_a_bracket_naming_a_school_s_courses_is_no_office():
    from mstrack.sources.table.item_offices import units_after

    assert units_after("推动职业学院升格（开办本科）")[1] == ""


@pytest.mark.parametrize(("header", "read"), [("督办", False), ("督查", False), ("挂点", False), ("包保", False),
                                              ("所属片区", True)])
def test_a_column_of_offices_names_units_under_a_place_s_header_alone(tmp_path, header, read):
    """A column naming no kind whose cells are all offices was read as the task's units: under "督办" its offices
    ("县委督查室") oversee the work, they do not do it. A place's or grouping's column ("所属片区") stays read."""
    path = tmp_path / "t.csv"
    path.write_text(f"序号,工作任务,责任单位,完成时限,{header}\n1,新建社区养老服务中心3个,县民政局,12月底前,县委督查室\n"
                    "2,改造老旧小区5个,县住建局,11月底前,县政府督查室\n", encoding="utf-8")
    result, out = import_table(path)
    assert result.exit_code == 0, result.output
    assert ("督查室" in out.read_text(encoding="utf-8").split("\nunits = [", 1)[-1].split("]", 1)[0]) is read


def test_a_refusal_of_one_of_a_document_s_tables_names_the_table(tmp_path):
    """_no_tasks named "row 1" of a document of several tables, not which table (as every other place does)."""
    import docx

    document = docx.Document()
    document.add_paragraph("2024年民生实事项目表")
    for rows in ([["序号", "工作任务", "责任单位"], ["1", "新建社区食堂3家", "区民政局"]],
                 [["序号", "工作任务", "责任单位", "完成时限"]]):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        document.add_paragraph("")
    path = tmp_path / "t.docx"
    document.save(str(path))
    result, _ = import_table(path, "--table", "2")
    assert result.exit_code == 2, result.output
    assert "table 2, row 1: a header but no task rows below it" in result.output, result.output
