"""The options' values, read here rather than by Typer's pydantic (plain_values, set on every command by app)."""

import os
import re
from enum import Enum
from pathlib import Path

import typer
import typer.core

_UNDECIDED = object()
"""A value plain_values leaves to Typer: one it would refuse, or of a form read more rarely (" 7", "7.0")."""

_WHOLE = re.compile(r"[+-]?[0-9]{1,18}")
"""A whole number as pydantic reads it too (ASCII digits, a sign, leading zeros)."""


class _PlainValues:
    """Typer's own reading of an option's value for the kinds mstrack's options are: text, whole numbers
    within bounds, closed lists (Enum), paths, flags, and lists of those. Typer ≥ 0.25 reads every value
    through a pydantic TypeAdapter, and importing pydantic cost each command with options ~70 ms. What is
    not plainly one of these (a refusal, a rarer form of a number) goes to Typer's own reading, so values
    and error messages stay Typer's (tests/test_options.py compares the two on every parameter)."""

    __slots__ = ("kind", "low", "high", "choices", "readable", "many", "typers")

    def __init__(self, kind, info, many: bool, typers):
        self.kind = kind
        self.low, self.high = info.min, info.max
        self.readable = info.readable
        self.choices = ({str(member.value): member for member in reversed(list(kind))}
                        if issubclass(kind, Enum) and info.case_sensitive else None)
        self.many = many
        self.typers = typers

    def coerce(self, value, param=None, ctx=None):
        if value is None:
            return () if self.many else None
        if not self.many:
            read = self.read(value, ctx)
        elif isinstance(value, list | tuple):
            read = [self.read(item, ctx) for item in value]
            if any(item is _UNDECIDED for item in read):
                read = _UNDECIDED
        else:
            read = _UNDECIDED
        if read is not _UNDECIDED:
            return read
        if ctx is not None and ctx.resilient_parsing:  # a <TAB>: completing needs only the words typed so far
            return value
        return self.typers().coerce(value, param=param, ctx=ctx)

    def read(self, value, ctx):
        kind = self.kind
        if kind is str or kind is bool:
            return value if type(value) is kind else _UNDECIDED
        if kind is int:
            number = int(value) if isinstance(value, str) and _WHOLE.fullmatch(value) else value
            if type(number) is not int or (self.low is not None and number < self.low) or (
                    self.high is not None and number > self.high):
                return _UNDECIDED
            return number
        if kind is Path:
            return self.path(value)
        if isinstance(value, kind):
            return value
        if self.choices is None or not isinstance(value, str) or (ctx is not None and ctx.token_normalize_func):
            return _UNDECIDED
        return self.choices.get(value, _UNDECIDED)

    def path(self, value):
        """A path, checked as Typer checks one by default: one that exists must be readable."""
        if not isinstance(value, str | Path):
            return _UNDECIDED
        path = Path(value)
        try:
            os.stat(path)
        except OSError:
            return path
        except ValueError:
            return _UNDECIDED
        return path if not self.readable or os.access(path, os.R_OK) else _UNDECIDED


_TYPERS_PATH = {"exists": False, "file_okay": True, "dir_okay": True, "writable": False, "resolve_path": False,
                "allow_dash": False, "path_type": None}
"""A Path option as Typer makes it by default: the only kind of path plain_values reads itself."""


def plain_values(command) -> None:
    """The command's parameters, and its help option when Typer makes it, read by _PlainValues where they are
    of a plain kind; any other stays Typer's. Through Typer's `get_runtime_param` (0.25 and later), decided
    on a parameter's first value: a command not run costs nothing. A Typer without the hook reads every value
    itself."""
    if not callable(getattr(getattr(typer.core, "_TyperParameter", None), "get_runtime_param", None)):
        return
    for param in command.params:
        param.get_runtime_param = _first_reading(param)
    typers_help_option = command.get_help_option

    def get_help_option(ctx):
        option = typers_help_option(ctx)
        if option is not None and "get_runtime_param" not in vars(option):
            option.get_runtime_param = _first_reading(option)
        return option

    command.get_help_option = get_help_option


def _first_reading(param):
    def reading():
        reader = _reader(param)
        param.get_runtime_param = lambda: reader
        return reader

    return reading


def _reader(param):
    """_PlainValues for a parameter of a plain kind, else Typer's own reading."""
    from typing import get_args, get_origin

    typers = type(param).get_runtime_param.__get__(param)
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return typers()
    info, kind = descriptor.parameter_info, descriptor.annotation
    many = bool(param.multiple) or param.nargs == -1
    if many and get_origin(kind) is list:
        (kind,) = get_args(kind)
    if (many and kind is descriptor.annotation) or getattr(info, "parser", None) is not None or not isinstance(kind, type):
        return typers()
    if kind is Path and any(getattr(info, name, None) != value for name, value in _TYPERS_PATH.items()):
        return typers()
    if kind not in (str, int, bool, Path) and not issubclass(kind, Enum):
        return typers()
    return _PlainValues(kind, info, many, typers=typers)
