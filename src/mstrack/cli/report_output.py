"""A report's way out, shared by the report commands (cli/reports.py): each kind's formats and their renderers,
the format an -o file's suffix names, and the report written whole to stdout or a file, frozen (--freeze) once
it is out. Imported by a report command when it runs, never by `mstrack --help`."""

import contextlib
from pathlib import Path

import typer

from mstrack.cli.common import choice
from mstrack.cli.printing import (
    console,
    flush_output,
    print_width,
    refuse_database,
    safe_console,
    write_output,
    write_whole,
)
from mstrack.cli.saying import echo, fail, say, words

FORMATS = {
    "units": ("table", "json", "csv", "md", "xlsx"),
    "weekly": ("table", "md", "html", "xlsx", "csv", "json"),
    "half-year": ("md", "html", "xlsx", "json", "docx"),
    "annual": ("md", "html", "xlsx", "json", "docx"),
    "notice": ("docx", "html", "md"),
    "lights": ("table", "json", "csv", "md", "html", "xlsx"),
}
"""Each kind of report's formats, in the order an unknown --format is answered with; `renderers` has one
function for each."""


def _scope(report, lang: str) -> str:
    """What a view's title says of the programmes it covers and left out (render.status.scope_said)."""
    from mstrack.labels import Labels
    from mstrack.render.status import scope_said

    return scope_said(report.programmes, report.left_out, Labels(lang))


def renderers(kind: str, made=None) -> dict:
    """format → function(report, lang) for a kind of report: text, bytes (xlsx) or a Rich view (table).
    Imported when a report is printed: the renderers load the report builders, xlsx loads openpyxl when called.
    `made`: the day an HTML page says it was made (a frozen report printed again: the day it was frozen), else today."""
    from functools import partial

    from mstrack.render import docx, html, xlsx
    from mstrack.render import report as render_report
    from mstrack.render import report_text as text

    tables = {"md": text.table_md, "html": partial(html.table_html, today=made), "xlsx": xlsx.table_xlsx,
              "json": text.table_json, "docx": docx.table_docx}
    by_kind = {
        "units": {
            "table": lambda units, lang: render_report.units_table(units.rollups, units.on, lang, units.responsible,
                                                                   scope=_scope(units, lang)),
            "json": lambda units, lang: text.units_json(units.rollups),
            "csv": lambda units, lang: text.units_csv(units.rollups, lang),
            "md": lambda units, lang: text.units_md(units.rollups, units.on, lang, units.responsible,
                                                    scope=_scope(units, lang)),
            "xlsx": lambda units, lang: xlsx.units_xlsx(units.rollups, units.on, lang, units.responsible,
                                                        scope=_scope(units, lang)),
        },
        "weekly": {"table": render_report.weekly_view, "md": text.weekly_md, "html": partial(html.weekly_html, today=made),
                   "xlsx": xlsx.weekly_xlsx, "csv": text.weekly_csv, "json": text.weekly_json},
        "half-year": tables,
        "annual": tables,
    }
    if kind == "notice":
        from mstrack.render import notice

        return {"docx": docx.notice_docx, "html": notice.notice_html, "md": notice.notice_md}
    if kind == "lights":
        from mstrack.render import lights

        return {"table": lights.lights_table, "json": lights.lights_json, "csv": lights.lights_csv, "md": lights.lights_md,
                "html": lights.lights_html, "xlsx": lights.lights_xlsx}
    return by_kind[kind]


SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".docx": "docx",
             ".json": "json", ".csv": "csv"}
"""The file suffixes that name a format: `-o 一览表.xlsx` alone asks for an .xlsx."""
UNWRITTEN = {".pdf", ".ofd", ".doc", ".wps", ".xls", ".et", ".odt", ".ods"}
"""Documents another program opens that mstrack does not write: `-o 单位.pdf` wrote the text table into a file
no PDF reader opens."""


