"""tidy50: one rule where there were two — a long list's cut (mstrack.long_lists) for the `# check:` doubts a plan
file still holds as for what an old export would put back."""

import pytest

from mstrack.labels import Labels
from mstrack.long_lists import and_more, first_shown

from .conftest import done
from .test_fix49e import DOUBTED

# five doubts: two more than import plan quotes (cli.files.DOUBTS_SHOWN)
FIVE_DOUBTS = DOUBTED.replace('code = "02"', 'code = "02"  # check: a second code?').replace(
    'code = "03"', 'code = "03"  # check: a third code?')


def test_the_doubts_a_plan_file_holds_are_cut_as_every_long_list(cli, tmp_path):
    plan = tmp_path / "lg.toml"
    plan.write_text(FIVE_DOUBTS, encoding="utf-8")
    imported = cli("import", "plan", str(plan))
    done(imported)
    assert "still holds 5 `# check:` doubts" in imported.stderr, imported.stderr
    assert "\n    … and 2 more\n" in imported.stderr, imported.stderr
    chinese = cli("--lang", "zh", "import", "plan", str(plan), "--dry-run")
    assert "\n    ……另有 2 项\n" in chinese.stderr, chinese.stderr


def test_the_end_of_a_cut_list_is_indented_as_the_lines_above_it():
    assert first_shown(list("abcde"), 3, indent="    ")[-1] == and_more(2, indent="    ")
    assert str(and_more(2, indent="    ")) == "    … and 2 more"
    assert Labels("zh").message(and_more(2, indent="  ")) == "  ……另有 2 项"


# --- one rule for "one cell names several offices": a plan file's unit entry as a table's unit cell -------------------

SEVERAL = [
    ("区卫生健康局、区建筑工务署", ["区卫生健康局", "区建筑工务署"]),
    ("金井湾、岚城片区开发管理局", ["金井湾片区开发管理局", "岚城片区开发管理局"]),  # a shared ending
    ("区教育局/区财政局", ["区教育局", "区财政局"]),  # a slash between whole names
    ("区发改局区统计局", ["区发改局", "区统计局"]),  # run together, the 、 lost in a copy
]


@pytest.mark.parametrize(("entry", "offices"), SEVERAL)
def test_a_plan_files_entry_names_the_offices_a_tables_cell_would(cli, tmp_path, entry, offices):
    import json

    from mstrack.sources.table.units import unit_names

    from .test_fix49e import TYPED

    assert unit_names(entry) == offices  # the table reader's reading of the cell
    plan = tmp_path / "p.toml"
    plan.write_text(TYPED.replace("LEADS", json.dumps([entry], ensure_ascii=False)), encoding="utf-8")
    imported = cli("import", "plan", str(plan), "--dry-run")
    done(imported)
    assert f"names {len(offices)} offices: write one per entry, {json.dumps(offices, ensure_ascii=False)}" \
        in imported.stderr, imported.stderr


@pytest.mark.parametrize("entry", ["区发展和改革局（区统计局、区粮食局）", "县住建/城管局", "各县(市、区)人民政府"])
def test_one_office_with_its_bracket_or_slash_is_no_warning(cli, tmp_path, entry):
    import json

    from .test_fix49e import TYPED

    plan = tmp_path / "p.toml"
    plan.write_text(TYPED.replace("LEADS", json.dumps([entry], ensure_ascii=False)), encoding="utf-8")
    imported = cli("import", "plan", str(plan), "--dry-run")
    done(imported)
    assert "offices: write one per entry" not in imported.stderr, imported.stderr


# --- one guess of a text file's encoding (sources/encodings): a CSV's, a page's, a plan file's ------------------------

@pytest.mark.parametrize(("codec", "csv_read_as", "plan_named"), [
    ("gbk", "gb18030", "GBK"), ("utf-16", "utf-16", "UTF-16"), ("utf-8-sig", "utf-8-sig", None)])
