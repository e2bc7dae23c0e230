"""The files no -o writes over (write_output's look before and after it writes): a unit's return, a document or JSON
mstrack did not write, a report of mstrack's changed since; what a file holds judged by sources/forms, what -o wrote
by the record (cli/written_files), and the one refusal that says which (refusal)."""

from pathlib import Path

import typer

from mstrack.cli.saying import fail


def refuse_kept(target: Path, option: str = "--output") -> None:
    """Exit 2 now when `target` is a file no -o may replace (kept_return): for a batch of files (notices to each
    unit) all are looked at before the first is written, never half a batch."""
    kept_return(Path(target), option)


def refuse_held(target: Path, option: str = "--output") -> None:
    """For a file never written over whatever it holds (a plan's -o, files.write_plan): exit 2 saying what it is when
    that is something -o keeps for what it holds (a unit's figures, a document or JSON file mstrack did not write, a
    damaged or old Office file), through the one refusal (refusal); return when it is none of those (the caller says
    the file exists). Rows of something else (forms.OTHER: a printout saved as .txt, an office's list) are said as a
    file that exists, as the same printout under a name of no format is: "may be a unit's return laid out otherwise"
    was a guess, where any file at all is kept from a plan's -o."""
    from mstrack.sources.forms import OTHER

    kept, _kind = _looked(Path(target), contents=False)
    if kept and kept != OTHER:
        raise refusal(target, option, kept)


def kept_return(target: Path, option: str) -> tuple[str | None, bool]:
    """Before any work: a target that is no report mstrack wrote is refused now (_looked); for a report mstrack wrote,
    or text that may be one, its kind, for kept_from_rerun to compare with the new file's. None: nothing to keep.
    The record of what -o wrote (store/written) comes first: a file it names as written by mstrack and unchanged is
    replaced; one changed since is refused, as changed since that day where what it holds would have let it go or
    says only that it changed (forms.CHANGED), as what it is otherwise (a unit's figures, damaged, a document or JSON
    that is not mstrack's), unless a mark says it is mstrack's as it is; with no record, it is judged by what it holds.
    A record that cannot be read refuses where it would have decided (written_files.unknown). And whether the
    record names the path (written_files.record_before_rename)."""
    from mstrack.cli.written_files import changed_since, record_of, unknown
    from mstrack.sources.forms import CHANGED
    from mstrack.sources.marks import mark_holds
    from mstrack.store.written import Unreadable, Written

    record = record_of(target)
    if record is True:
        return None, True
    kept, kind = _looked(target)
    if record is not None and kept in (None, CHANGED) and not mark_holds(target):
        raise unknown(target, option, record) if isinstance(record, Unreadable) else changed_since(target, option, record)
    if kept:
        raise refusal(target, option, kept)
    return kind, isinstance(record, Written)


