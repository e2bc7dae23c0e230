"""Writing outputs: stdout whole or cleaned (write_out, write_whole), the files an option names (write_output,
never the database, nor a file cli/kept_files keeps), and the terminal (console, wrapped sentences, the width of a printout)."""

import codecs
import errno
import os
import re
import sys
from pathlib import Path

import typer

from mstrack.cli.kept_files import kept_from_rerun, kept_return, refusal
from mstrack.cli.saying import fail, note


def write_out(text: str) -> None:
    """Text that may hold data (JSON, a table) to stdout, without control characters (outputs.clean_text).
    A UTF-8 stdout gets the bytes straight (outputs.clean_utf8: the check on the encoded text is cheaper)."""
    from mstrack.render.outputs import clean_text, clean_utf8

    out = sys.stdout
    buffer = _utf8_buffer(out)
    if buffer is None:
        out.write(clean_text(text))
        return
    out.flush()  # what was written as text goes first
    buffer.write(clean_utf8(text, out.errors or "strict"))


def _utf8_buffer(out):
    """The byte stream under a UTF-8 text stream with plain newlines, where UTF-8 bytes can go straight; or None."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or os.linesep != "\n" or codecs.lookup(out.encoding or "ascii").name != "utf-8":
        return None
    return buffer


UNSHOWABLE = "mstrack.escaped"
"""The codec error handler of stdout and stderr (unshowable_escaped): a character the console's codec lacks as JSON
escapes it."""


def _escaped(error: UnicodeEncodeError) -> tuple[str, int]:
    """A character the console's codec cannot write (👍 or 𠮷 on a GBK console, · on an ASCII one) as JSON writes it,
    \\ud83d\\udc4d: a JSON document stays valid and reads back as stored (the character is only ever inside a string:
    JSON's own syntax is ASCII), and a table shows where it was; the data is never changed."""
    import json

    if not isinstance(error, UnicodeEncodeError):
        raise error
    return json.dumps(error.object[error.start:error.end])[1:-1], error.end


def unshowable_escaped() -> None:
    """stdout and stderr, where their codec is not UTF-8 (PYTHONIOENCODING=gbk, a Windows console's code page), write a
    character it lacks as its JSON escape (_escaped), not a UnicodeEncodeError (a traceback, exit 1): every read of a
    note holding an emoji failed there. A UTF-8 stream is left as it is (write_out's bytes go straight)."""
    codecs.register_error(UNSHOWABLE, _escaped)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not hasattr(stream, "reconfigure") or encoding is None or codecs.lookup(encoding).name == "utf-8":
            continue
        stream.reconfigure(errors=UNSHOWABLE)


HELD_IN_MEMORY = 4 << 20
"""Bytes (UTF-8) of a document made in pieces held in memory while it is made (write_whole); past that, on disk."""


def write_whole(pieces) -> None:
    """A document made in pieces (the JSON of status and of the weekly report) to stdout once its last piece
    is made: an error found while making a later piece leaves stdout empty, never half a document for a
    script to read. The pieces wait in a temporary file (in memory up to HELD_IN_MEMORY bytes), so a
    province's document is still never one string. For a UTF-8 stdout they wait as the bytes it gets, each
    piece cleaned and encoded once (clean_utf8 drops single characters, so piece by piece is the whole's):
    held as text, the province's 18 MB of status were encoded, decoded and encoded again (~0.03 s)."""
    import tempfile

    from mstrack.render.outputs import clean_utf8

    out = sys.stdout
    buffer = _utf8_buffer(out)
    if buffer is None:
        with tempfile.SpooledTemporaryFile(max_size=HELD_IN_MEMORY, mode="w+", encoding="utf-8", newline="",
                                           errors="surrogatepass") as held:
            for piece in pieces:
                held.write(piece)
            held.seek(0)
            while chunk := held.read(HELD_IN_MEMORY):
                write_out(chunk)
        return
    errors = out.errors or "strict"
    with tempfile.SpooledTemporaryFile(max_size=HELD_IN_MEMORY) as held:
        for piece in pieces:
            held.write(clean_utf8(piece, errors))
        held.seek(0)
        out.flush()  # what was written as text goes first
        while chunk := held.read(HELD_IN_MEMORY):
            buffer.write(chunk)


def flush_output() -> None:
    """What was printed, out now: before a write commits, so that an output that fails (a full disk, a
    closed pipe) fails the command before anything is stored."""
    sys.stdout.flush()
    sys.stderr.flush()


def cannot_write(output, error: OSError, option: str = "--output") -> typer.Exit:
    """An --output file that could not be written: the same words from every command."""
    from mstrack.domain.reasons import os_reason

    return fail("{option} {path}: cannot write: {reason}", option=option, path=output, reason=os_reason(error))


def refuse_unwritable_name(path, option: str = "--output") -> None:
    """Exit 2 naming the option and the file when its path cannot be held (outputs.path_problem), or when it is a
    symbolic link nothing can be written through (outputs.link_problem: a loop, a link to nothing in no folder)."""
    from mstrack.render.outputs import link_problem, path_problem

    if problem := path_problem(path) or link_problem(path):
        raise fail("{option} {path}: {problem}", option=option, path=path, problem=problem)


def refuse_database(ctx: typer.Context, path: Path, option: str = "--output") -> None:
    """Exit 2 when a file to write is the open database or one of its -wal, -shm, -journal files, however
    the path is spelled (relative, symlink, hard link): writing there would destroy the data; or any other
    SQLite database or its files (refuse_any_database)."""
    from mstrack.render.outputs import is_database_file
    from mstrack.store import resolve_db_url
    from mstrack.store.urls import sqlite_file

    obj = ctx.find_root().obj or {}
    if is_database_file(Path(path), sqlite_file(resolve_db_url(obj.get("db")))):
        raise fail("{option} {path}: that is the database itself (or one of its files); choose another file name",
                   option=option, path=path)
    refuse_any_database(path, option)


def refuse_any_database(path: Path, option: str = "--output") -> None:
    """Exit 2 when a file to write is any SQLite database, another program's too (its header, "SQLite format 3"),
    or the -wal, -shm or -journal file of one (outputs.sqlite_database_of): written over, it is lost."""
    from mstrack.render.outputs import sqlite_database_of

    database = sqlite_database_of(Path(path))
    if database is not None:
        raise fail("{option} {path}: that is an SQLite database ({database}) or one of its -wal, -shm or -journal "
                   "files; writing there would destroy it: choose another file name",
                   option=option, path=path, database=database)


def write_output(ctx: typer.Context, output: Path, write, announce=None, option: str = "--output",
                 private: bool = False, taken=None) -> None:
    """The file an option names, replaced whole or not at all (outputs.replacing_path): `write(path)` makes
    its contents at a temporary path beside it, `announce()` says so before the rename. Never the database.
    A new file follows the umask, or is 0600 when `private` (a backup). Never a sheet that holds a unit's
    figures either, unless it is a report mstrack wrote and the new file is the same report (kept_files.kept_return).
    `taken(output)`: the refusal when the file must be new and one appeared while the command ran (a file made
    after the caller's own check is never written over either, and refused before `announce()`: replacing_path's
    new_only). The record of -o's files (cli/written_files) gets the
    write before the rename; a file changed since the look is not replaced; from the rename on, Ctrl-C is held."""
    from contextlib import ExitStack

    from mstrack.cli.written_files import file_state, record_before_rename, unchanged_while_running
    from mstrack.render.outputs import replacing_path, writing_into, written_in_place
    from mstrack.sources.marks import file_digest
    from mstrack.store.interrupts import interrupts_held

    refuse_unwritable_name(output, option)
    new = taken is not None and not written_in_place(Path(output))  # a file that must be new: any there is taken
    if new and os.path.exists(output):
        raise taken(output)  # made since the caller's own look (another mstrack's backup): what it is does not matter
    try:
        refuse_database(ctx, output, option)
    except typer.Exit:
        if new and os.path.exists(output):  # made meanwhile: said as what it is to this write
            raise taken(output) from None
        raise
    if Path(output).is_dir():  # found only at the rename otherwise, after the command had announced the file
        raise cannot_write(output, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)), option)
    in_place = written_in_place(Path(output))
    if not in_place:
        said_stale_parts(output)
    seen = file_state(Path(output))  # looked at again just before the rename (written_files.unchanged_while_running)
    # what a file there holds, for a write that may replace it; a new-only write never does (its link fails on any)
    kind, known = (None, False) if new else kept_return(Path(output), option)
    # Recorded: what a later -o may replace while it is unchanged. Not a copy of the database (never replaced anyway),
    # nor a file that must be new (a plan: another command's -o onto it is judged by what it holds, never by the record)
    recorded = not private and taken is None and not in_place
    announcing = False
    size = digest = None

    def ready() -> None:
        nonlocal announcing
        # the record and the look again first: a refusal of this file is never said after a line saying it written
        if recorded:
            record_before_rename(Path(output), option, size, digest, known)
        if taken is None and not in_place:
            unchanged_while_running(Path(output), option, seen)
        if announce is not None:
            announcing = True
            announce()
            flush_output()
            announcing = False
        if not in_place:  # from the rename on, a Ctrl-C could only end the command with a lie: held as after a commit
            interrupts_held()

    # the folder held shared while the file is written: never into a folder an --each-unit run is filling; only the
    # taking of the hold is said as another run's (a BlockingIOError of the write itself is the write's: EAGAIN)
    with ExitStack() as held:
        if not in_place:
            try:
                held.enter_context(writing_into(Path(os.path.realpath(output)).parent, shared=True))
            except BlockingIOError:
                raise fail("{option} {path}: another mstrack is writing into {folder} (notices to each unit); nothing "
                           "written; run the command again once it is done", option=option, path=output,
                           folder=_folder_said(output)) from None
        try:
            with replacing_path(output, before_rename=ready, private=private, new_only=taken is not None) as temporary:
                write(temporary)
                if kind is not None and (kept := kept_from_rerun(Path(temporary), Path(output), kind)):
                    raise refusal(output, option, kept)
                if recorded:
                    size, digest = os.stat(temporary).st_size, file_digest(Path(temporary))
        except FileExistsError:
            if taken is None:
                raise
            raise taken(output) from None
        except OSError as error:
            if announcing:  # the terminal or pipe, not the file
                raise
            raise cannot_write(output, error, option) from None


