"""safe40b: nothing lost. -o replaces a report only while it holds what mstrack wrote: the mark (a Markdown or HTML
report's last line, a Word or Excel report's ZIP comment) carries a digest of the content written, so a log that
reports were appended to, notes typed into a report, a notice edited and saved by another program are kept as changed.
`report notice --each-unit` refuses two units whose files would have one name. An empty -o and a plan's -o onto a link
to a missing file are said as what they are."""

import zipfile
from pathlib import Path

import pytest

from .conftest import done, forget_written, kept, plan_task, plan_tasks, refused, sha, write_plan

AS_OF = ("--as-of", "2023-06-30")
CHANGED = "the file has changed since mstrack wrote it"


def weekly(cli, target: Path, fmt: str, on: str = "2023-06-30"):
    return cli("report", "weekly", "--as-of", on, "-f", fmt, "-o", str(target))


# --- 1. --each-unit: one file per unit, never two units to one file --------------------------------------------------

def _behind(code: str, lead: str) -> dict:
    return plan_task(code, f"任务{code}", lead, f"指标{code}", "个", 10, milestones=[("2023-03-31", 5), ("2023-12-31", 10)])


@pytest.mark.parametrize(("first", "second", "name"), [
    ("住建局/城管局", "住建局_城管局", "住建局_城管局.md"),
    ("教育局.", "教育局", "教育局.md"),
    ("ABC局", "abc局", "abc局.md"),  # one file on Windows and macOS, where the folder may be shared
])
def test_two_units_of_one_file_name_write_no_notice(cli, tmp_path, first, second, name):
    plan = write_plan(tmp_path / "p.toml", plan_tasks(_behind("1", first), _behind("2", second), _behind("3", "民政局")))
    done(cli("import", "plan", str(plan)))
    folder = tmp_path / "out"
    result = cli("report", "notice", "--each-unit", "--as-of", "2023-06-01", "-f", "md", "-o", str(folder))
    said = refused(result, "--each-unit: ", first, second, "nothing written")
    assert isinstance(result.exception, SystemExit), result.exception
    assert name.casefold() in said.casefold()
    assert not folder.exists()


def test_units_of_distinct_file_names_get_one_notice_each(cli, tmp_path):
    plan = write_plan(tmp_path / "p.toml", plan_tasks(_behind("1", "住建局"), _behind("2", "城管局")))
    done(cli("import", "plan", str(plan)))
    folder = tmp_path / "out"
    done(cli("report", "notice", "--each-unit", "--as-of", "2023-06-01", "-f", "md", "-o", str(folder)))
    assert sorted(path.name for path in folder.iterdir()) == ["住建局.md", "城管局.md"]
    assert "指标2" in (folder / "城管局.md").read_text(encoding="utf-8")
    assert "指标1" in (folder / "住建局.md").read_text(encoding="utf-8")


# --- 2. Markdown and HTML: the mark carries the digest of what was written ------------------------------------------