def test_a_text_files_encoding_is_guessed_by_one_rule_for_every_reader(tmp_path, codec, csv_read_as, plan_named):
    from mstrack.errors import InputError
    from mstrack.sources import encodings
    from mstrack.sources.documents import _html_text
    from mstrack.sources.encodings import read_text
    from mstrack.sources.plan import load_plan

    text = "计划,任务编号\nx-2023,1\n"
    csv = tmp_path / "a.csv"
    csv.write_bytes(text.encode(codec))
    assert encodings.text_encoding(csv) == csv_read_as and read_text(csv) == text
    page = tmp_path / "a.html"  # no <meta> charset: the text files' rule
    page.write_bytes(f"<table><tr><td>{text}</td></tr></table>".encode(codec))
    assert "计划,任务编号" in _html_text(page)
    plan = tmp_path / "a.toml"
    plan.write_bytes('format = 1\n[programme]\ncode = "x"\nname = "计划"\nyear = 2023\n'.encode(codec))
    if plan_named is None:
        return  # a UTF-8 plan is read
    assert encodings.encoding_of(plan.read_bytes()) == plan_named
    with pytest.raises(InputError) as refused:
        load_plan(plan)
    assert f"it reads as {plan_named}: save it as UTF-8" in str(refused.value)


# --- one rule for a text on one line (mstrack.text): the domain's messages as the readers' ---------------------------

def test_a_note_and_a_cell_are_quoted_on_one_line_by_one_rule():
    from mstrack.domain.progress import note_without_figure
    from mstrack.sources.rows import clip as readers_clip
    from mstrack.text import clip, one_line

    assert readers_clip is clip
    assert one_line(" 已开工\n路面\t施工中  ") == "已开工 路面 施工中" == clip(" 已开工\n路面\t施工中  ")
    assert clip("一二三四五六", 5) == "一二三四…"
    said = str(note_without_figure("r.csv:2:数值", "x-2023/1", "泵站\n数量", "已开工\r\n路面施工中" + "。" * 40))
    assert "x-2023/1 泵站 数量: a note with no figure is not stored (“已开工 路面施工中" + "。" * 21 + "…”)" in said, said


# --- a number typed into a date cell: the example is the month the number reads as ----------------------------------

def _dated_return(tmp_path, typed) -> str:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["填报单位：各区人民政府"], ["计划", "任务编号", "截至日期", "数值", "填报人"], ["x-2023", "1", typed, 300, "张三"]):
        sheet.append(row)
    sheet["C3"].number_format = "yyyy-mm-dd"
    workbook.save(tmp_path / "r.xlsx")
    return str(tmp_path / "r.xlsx")


@pytest.mark.parametrize(("typed", "said"), [  # views51: the cell as typed (its time the part after the dot), the forms
    (5.3, "5.3 typed into a date cell, which Excel shows as 1900-01-05: type the date itself (as a date, or as text), "
          "e.g. 2023-05-03 or 2023-05-30"),
    (12.25, "12.25 typed into a date cell, which Excel shows as 1900-01-12: type the date itself (as a date, or as "
            "text), e.g. 2023-12-25"),
    (8.1, "8.1 typed into a date cell, which Excel shows as 1900-01-08: type the date itself (as a date, or as text), "
          "e.g. 2023-08-01 or 2023-08-10"),
    (20, "20 typed into a date cell, which Excel shows as 1900-01-20: type the date itself (as a date, or as text), "
         "e.g. 2023-08-01"),  # no month: an example, as before
])
def test_a_number_in_a_date_cell_is_refused_with_the_month_it_reads_as(cli, tmp_path, typed, said):
    from .test_ret48c import collective

    done(cli("import", "plan", collective(tmp_path)))
    result = cli("import", "progress", _dated_return(tmp_path, typed))
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    chinese = cli("--lang", "zh", "import", "progress", _dated_return(tmp_path, typed))
    assert f"例如 {said.split('e.g. ')[1].replace(' or ', ' 或 ')}" in chinese.stderr, chinese.stderr
