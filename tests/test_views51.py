"""What the views and inputs say (views51): a start word on a counted indicator is refused with what to type; …"""

from __future__ import annotations

import pytest

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan


def test_a_start_word_on_a_counted_indicator_says_what_to_type(cli, tmp_path):
    """"已开工" on 建成3所 (a target of 3所, not a line of checkpoints) was refused "VALUE 已开工 is not a quantity:
    expected a number such as 3.2万 or 65%", as if a typo. It is a start: it says nothing of how many are built, so it
    is refused in words that say so and what to type (the count so far, the words as a note), by `log` and `import
    progress` alike (domain.progress.check_value), exit 2, nothing written."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    said = ("已开工 says the work has started, not what 幼儿园 stands at: give the figure so far (0 if none is done "
            "yet), and 已开工 as its note (--note, or the 备注 column)")
    refused(cli("log", "x-2023/1", "已开工", "--as-of", "2023-07-03"), f"VALUE {said}")
    refused(cli("log", "x-2023/1", "開工", "--as-of", "2023-07-03"), "開工 says the work has started")
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,幼儿园,2023-07-07,已开工\n", encoding="utf-8")
    refused(cli("import", "progress", str(sheet)), f"{sheet}:2:数值: {said}")
    assert cli.sql("select count(*) from report") == [(0,)]
    done(cli("log", "x-2023/1", "0", "--as-of", "2023-07-03", "--note", "已开工"))
    assert cli.sql("select value, note from report") == [(0, "已开工")]


def _two_attachments(path):
    """A real .docx (python-docx): a notice, 附件1 and 附件2 each a table of projects with a progress column, a
    paragraph between them; both number their projects from 1."""
    import docx

    header = ["序号", "项目名称", "建设内容及目标", "牵头单位", "完成时限", "上半年进展情况"]
    document = docx.Document()
    document.add_paragraph("关于印发2026年民生实事项目的通知")
    for title, rows, after in (
            ("附件1", [["1", "新建学位", "新增公办学位5000个", "市教育局", "2026年12月底", "已新增3000个"],
                       ["2", "养老床位", "新增养老床位300张", "市民政局", "2026年12月底", "已新增100张"]], "附件1说明：教育养老类项目。"),
            ("附件2", [["1", "道路整治", "整治道路10条", "市交通局", "2026年12月底", "已完成4条"],
                       ["2", "学校建设", "新建小学2所、幼儿园3所", "市教育局", "2026年12月底", "已完成4所"]], None)):
        document.add_paragraph(title)
        table = document.add_table(rows=len(rows) + 1, cols=len(header))
        for r, cells in enumerate([header, *rows]):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        if after:
            document.add_paragraph(after)
    document.save(str(path))
    return path


def test_a_progress_doubt_of_a_documents_second_table_names_the_table_and_the_task_as_coded(cli, tmp_path):
    """`import table --progress-as-of` of a .docx of two tables joined into one plan said its progress doubt as
    "n.docx: row 3, column 上半年进展情况: task 2, …": row 3 of which table, and task 2 was 附件2-2 in the plan. It now
    names the part and the task as the plan codes it, as the plan's own doubts do ("n.docx, table 2 (附件2): row 3")."""
    source = _two_attachments(tmp_path / "n.docx")
    result = cli("import", "table", str(source), "-p", "t-2026", "--year", "2026", "-o", str(tmp_path / "p.toml"),
                 "--progress-as-of", "2026-06-30")
    done(result)
    assert "coded 1 → 附件2-1、2 → 附件2-2" in result.output
    said = [line for line in result.stderr.splitlines() if "no figure of" in line]
    assert said == [f"check: n.docx, table 2 (附件2): row 3, column 上半年进展情况: task 附件2-2, “{name}”: no figure of "
                    "“已完成4所” names it by its words: not written; enter its progress with `log` or `import progress`"
                    for name in ("新建小学", "幼儿园")], result.stderr
    written = (tmp_path / "p.progress.csv").read_text(encoding="utf-8")
    assert "附件2-1" in written and "4" in written