def report_format(ctx: typer.Context, fmt: str, output: Path | None, kind: str) -> str:
    """--format when given; else the format the -o file's suffix names (text written to 一览表.xlsx is a file
    Excel cannot open), refused when the report has none such (units -o 单位.docx); else the default."""
    named = SUFFIXES.get(output.suffix.lower()) if output is not None and str(output) != "-" else None
    if getattr(ctx.get_parameter_source("fmt"), "name", None) != "DEFAULT":  # Click's own enum, or Typer's copy
        fmt = choice(fmt, FORMATS[kind], "--format")
        if named is not None and named != fmt and not output.is_dir():  # CSV in a file named .xlsx: Excel cannot open it
            refuse_database(ctx, output)  # the database named so is said as that: the graver refusal
            raise fail("--output {path}: the name says .{named}, --format {fmt} writes {fmt}: give -o NAME.{fmt} or drop -f "
                       "(the name alone chooses the format)",
                       path=output, named=named, fmt=fmt)
        return fmt
    if named is None and output is not None and output.suffix.lower() in UNWRITTEN:
        raise fail("--output {path}: mstrack writes no {suffix} file; use one of {choices} (a browser prints the .html"
                   " to PDF, Excel, WPS or LibreOffice the .xlsx and .docx), or add --format", path=output,
                   suffix=output.suffix.lower(), choices=", ".join(FORMATS[kind]))
    if named is not None and named not in FORMATS[kind]:
        raise fail("--output {path}: this report has no .{suffix} format; use one of {choices}, or add --format",
                   path=output, suffix=named, choices=", ".join(FORMATS[kind]))
    return named or fmt


def check_output(ctx: typer.Context, fmt: str, output: Path | None) -> None:
    """Before any work: an .xlsx or .docx needs a file, and no output may be the database (printing.refuse_database)."""
    if fmt in ("xlsx", "docx") and (output is None or str(output) == "-"):
        raise fail("--output: a report in .{fmt} is written to a file; add -o FILE.{fmt}", fmt=fmt)
    if output is not None and str(output) != "-":
        refuse_database(ctx, output)


def freezing(freeze: bool):
    """open_store's `first` for a report command: with --freeze, a store that cannot be written refused before the
    report is made, as every write is (Store.refuse_unwritable); it said "weekly report → FILE" (no file made without
    its freeze), then "nothing was written" (trial63 F5)."""
    return (lambda store: store.refuse_unwritable()) if freeze else None


def _rich_text(renderable) -> str:
    import io

    buffer = io.StringIO()
    safe_console(file=buffer, width=print_width(), color_system=None, legacy_windows=False).print(renderable)
    return buffer.getvalue()


@contextlib.contextmanager
def _unfrozen_said(freeze: bool):
    """stdout failing before a --freeze: the report is not frozen, and a closed pipe says so (failures.output_failed;
    a read's closed pipe is silent)."""
    try:
        yield
    except OSError as error:
        if freeze:
            from mstrack.errors import mark_not_frozen

            mark_not_frozen(error)
        raise


def publish(ctx: typer.Context, store, params: dict, report, fmt: str, output: Path | None, freeze: bool = False, *,
            made=None, drawn: str | None = None) -> None:
    """The report in its format to stdout or to the file; frozen (--freeze) once it is out. A table on a
    terminal is Rich's own; to a file it is its text. Text to a file never carries control characters from
    the data (outputs.clean_text), a CSV file gets a BOM for Excel/WPS, and a file is replaced whole or not
    at all, never the database (printing.write_output). A frozen report printed again (`report frozen N`): `made`,
    the day it was frozen (renderers); `drawn`, its content as kept (the frozen JSON), printed as it is."""
    kind, lang = params["kind"], params["lang"]
    by_format = renderers(kind, made)
    content = drawn if drawn is not None else by_format[fmt](report, lang)

    part = None  # the partial copy the file is written into, by name: kept with its freeze (frozen_by_a_stopped_run)

    def frozen() -> None:
        if freeze:
            _freeze(store, params, whole(by_format["json"](report, lang)), part=part)

    if fmt == "table" and output is None:
        with _unfrozen_said(freeze):
            console().print(content)
        frozen()
        return
    if fmt == "table":
        content = _rich_text(content)
    if output is None or str(output) == "-":
        with _unfrozen_said(freeze):
            write_whole(_pieces(content))
        frozen()
        return

    def write(path: Path) -> None:
        nonlocal part
        part = None if in_place else path.name
        write_content(path, content, fmt)

    def written() -> None:  # in the interface's language (saying.words), not the report's
        said = words()
        echo(said("msg.written", what=said(f"msg.{kind}"), path=output), err=True)
        if in_place:
            return
        if stopped is not None:
            say("frozen as report {number} by an earlier run of this command, stopped before its file was in place: "
                "not frozen again", err=True, number=stopped)
            flush_output()
            return
        frozen()

    from mstrack.render.outputs import written_in_place
    from mstrack.render.temporaries import stale_parts

    # a device, a FIFO or stdout is written into before it is said written (outputs.replacing_path), and frozen after
    # write_output returns: once it is out (exit 0 ⇔ frozen and written), the write lock not held while a FIFO waits
    in_place = freeze and written_in_place(output)
    stopped = None
    if freeze and not in_place and (parts := stale_parts(output)):  # the report's JSON rendered here only then
        stopped = frozen_by_a_stopped_run(store, params, lambda: whole(by_format["json"](report, lang)), parts)
    write_output(ctx, output, write, written)
    if in_place:
        _freeze(store, params, whole(by_format["json"](report, lang)), printed=True)