def _folder_said(output) -> str:
    """The folder a file to write is in, as typed (`out` of `-o out/x.md`), and the real one where that differs (a
    symbolic link on the way: `out (/srv/reports)`); the real one alone where no folder was typed (`-o x.md`)."""
    typed, real = os.path.dirname(output), os.path.dirname(os.path.realpath(output))
    if not typed:
        return real
    return typed if os.path.abspath(typed) == real else f"{typed} ({real})"


def said_stale_parts(target: Path, stamped: bool = False) -> None:
    """The partial copies of `target` a killed run left (temporaries.remove_stale_parts: only those whose writer is
    gone) removed before this run writes its own, in one line on stderr."""
    from mstrack.render.temporaries import remove_stale_parts

    removed = remove_stale_parts(Path(target), stamped=stamped)
    if removed:
        from mstrack.errors import Message

        name = f"{target}.before-restore-…" if stamped else target
        note(Message(
            "removed {n} stale partial {n:copy|copies} of {target} left by an interrupted run", n=removed, target=name))


def print_width() -> int:
    """Columns for a table printed to a file or a pipe: COLUMNS when it is a number, else room for the table."""
    import os

    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else 140


def wrapped(lines: list[str], command: bool = False) -> list[str]:
    """Sentences for the terminal folded at its width (COLUMNS, the terminal's, else print_width()): at
    spaces in English, between characters in Chinese, never inside a code or a path. A command (to be typed,
    indented two) is broken only between words, with a shell continuation."""
    import shutil

    from mstrack.render.lines import command_lines, wrap

    width = shutil.get_terminal_size((print_width(), 24)).columns
    if command:
        return [piece for line in lines for piece in command_lines(line, width, indent="  ")]
    return [piece for line in lines for piece in (wrap(line, width, codes_whole=True) or [""])]