def test_a_cell_of_a_word_documents_paragraph_is_placed_by_its_paragraph(tmp_path):
    """Sheet.where (the place of a cell: a refused date, a row not read) said "row 2, column 1" of a Word document's
    paragraph, where the places of its rows said "paragraph 2" (views50): one name for one thing now. A table's cell of
    the same kind of file stays a row's."""
    import docx

    from mstrack.errors import Message
    from mstrack.sources.documents import document_parts
    from mstrack.sources.table.reading import document_sheet

    document = docx.Document()
    document.add_paragraph("2026年民生实事项目")
    document.add_paragraph("1. 新建公园5个，2026年6月底前完成（责任单位：市园林局）。")
    table = document.add_table(rows=2, cols=2)
    for c, text in enumerate(["序号", "项目名称", "1", "新建学校3所"]):
        table.cell(c // 2, c % 2).text = text
    path = tmp_path / "t.docx"
    document.save(str(path))
    sheets = {part.number: document_sheet(path, part.rows) for part in document_parts(path)}

    def said(message: Message) -> str:
        return message.template.format(**{k: said(v) if isinstance(v, Message) else v for k, v in message.fields.items()})

    text = sheets[None]
    assert said(text.where(text.rows[1], 0)) == f"{path}: paragraph 2, column 1"
    grid = sheets[1]
    assert said(grid.where(grid.rows[1], 1, "项目名称")) == f"{path}: row 2, column 2 (项目名称)"


def test_units_note_says_only_what_the_printed_columns_hold(cli, tmp_path):
    """`units` at 80 columns left Done % out and said so, but its note still explained it ("done % = mean of the
    indicators' share …"): a note on a column not printed. The note now speaks of Done % only where Done % is printed
    (120 columns), in either language; the count of units is said at both widths."""
    tasks = [plan_task("1", "新建幼儿园3所", "區新興產業服務中心", "幼儿园", "所", 3),
             plan_task("2", "道路", "區農業農村局", "道路", "条", 5, milestones=[("2023-06-30", 2), ("2023-12-31", 5)])]
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))
    for lang, explained, count in (("en", "done % = mean", "2 units"), ("zh", "完成率 = 各指标", "共 2 个单位")):
        narrow = cli("--lang", lang, "units", "--as-of", "2023-07-10", env={"COLUMNS": "80"})
        done(narrow)
        flat = "".join(narrow.stdout.split())
        header = narrow.stdout.splitlines()[1]
        assert "Done %" not in header and "完成率" not in header, narrow.stdout
        assert "".join(count.split()) in flat and "".join(explained.split()) not in flat, narrow.stdout
        wide = cli("--lang", lang, "units", "--as-of", "2023-07-10", env={"COLUMNS": "120"})
        done(wide)
        assert ("Done %" in wide.stdout.splitlines()[1] or "完成率" in wide.stdout.splitlines()[1]), wide.stdout
        assert "".join(explained.split()) in "".join(wide.stdout.split()), wide.stdout


def test_the_rank_excerpt_of_docs_supervision_is_what_its_command_prints(demo_cli):
    """docs/supervision.md's `units --rank` excerpt showed an old header (按时完成率 wrapped over two lines, 滞后任 over
    务) and figures the demo no longer has: it is the command it quotes, run here at the width it names, so it cannot
    drift (as docs/reports.md's weekly example, fix50b). The excerpt may stop early ("…"); what it shows is printed."""
    import re
    import shlex
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "supervision.md").read_text(encoding="utf-8")
    section = text[text.index("## Ranking the units"):text.index("## 督办通知单")]
    block = section.split("```")[1].strip("\n").splitlines()
    command = re.fullmatch(r"\$ mstrack --db mstrack-demo\.db (.+?)\s+# COLUMNS=(\d+)", block[0])
    assert command, block[0]
    shown = block[1:-1] if block[-1].strip() == "…" else block[1:]
    result = demo_cli(*shlex.split(command[1]), env={"COLUMNS": command[2]})
    done(result)
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    assert len(shown) >= 5 and shown == printed[:len(shown)], "docs/supervision.md's rank excerpt: paste what it prints"