def frozen_by_a_stopped_run(store, params: dict, json_of, parts: list[Path]) -> int | None:
    """The report a run of `report --freeze -o OUTPUT` killed between its freeze's commit and its file's rename
    froze, None otherwise: the rerun writes the file and does not freeze it twice, so that a kill there leaves nothing
    a rerun does not make whole (store55). That run's own freeze only, found by the name of the partial copy it left
    (kept with its freeze, report_snapshot.part: the copy is whole, a freeze being made only once its file is written),
    and only while it holds what this run would freeze (`json_of`, the report, not the file's bytes: an .xlsx or
    .docx says when it was made). A copy left by a plain `report -o`, or by a run killed before its commit, is named
    by no freeze (store57: by time and bytes, a plain -o's whole copy followed by a freeze of that report to stdout was
    taken for one): frozen as usual."""
    found = store.frozen_into(params["kind"], params, [part.name for part in parts])
    return found[0] if found is not None and found[1] == json_of() else None


def write_content(path: Path, content, fmt: str) -> None:
    """A report's bytes as they are; its text (whole, or in pieces as they come) without control characters
    from the data, a CSV with a BOM for Excel/WPS. Markdown and HTML with their line ends as made (no CRLF on Windows):
    their mark's digest is of those bytes (render/outputs.marked_text)."""
    if isinstance(content, bytes):
        path.write_bytes(content)
        return
    with path.open("w", **_text_file(fmt)) as handle:
        _write_text(handle, content)


def _text_file(fmt: str) -> dict:
    """How a report's text is encoded in its file: a CSV with a BOM for Excel/WPS; Markdown and HTML with their line
    ends as made."""
    return {"encoding": "utf-8-sig" if fmt == "csv" else "utf-8", "newline": "" if fmt in ("md", "html") else None}


def _write_text(handle, content) -> None:
    """A report's text into an open file, without control characters from the data."""
    from mstrack.render.outputs import clean_text

    for piece in _pieces(content):
        handle.write(clean_text(piece))


def _pieces(content):
    """A renderer's text as pieces to write as they come: the weekly JSON's own, any other text as one."""
    return [content] if isinstance(content, str) else content


def whole(content) -> str:
    """A renderer's text, joined when it came in pieces (the weekly JSON)."""
    return "".join(_pieces(content))


def _freeze(store, params: dict, content: str, printed: bool = False, part: str | None = None) -> None:
    """Keep the report as printed: after it is out (a report that could not be printed is not kept), its
    number said before the commit (an output that fails keeps nothing). `printed`: the report is out already (a
    target written in place): a database error that kept nothing says so (failures, mark_not_frozen)."""

    def announce(snapshot: int) -> None:
        say("frozen as report {number}: `mstrack report diff {number}` compares it with later corrections", err=True,
            number=snapshot)
        flush_output()

    from mstrack.errors import mark_not_frozen, rolled_back

    try:
        store.freeze(params["kind"], params, content, confirm=announce, part=part)
    except Exception as error:
        if printed and (store.path is not None or rolled_back(error)):  # a server's failed COMMIT may have kept it
            mark_not_frozen(error)
        raise
