"""Help in panels, as Typer's Rich help looks, at a fraction of its cost: usage, the help text, then boxed
panels of arguments, options, commands and examples, coloured at a terminal.

Typer's own Rich help imports rich.markdown (markdown-it), rich.syntax (Pygments), rich.traceback and
lays every row out through Rich's Table: `mstrack --help` took 2.46× `import typer`, where the promise is
1.5× (docs/performance.md). This formatter lays out the same records (Typer's help records: the same
words, defaults, envvars) with render.lines' CJK-aware wrap and writes its few colours as ANSI codes
itself. The layout is the same at a terminal and through a pipe (as Typer, rich-click and clap do);
colours only where the output is a terminal, never with NO_COLOR or TERM=dumb (Click's echo also strips
them from anything that is not a terminal). Errors' usage lines stay Click's plain ones.
"""

import os
import re
import shutil
import sys

from rich.cells import cell_len

from mstrack.render.lines import command_lines, wrap
from mstrack.text import one_line

WIDEST = 100
"""Help is no wider than this on a wide terminal: lines stay easy to read."""
NAMES_SHARE = 0.4
"""The option-name column takes at most this share of a panel; a longer name puts its help on the next line."""

STYLES = {"usage": "33", "command": "1", "border": "2", "title": "2", "name": "1;36", "metavar": "1;33",
          "default": "2", "example": "32"}
"""ANSI codes (SGR) of each part, as Typer's Rich help colours them: names cyan, values yellow, borders dim."""


def format_help(command, ctx, formatter, examples: tuple[str, ...] = (), lang: str = "en") -> None:
    """Click's format_help for one command (set on each command by app._name_metavars): the whole help,
    written into Click's formatter as one text, in the run's language (app gives it: --lang, MSTRACK_LANG,
    the locale)."""
    formatter.write(render_help(command, ctx, examples=examples, width=help_width(), colour=use_colour(ctx),
                                lang=lang))


def help_width() -> int:
    """The terminal's width (COLUMNS first), no wider than WIDEST; 80 where it cannot be known."""
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, WIDEST))


def use_colour(ctx) -> bool:
    """Colours where someone reads them: not with NO_COLOR (no-color.org) or TERM=dumb, not when neither
    stdout nor stderr is a terminal; --color settings of Click's context win."""
    if ctx.color is not None:
        return ctx.color
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return any(stream is not None and stream.isatty() for stream in (sys.stdout, sys.stderr))


def render_help(command, ctx, *, examples: tuple[str, ...], width: int, colour: bool, lang: str = "en") -> str:
    """The help as text: lines of (piece, style) joined, styled only with colour. In Chinese, every help text
    and the help's own words from labels/help.json (read only then); names, metavars and examples as they are."""
    said = _Said(lang)
    arguments, options = [], []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None:
            record = record[0], _without_storage_bound(record[1])
            (arguments if param.param_type_name == "argument" else options).append(said.record(param, record))
    commands = []
    for name in getattr(command, "list_commands", lambda ctx: [])(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            commands.append((name, said.short(sub)))
    lines = _usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), width, said("Usage:"))
    lines += _text(said(command.help or ""), width)
    for title, rows in (("Arguments", arguments), ("Options", options), ("Commands", commands)):
        if rows:
            lines += _panel(said(title), _records(rows, width - 4), width)
    if examples:
        lines += _panel(said("Examples"), [piece for example in examples for piece in _example(example, width - 4)],
                        width)
    return "".join(_joined(line, colour) + "\n" for line in lines)


def _without_storage_bound(text: str) -> str:
    """An option's help without the store's bound: "[default: 20; 1<=x<=9223372036854775807]" → "[default: 20;
    x>=1]", "… [x<=9223372036854775807]" → "…"."""
    if "9223372036854775807" not in text:
        return text
    text = re.sub(r"(\d+)<=x<=9223372036854775807", r"x>=\1", text)
    return re.sub(r"\s*\[x<=9223372036854775807\]|; x<=9223372036854775807", "", text)