def test_a_long_overview_printed_splits_no_row_across_pages(cli, tmp_path):
    """The 一览表 printed by headless Chromium (as tests/test_reports.py prints it) let a task's row run over a page
    break: its first lines at the foot of one page, the rest at the top of the next (the table's rows were allowed to
    break, `.onelist tr { break-inside: auto }`). Thirty tasks whose progress notes fill a row of several lines: each
    row's first words (its code) and last words (the end of its note) are now on one page, and the header row is
    printed on every page."""
    import shutil
    import subprocess

    import pytest

    from tests.test_reports import CHROMIUM, print_pdf

    if CHROMIUM is None or not shutil.which("pdftotext"):
        import os

        if os.environ.get("CI"):
            pytest.fail("CI installs chromium and poppler-utils (.ci/run)")
        pytest.skip("chromium is not installed (CI installs it)")
    tasks = [plan_task(str(n), f"Q{n:02d}新建社区公园", "区城管局", "公园", "个", 10,
                       reports=[("2023-06-30", 4, f"已完成选址和设计，{'施工单位进场，土方和绿化同步推进，' * (3 + n % 5)}Z{n:02d}")])
             for n in range(1, 31)]
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))
    html = tmp_path / "t.html"
    done(cli("--lang", "zh", "report", "half-year", "-p", "x-2023", "--as-of", "2023-07-05", "-f", "html", "-o", str(html)))
    _, pages = print_pdf(html, tmp_path)
    pdf = html.with_suffix(".pdf")
    on_page = {}
    for page in range(1, pages + 1):
        text = "".join(subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout.split())
        assert "项目名称" in text, page  # the header row on every page
        for n in range(1, 31):
            for mark in (f"Q{n:02d}", f"Z{n:02d}"):
                if mark in text:
                    on_page.setdefault(mark, page)
    assert pages >= 3
    split = [n for n in range(1, 31) if on_page[f"Q{n:02d}"] != on_page[f"Z{n:02d}"]]
    assert not split, {n: (on_page[f"Q{n:02d}"], on_page[f"Z{n:02d}"]) for n in split}