def _looked(target: Path, contents: bool = True) -> tuple[str | None, str | None]:
    """What `target` holds that no -o may replace, and its kind. Refused: a file that holds a unit's figures, or rows
    of something else and no progress table (sources/forms.held: a return whose header lies below the rows searched,
    another office's data), or is a Word, HTML or Markdown file that does not say mstrack wrote it
    (forms.document_held: a unit's Word return, a saved page, an office's notes), or a JSON file whose keys are none of
    mstrack's reports' (forms.json_held: a script's settings, a unit's data), an old Office (OLE) file under another
    name. A file whose name says none of mstrack's formats (settings.txt, `data`) is looked at by what it holds
    (`contents`, forms.content_held): only mstrack's JSON, CSV (its exact header), Markdown or HTML, an empty file, or
    text whose first line the new file's repeats (kind "line:…") may go. The kind of a report mstrack wrote
    (forms.report_kind, read from the file's properties or first line, never its sheets). (None, None): no sheet to
    keep (not a regular file, a blank form or an empty sheet, one of mstrack's CSV reports)."""
    from mstrack.render.outputs import written_in_place
    from mstrack.sources.files import word_97
    from mstrack.sources.forms import (
        CHANGED,
        FIGURES,
        FIRST_LINE,
        NAMED_SUFFIXES,
        OLD_OFFICE,
        TEXT_SUFFIXES,
        content_held,
        document_held,
        document_kind,
        first_line,
        form_suffix,
        held,
        json_held,
        report_kind,
        zip_unchanged,
    )

    if not target.is_file() or written_in_place(target):
        return None, None
    kind = kept = None
    if (suffix := form_suffix(target)) is None or suffix == target.suffix.lower() and document_kind(target) is not None:
        # a Word file or a page under a sheet's name (回复.docx saved as 回复.csv): judged as what it holds (safe53)
        kept = document_held(target) or json_held(target)
    else:
        kind = report_kind(target, suffix)
        if (kind is None or not contents) and not _csv_report(target, suffix):
            kept = held(target)
        if kept is None and kind is not None and kind.startswith("workbook:") and not zip_unchanged(target):
            kept = CHANGED  # mstrack's workbook, edited and saved since (Excel and WPS keep its creator)
        if (suffix == ".xls" or word_97(target)) and target.suffix.lower() != ".xls" and kept != FIGURES:
            # an .xls or .doc named otherwise (a .doc as 回复.csv: its reader's "save it as .docx" is no answer to -o)
            kept = OLD_OFFICE
    if kept or not contents or target.suffix.lower() in NAMED_SUFFIXES:
        return kept, kind
    if suffix not in (None, *TEXT_SUFFIXES) or suffix is None and document_kind(target) is not None:
        return kept, kind  # a workbook or Word file known by its content: looked at as that
    if _csv_report(target, ".csv") or _csv_report(target, ".tsv"):
        return None, None
    look = content_held(target)
    if look == FIRST_LINE and suffix is not None and held(target) == FIGURES:  # a unit's return saved as .txt
        return FIGURES, None
    if look == FIRST_LINE:
        return None, "line:" + first_line(target)
    return look, None


def kept_from_rerun(new: Path, target: Path, kind: str) -> str | None:
    """Why the new file may not replace `target` (a report mstrack wrote, of `kind`), None when it may: it is the
    same report (the same kind; a CSV, whose kind is only its first cell, holding figures too), or `target` holds
    no figures, or it is one of mstrack's CSV reports (_csv_report: its exact header). A unit's return saved under a
    report's first line is kept; so is a CSV of another first cell that holds rows but no progress table (forms.OTHER:
    nothing says mstrack wrote it). Text under a name of no format (kind "line:…") goes only for a new file of the same
    first line: the same report rerun."""
    from mstrack.sources.forms import (
        FIGURES,
        OTHER,
        REPORT_WORKBOOK_SUFFIXES,
        UNMARKED_TEXT,
        first_line,
        form_suffix,
        held,
        read_as,
        report_kind,
        text_mark,
    )

    if kind.startswith("line:"):  # a marked report (Markdown, HTML) replaces only a file marked as unchanged
        same = kind[5:].strip() and first_line(new) == kind[5:] and text_mark(new) is None
        return None if same else UNMARKED_TEXT
    suffix = form_suffix(target) or target.suffix.lower()
    same = report_kind(new, suffix) == kind
    if same and (suffix in REPORT_WORKBOOK_SUFFIXES or read_as(new, suffix, held) == FIGURES):
        return None
    if _csv_report(target, suffix):  # mstrack's own, whichever report the new file is
        return None
    kept = held(target)
    if kept == OTHER and (same or suffix in REPORT_WORKBOOK_SUFFIXES):  # mstrack's own
        return None
    return kept