class _Said:
    """The help's words in one language: English as written; Chinese from labels/help.json, looked up by the
    English with its whitespace folded (a text without Chinese stays English)."""

    def __init__(self, lang: str):
        if lang == "zh":
            from mstrack.labels import help_texts

            self.chinese = help_texts()
        else:
            self.chinese = None

    def __call__(self, text: str) -> str:
        if not self.chinese or not text:
            return text
        return self.chinese.get(one_line(text), text)

    def record(self, param, record: tuple[str, str]) -> tuple[str, str]:
        """An option's (names, help): its help said, and Typer's brackets after it ([default: 15; x>=0])."""
        name, text = record
        own = param.help or ""
        if not self.chinese or not own or not text.startswith(own):
            return record
        extra = text[len(own):].replace("[default: ", f"[{self('default:')}")
        # required alone, or after a range: "[1900<=x<=2200; required]" (trial64 F11)
        extra = extra.replace("[required]", f"[{self('required')}]").replace("; required]", f"; {self('required')}]")
        return name, self(own) + extra

    def short(self, command) -> str:
        """A command's line in a list of commands: its help's first sentence."""
        if not self.chinese or command.short_help or self(command.help or "") == (command.help or ""):
            return command.get_short_help_str(limit=10_000)
        first = self(command.help).split("\n\n")[0]
        return first[:first.index("。") + 1] if "。" in first else first


def _usage(path: str, pieces: str, width: int, usage: str = "Usage:") -> list[list[tuple[str, str]]]:
    words = wrap(f"{path} {pieces}", width - 8)
    lead = f" {usage} "
    lines = [[(lead + " " * max(0, 8 - cell_len(lead)), "usage"), (words[0], "command")]]
    lines += [[("        " + more, "command")] for more in words[1:]]
    return [*lines, []]


def _text(help_text: str, width: int) -> list[list[tuple[str, str]]]:
    """The command's help, its paragraphs rewrapped to the width (a paragraph after Click's \\b as written)."""
    import inspect

    lines = []
    for paragraph in inspect.cleandoc(help_text).partition("\f")[0].split("\n\n"):
        if not paragraph.strip():
            continue
        if paragraph.startswith("\b\n"):
            pieces = [piece for line in paragraph[2:].splitlines() for piece in wrap(line, width - 2)]
        else:
            pieces = wrap(one_line(paragraph), width - 2)
        lines += [[(" " + piece, "")] for piece in pieces] + [[]]
    return lines


def _records(rows: list[tuple[str, str]], inner: int) -> list[list[tuple[str, str]]]:
    """Name and help in two columns: the names as wide as the widest (up to NAMES_SHARE of the panel), the
    help folded beside them; a longer name has its help on the lines below it."""
    names = min(max(cell_len(name) for name, _ in rows), int(inner * NAMES_SHARE))
    lines = []
    for name, text in rows:
        helps = wrap(text, inner - names - 2) or [""]
        if cell_len(name) > names:
            lines.append(_name(name))
            lines += [[(" " * (names + 2), ""), *_helped(piece)] for piece in helps]
            continue
        lines.append([*_name(name), (" " * (names - cell_len(name) + 2), ""), *_helped(helps[0])])
        lines += [[(" " * (names + 2), ""), *_helped(piece)] for piece in helps[1:]]
    return lines


def _name(name: str) -> list[tuple[str, str]]:
    """`-i, --indicator NAME`: the option names in one colour, the value's metavar in another."""
    flags, space, metavar = name.partition(" ") if name.startswith("-") else (name, "", "")
    while metavar.startswith("-") or flags.endswith(","):  # `-i, --indicator NAME`: both names are flags
        more, space, metavar = metavar.partition(" ")
        flags += " " + more
    return [(flags, "name")] + ([(" " + metavar, "metavar")] if metavar else [])


def _helped(text: str) -> list[tuple[str, str]]:
    """A help line, its bracketed default or envvar (`[default: today]`) dimmed."""
    start = text.find(" [")
    if start < 0 or not text.endswith("]"):
        return [(text, "")]
    return [(text[:start], ""), (text[start:], "default")]


def _example(example: str, inner: int) -> list[list[tuple[str, str]]]:
    """An example command line, whole; where it is wider than the panel, broken between words with a shell
    continuation, so that it still runs as copied (lines.command_lines)."""
    return [[(line, "example")] for line in command_lines(example, inner)]


def _panel(title: str, body: list[list[tuple[str, str]]], width: int) -> list[list[tuple[str, str]]]:
    """A box around the body, its title in the top border: ╭─ Options ───╮ … ╰───╯."""
    inner = width - 4
    top = [("╭─ ", "border"), (title, "title"), (" " + "─" * (width - cell_len(title) - 5) + "╮", "border")]
    rows = [[("│ ", "border"), *line, (" " * (inner - sum(cell_len(text) for text, _ in line)) + " │", "border")]
            for line in body]
    return [top, *rows, [("╰" + "─" * (width - 2) + "╯", "border")]]


def _joined(line: list[tuple[str, str]], colour: bool) -> str:
    if not colour:
        return "".join(text for text, _ in line).rstrip()
    return "".join(f"\x1b[{STYLES[style]}m{text}\x1b[0m" if style and text.strip() else text
                   for text, style in line).rstrip()