def console():
    """A terminal gets its own width; a file or pipe (a printout) gets room for the table. A table for people: no
    line ends in the spaces Rich pads it with to the full width (trial65b 11: a `diff` against the docs' excerpts
    failed on them, and a pipe's lines ran to 140 columns past text of 100)."""
    made = safe_console() if sys.stdout.isatty() else safe_console(width=print_width())
    made.trim_line_ends = True
    return made


def safe_console(**options):
    """A Rich console for text that holds data: no markup or emoji codes read in it (a note "[/x]" is
    printed as typed, not a MarkupError; "[link=…]" makes no hyperlink), no control characters printed. NO_COLOR
    means no styling escapes at all, bold, italic and dim included, as TERM=dumb (trial65 #16: Rich's own no_color
    drops colours only)."""
    global _SafeConsole
    if _SafeConsole is None:
        _SafeConsole = _safe_console_class()
    plain = {"color_system": None} if os.environ.get("NO_COLOR") else {}
    return _SafeConsole(**{"markup": False, "emoji": False, **plain, **options})


_SafeConsole = None
_PADDING = re.compile(r" +$", re.MULTILINE)


def _safe_console_class():
    """A Rich console that drops control characters from the text it prints (outputs.clean_text): a note
    holding an escape sequence cannot move the cursor or clear the screen. Rich's own styles are control
    segments of their own, or added after this, and stay."""
    from rich.console import Console
    from rich.segment import Segment

    from mstrack.render.outputs import clean_text

    class SafeConsole(Console):
        trim_line_ends = False  # console()'s, for people; a report's text (its digest) is kept as Rich draws it

        def _render_buffer(self, buffer) -> str:
            text = super()._render_buffer(buffer)
            return _PADDING.sub("", text) if self.trim_line_ends else text

        def render(self, renderable, options=None):
            for segment in super().render(renderable, options):
                if segment.control or not segment.text:
                    yield segment
                else:
                    text = clean_text(segment.text)
                    yield segment if text is segment.text else Segment(text, segment.style)

        def on_broken_pipe(self) -> None:
            """A closed pipe ends the command as every other failed output does (run()), not with Rich's silent exit 1."""
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    return SafeConsole