RETURN = "计划,任务编号,指标,截至日期,数值\nx-2023,1,幼儿园,2023-07-07,2\n"
TABLE = ("序号,任务,牵头单位,完成时限\n1,新建幼儿园3所,区教育局,2023年12月\n2,新建道路5条,区住建局,2023年12月\n"
         "3,新建公园2个,区城管局,2023年12月\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read_as_utf16_by_every_reader(cli, tmp_path, codec):
    """A CSV saved as UTF-16 with no byte-order mark (a script's export): a plan file was named UTF-16 by its NUL bytes
    (encodings.encoding_of), but `import progress` and `import table` refused it "not a text file (binary content at
    byte 1)". One rule now (encodings.unmarked_utf16, the NUL bytes of its ASCII at one parity): both read it, as they
    read the same text in UTF-8."""
    from mstrack.sources.encodings import encoding_of

    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    sheet = tmp_path / "r.csv"
    sheet.write_bytes(RETURN.encode(codec))
    done(cli("import", "progress", str(sheet)))
    assert cli.sql("select value from report") == [(2,)]
    table = tmp_path / "t.csv"
    table.write_bytes(TABLE.encode(codec))
    plan = tmp_path / "t.toml"
    done(cli("import", "table", str(table), "-p", "y-2023", "--year", "2023", "-o", str(plan)))
    text = plan.read_text(encoding="utf-8")
    assert "新建幼儿园3所" in text and "区城管局" in text
    assert encoding_of(TABLE.encode(codec)) == "UTF-16"


def test_binary_content_is_still_no_text(cli, tmp_path):
    """NUL bytes that are no UTF-16 (at both parities, as a binary file's are) are still refused as binary content."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    sheet = tmp_path / "r.csv"
    sheet.write_bytes(b"\x00\x01\x00\x00\x02\x00" * 20 + "计划,数值\n".encode())
    refused(cli("import", "progress", str(sheet)), "not a text file (binary content at byte 0)")


FORMS = "2023-06-30, 2023.6.30, 2023年6月30日, 6月30日, 6月底"


@pytest.mark.parametrize(("typed", "said"), [
    (8.15, "8.15 typed into a date cell, which Excel shows as 1900-01-08: type the date itself (as a date, or as text), "
           f"e.g. 2023-08-15; a date is read as {FORMS}"),
    (5.3, "5.3 typed into a date cell, which Excel shows as 1900-01-05: type the date itself (as a date, or as text), "
          f"e.g. 2023-05-03 or 2023-05-30; a date is read as {FORMS}"),
    (20, "20 typed into a date cell, which Excel shows as 1900-01-20: type the date itself (as a date, or as text), "
         f"e.g. 2023-08-01; a date is read as {FORMS}"),
])
def test_a_number_in_a_date_cell_is_refused_naming_the_cell_as_typed_and_the_forms_read(cli, tmp_path, typed, said):
    """8.15 typed into a return's 截至日期 formatted as a date (Excel keeps the number, shows 1900-01-08) was refused
    "a number (8) …: type the date, e.g. 2023-08-01 or 8月1日": the month typed alone, the day lost. The cell's time
    is the part typed after the dot: the refusal now names file, row and column, the cell as typed (8.15), the date it
    means (2023-08-15; both readings of 5.3, which may be 5.30) and the forms a date is read in; nothing written."""
    import openpyxl

    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["计划", "任务编号", "指标", "截至日期", "数值"], ["x-2023", "1", "幼儿园", typed, 2]):
        sheet.append(row)
    sheet["D2"].number_format = "yyyy-mm-dd"
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    refused(cli("import", "progress", str(path)), f"{path}:2:截至日期: {said}")
    assert cli.sql("select count(*) from report") == [(0,)]
    chinese = refused(cli("--lang", "zh", "import", "progress", str(path)))
    assert f"{typed}" in chinese and "6月30日" in chinese, chinese


def test_a_year_and_month_with_no_such_month_is_refused_naming_the_cell(cli, tmp_path):
    """"2023.13" in a CSV's 截至日期 was refused "month 13 does not exist": the cell not named as typed. Now as every
    other date that does not exist: "'2023.13' is not a date: month 13 does not exist", file, row and column before."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml",
                                              plan_tasks(plan_task("1", "建成幼儿园3所", "区教育局", "幼儿园", "所", 3))))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,幼儿园,2023.13,2\n", encoding="utf-8")
    refused(cli("import", "progress", str(sheet)), f"{sheet}:2:截至日期: '2023.13' is not a date: month 13 does not exist")


@pytest.mark.backend_independent
def test_a_table_printed_for_people_has_no_padding_at_its_line_ends(demo_cli):
    """Rich pads every line to the full width: `show` through a pipe ran to 140 columns past text of 100, and a `diff`
    against docs/supervision.md's excerpts failed on whitespace alone (trial65b 11). The text is all there."""
    for words, columns in ((("show", "shenzhen-2023/5", "--as-of", "2023-06-20"), None),
                           (("units", "--as-of", "2023-07-01"), None),
                           (("lights", "-p", "shenzhen-2023", "--as-of", "2023-09-30"), "80"),
                           (("units", "-p", "yantian-2023", "--as-of", "2023-10-08", "--rank"), "120")):
        result = demo_cli(*words, env={"COLUMNS": columns} if columns else {})
        assert result.exit_code == 0, (words, result.output)
        lines = result.stdout.splitlines()
        assert len(lines) > 3 and not [line for line in lines if line.endswith(" ")], words
    shown = demo_cli("show", "shenzhen-2023/5", "--as-of", "2023-06-20").stdout
    assert "建设筹集保障性住房" in shown and "市住房建设局" in shown