def _csv_report(target: Path, suffix: str) -> bool:
    """Whether a CSV's first line is one of mstrack's CSV reports' (units, report weekly, lights) in either
    language: a report rerun in the other language, or another report to the same path, replaces it. The whole
    header, not its first word alone: a list of an office's own beginning 单位 or 任务 is kept. The weekly report by
    its title and, on its fifth line, the header of its first section: a unit's return under that title is kept."""
    from mstrack.labels import Labels
    from mstrack.render.report import behind_header, units_header
    from mstrack.sources.forms import TEXT_SUFFIXES, first_rows

    if suffix not in TEXT_SUFFIXES:
        return False
    rows = [[cell.strip() for cell in row] for row in first_rows(target, "," if suffix == ".csv" else "\t", 5)]
    cells = rows[0] if rows else []
    for lang in ("en", "zh"):
        words = Labels(lang)
        lights = [words("col.task"), words("col.title"), words("col.lead_unit")], [words("col.red_run"), words("col.reason")]
        weekly = [words("weekly.title")], [words("weekly.behind")], behind_header(words)
        if (len(rows) == 5 and (cells[:1], rows[3][:1], rows[4]) == weekly
                or cells in (units_header(words), units_header(words, ranked=True))
                or len(cells) > 5 and (cells[:3], cells[-2:]) == lights):
            return True
    return False


def refusal(output, option: str, kept: str) -> typer.Exit:
    """The refusal to write over a file holding a unit's figures (forms.FIGURES), something mstrack cannot tell
    (forms.OTHER), a document, JSON or other file mstrack did not write (forms.UNMARKED, UNMARKED_JSON, UNMARKED_TEXT),
    an old Office file (forms.OLD_OFFICE) or a file it cannot read, damaged or encrypted (forms.Unreadable)."""
    from mstrack.errors import Message
    from mstrack.sources.forms import CHANGED, FIGURES, OLD_OFFICE, UNMARKED, UNMARKED_JSON, UNMARKED_TEXT, Unreadable
    from mstrack.sources.sheets import HEADER_SEARCH_ROWS

    if isinstance(kept, Unreadable):
        return fail("{option} {path}: the file is damaged or cannot be read ({reason}): mstrack cannot tell whether it "
                    "wrote it or it holds a unit's figures, so it is not replaced: remove it yourself if it is no longer "
                    "needed (a report cut short is then written anew), or give another -o name", option=option,
                    path=output, reason=kept.reason)
    said = {  # the same refusal, in its own words, of each kind of file: (option, path)
        CHANGED: Message("{option} {path}: the file has changed since mstrack wrote it (what it holds is not what its mark "
                         "says mstrack wrote: notes typed in, reports appended, saved by another program; or it was written "
                         "by a version of mstrack before marks carried a digest): it is not replaced: give another -o name, "
                         "or delete the file yourself if it is no longer needed"),
        UNMARKED_JSON: Message("{option} {path}: the file was not written by mstrack (its keys are none of a report's, docs/cli.md): "
                               "it may be a script's settings or a unit's data, so it is not replaced: give another -o name, or "
                               "delete the file yourself if it is no longer needed"),
        UNMARKED: Message("{option} {path}: the file was not written by mstrack (nothing in it says so: a Word file's creator, a "
                          "web page's generator, a Markdown file's last line): it may be a unit's return or an office's own "
                          "document, so it is not replaced: give another -o name, or delete the file yourself if it is no "
                          "longer needed"),
        OLD_OFFICE: Message("{option} {path}: the file is an old Office file (an .xls workbook or .doc document under another "
                            "name), which mstrack never writes: it may be a unit's return, so it is not replaced: give another -o "
                            "name, or delete the file yourself if it is no longer needed"),
        UNMARKED_TEXT: Message("{option} {path}: the file was not written by mstrack (its name says no report format, and it holds "
                               "none of mstrack's: a report's JSON keys, a CSV report's header, the same report's first line): it "
                               "may be a script's settings or an office's data, so it is not replaced: give another -o name, or "
                               "delete the file yourself if it is no longer needed"),
        FIGURES: Message("{option} {path}: the file holds a unit's figures (a value in its 数值 or a note in its 备注"
                         " column, on any sheet): move it away once imported (mstrack import progress {path}), or "
                         "give another -o name"),
    }
    if kept in said:
        return fail(said[kept], option=option, path=output)
    return fail("{option} {path}: the file was not written by mstrack, and its first {n} rows (on every sheet) hold data "
                "but no progress table header (任务编号 … 数值): it may be a unit's return laid out otherwise, so it is not "
                "replaced: give another -o name, or delete the file yourself if it is no longer needed", option=option,
                path=output, n=HEADER_SEARCH_ROWS)