def test_an_office_s_log_of_appended_reports_is_kept(demo_cli, tmp_path):
    log = tmp_path / "log.md"
    for on in ("2023-06-16", "2023-06-23", "2023-06-30"):
        printed = demo_cli("report", "weekly", "--as-of", on, "-f", "md")
        done(printed)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"## 本周记录 {on}（办公室手记：已电话督促）\n{printed.stdout}")
    said = kept(weekly(demo_cli, log, "md", "2023-07-07"), log, sha(log), f"--output {log}: {CHANGED}")
    assert "give another -o name" in said


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_with_notes_typed_in_is_kept(demo_cli, tmp_path, fmt):
    target = tmp_path / f"weekly.{fmt}"
    done(weekly(demo_cli, target, fmt))
    text = target.read_text(encoding="utf-8")
    at = text.index("\n", len(text) // 2)
    target.write_text(text[:at] + "\n办公室备注：请住建局本周内回复" + text[at:], encoding="utf-8")
    kept(weekly(demo_cli, target, fmt), target, sha(target), CHANGED)


def test_notes_ending_with_a_pasted_mark_are_kept(demo_cli, tmp_path):
    report = tmp_path / "weekly.md"
    done(weekly(demo_cli, report, "md"))
    notes = tmp_path / "notes.md"
    mark = report.read_text(encoding="utf-8").splitlines()[-1]
    notes.write_text(f"# 我的工作笔记\n重要：不要删除\n{mark}\n", encoding="utf-8")
    kept(weekly(demo_cli, notes, "md"), notes, sha(notes), CHANGED)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_report_as_mstrack_wrote_it_is_replaced(demo_cli, tmp_path, fmt):
    target = tmp_path / f"weekly.{fmt}"
    done(weekly(demo_cli, target, fmt, "2023-06-16"))
    first = sha(target)
    done(weekly(demo_cli, target, fmt))
    assert sha(target) != first and "2023-06-30" in target.read_text(encoding="utf-8")
    printed = demo_cli("report", "weekly", "--as-of", "2023-06-16", "-f", fmt)  # a report saved from stdout: the same
    done(printed)
    target.write_bytes(printed.stdout_bytes)
    done(weekly(demo_cli, target, fmt))
    assert "2023-06-30" in target.read_text(encoding="utf-8")


def test_a_report_by_an_earlier_version_is_kept_the_first_time(demo_cli, tmp_path):
    target = tmp_path / "weekly.md"
    done(weekly(demo_cli, target, "md"))
    text = target.read_text(encoding="utf-8")
    body, mark = text.rstrip("\n").rsplit("\n", 1)
    target.write_text(f"{body}\n{mark.split(' sha256 ')[0]} -->\n", encoding="utf-8")  # the mark as 0.x wrote it
    forget_written()  # 0.x kept no record of it either (safe41a)
    said = kept(weekly(demo_cli, target, "md"), target, sha(target), CHANGED)
    assert "before marks carried a digest" in said


def test_text_of_no_format_name_starting_as_a_report_is_kept(demo_cli, tmp_path):
    """Under a name of no format (notes.txt) a Markdown report followed by an office's notes: its first line is the
    report's, but it no longer ends with a mark that holds."""
    target = tmp_path / "notes.txt"
    done(weekly(demo_cli, target, "md"))
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n办公室备注：下周一前督促\n")
    kept(weekly(demo_cli, target, "md"), target, sha(target), CHANGED)  # the record says mstrack wrote it (safe41a)
    forget_written()
    kept(weekly(demo_cli, target, "md"), target, sha(target), "not written by mstrack")  # nothing in it says so
    done(weekly(demo_cli, tmp_path / "fresh.txt", "md"))  # one unchanged goes
    done(weekly(demo_cli, tmp_path / "fresh.txt", "md", "2023-06-16"))
    assert "2023-06-16" in (tmp_path / "fresh.txt").read_text(encoding="utf-8")


def test_the_mark_check_reads_no_long_file_whole(demo_cli, tmp_path, monkeypatch):
    from mstrack.sources import marks

    target = tmp_path / "weekly.md"
    done(weekly(demo_cli, target, "md"))
    monkeypatch.setattr(marks, "MARK_CHECK_BYTES", 100)  # the text before the mark is longer: not read, kept
    forget_written()  # with the record (safe41a), mstrack's file as it wrote it is known so, and replaced
    kept(weekly(demo_cli, target, "md"), target, sha(target), CHANGED)


# --- 2b. Word and Excel: the ZIP comment carries the digest of the parts written ------------------------------------

def test_a_notice_edited_by_a_program_that_keeps_its_properties_is_kept(demo_cli, tmp_path):
    import docx

    target = tmp_path / "notice.docx"
    notice = ["report", "notice", "-p", "yantian-2023", "--unit", "区残联", "--as-of", "2023-10-08", "-o", str(target)]
    done(demo_cli(*notice))
    done(demo_cli(*notice))  # unchanged: replaced
    document = docx.Document(str(target))
    document.add_paragraph("回复：已整改完毕（单位手写）")
    document.save(str(target))
    properties = docx.Document(str(target)).core_properties
    assert (properties.author, properties.last_modified_by) == ("mstrack", "mstrack")  # what python-docx keeps
    kept(demo_cli(*notice), target, sha(target), f"--output {target}: {CHANGED}")


def test_a_report_workbook_edited_and_saved_is_kept(demo_cli, tmp_path):
    import openpyxl

    target = tmp_path / "weekly.xlsx"
    done(weekly(demo_cli, target, "xlsx", "2023-06-16"))
    done(weekly(demo_cli, target, "xlsx"))  # unchanged: replaced
    with zipfile.ZipFile(target) as archive:
        assert archive.comment.startswith(b"mstrack sha256 ")
    workbook = openpyxl.load_workbook(target)
    workbook.active.append(["办公室备注：请住建局本周内回复"])
    workbook.save(target)
    assert openpyxl.load_workbook(target).properties.creator == "mstrack"  # what Excel, WPS and openpyxl keep
    kept(weekly(demo_cli, target, "xlsx"), target, sha(target), CHANGED)


def test_a_workbook_whose_part_changed_under_the_comment_is_kept(demo_cli, tmp_path):
    target = tmp_path / "weekly.xlsx"
    done(weekly(demo_cli, target, "xlsx"))
    copy = tmp_path / "copy.xlsx"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(copy, "w") as archive:
        for entry in source.infolist():
            data = source.read(entry)
            archive.writestr(entry, data + b" " if entry.filename == "xl/worksheets/sheet1.xml" else data)
        archive.comment = source.comment  # the comment kept, a part changed
    kept(weekly(demo_cli, copy, "xlsx"), copy, sha(copy), CHANGED)


# --- 3. messages ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("option", [["-o", ""], ["--output="], ["--output", ""]])
def test_an_empty_output_is_said_as_empty(demo_cli, tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    result = demo_cli("report", "weekly", *AS_OF, "-f", "md", *option)
    said = refused(result, "empty; give a file name")
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Is a directory" not in said
    assert [path.name for path in tmp_path.iterdir() if path.name != "demo.db"] == []  # the store's file on SQLite only


def test_export_plan_onto_a_link_to_a_missing_file_says_so(demo_cli, tmp_path):
    link = tmp_path / "plan.toml"
    link.symlink_to(tmp_path / "missing" / "plan.toml")
    result = demo_cli("export", "plan", "yantian-2023", "-o", str(link))
    said = refused(result, f"--output {link}: a link to a missing file", str(tmp_path / "missing" / "plan.toml"))
    assert isinstance(result.exception, SystemExit), result.exception
    assert "exists already" not in said
    assert link.is_symlink() and not (tmp_path / "missing").exists()
