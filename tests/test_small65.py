"""small65: the session's small leftovers: one silent rule for the weekly 通报, `units --silent-since` and the 催报
notices; the progress bars' console; a BOM's text neither UTF-8 nor GBK; the empty-store hint's one template."""

import io
import json
import re
import sys

import pytest

from .conftest import done, refused
from .test_fixtrial65b import two_years


def _silent_units(cli) -> list[str]:
    result = cli("units", "-p", "c-2024", "--as-of", "2024-01-10", "--silent-since", "2024-01-01", "-f", "json")
    done(result)
    return [unit["unit"] for unit in json.loads(result.stdout)]


def _reminded(cli, folder) -> list[str]:
    result = cli("report", "notice", "-p", "c-2024", "--as-of", "2024-01-10", "--each-unit", "--silent-since",
                 "2024-01-01", "-f", "md", "-o", str(folder))
    done(result)
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_units_and_notices_chase_no_unit_of_a_programme_whose_reporting_has_not_begun(cli, tmp_path):
    """As the weekly 通报's silent list (trial65 #14): nobody reported, nothing due: nobody owes a return yet."""
    two_years(cli, tmp_path)
    assert _silent_units(cli) == []
    assert _reminded(cli, tmp_path / "before") == []
    done(cli("log", "c-2024/2", "1", "--as-of", "2024-01-05"))  # c-2024's reporting has begun: its silent units count
    assert _silent_units(cli) == ["甲局"]
    assert _reminded(cli, tmp_path / "after") == ["甲局.md"]


# --- the progress bars: NO_COLOR's "no styling at all" reaches them (printing.safe_console) ------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("bar", ["forms", "rows"])
@pytest.mark.parametrize(("no_color", "styled"), [("1", False), (None, True)])
def test_the_progress_bars_are_safe_consoles_and_write_no_styling_under_no_color(monkeypatch, tmp_path, bar, no_color,
                                                                                 styled):
    """Their console is printing.safe_console's, where NO_COLOR means no styling escapes at all (trial65 #16)."""
    from mstrack.cli import printing
    from mstrack.cli.each_unit import _bar
    from mstrack.cli.files import _row_progress

    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    for name in ("TERM", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    made = []
    real = printing.safe_console

    def spy(**options):
        made.append(real(**options))
        return made[-1]

    monkeypatch.setattr(printing, "safe_console", spy)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    if bar == "forms":
        with _bar(4, True) as step:
            step(2)
    else:
        big = tmp_path / "big.csv"
        big.write_bytes(b"x" * 1_000_000)
        with _row_progress([big]) as on_row:
            on_row(5)
    written = terminal.getvalue()
    assert written, "no bar drawn: the test would prove nothing"
    assert bool(re.search(r"\x1b\[[0-9;]*m", written)) is styled, repr(written)
    assert len(made) == 1 and made[0].stderr, made
    assert (made[0].color_system is None) is not styled, made[0].color_system


# --- a UTF-8 byte order mark over text neither UTF-8 nor GBK: said so, not guessed ----------------------------------

def test_a_marked_file_neither_utf8_nor_gbk_is_said_to_be_neither(cli, tmp_path):
    done(cli("init"))
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "计划,任务编号,指标,截至日期,数值\r\n".encode()[:6] + b"\xff\x80\xff,2\r\n")
    result = cli("import", "progress", str(path))
    said = refused(result, "bom.csv: starts with a UTF-8 byte order mark but its text is not UTF-8",
                   "neither UTF-8 nor GBK", "CSV UTF-8")
    assert "GBK?" not in said and "reads as GBK" not in said, said
    zh = cli("--lang", "zh", "import", "progress", str(path))
    said = refused(zh, "字节顺序标记", "既不是 UTF-8 也不是 GBK")
    assert "可能是" not in said, said


# --- the empty store's hint: one template, made in store/, known in cli/ without importing store/ ------------------

def test_the_empty_store_hint_is_one_named_template_the_cli_knows(cli):
    import inspect

    from mstrack.cli import process
    from mstrack.errors import Message
    from mstrack.vocabulary import NO_DATA_HERE_YET

    result = cli("status")  # a read of a store with nothing in it yet
    said = refused(result, "no mstrack data here yet; `mstrack init`")
    english = str(Message(NO_DATA_HERE_YET, option="--db", db="\0")).split("\0")
    assert said.split(": error: ", 1)[-1].startswith(english[0]) and english[1] in said, (english, said)
    assert "no mstrack data here yet; `mstrack init`" not in inspect.getsource(process)  # known by the name alone
