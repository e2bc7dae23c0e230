"""The one catalogue of labels and messages, in Chinese and English. The words are data, one JSON file a
subject beside this module (status.json, reports.json, supervision.json …), each with its `labels` and its
`messages`: read on first use and kept. Labels are keys (`catalogue()`); messages are their English text,
as the library writes them (errors.Message), with the Chinese beside it (`messages()`), gettext style.

Stdlib only: the command line imports this module before it knows what it will print (json only when the
words are first read: `--help` in English needs the language alone).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from mstrack.errors import fill

LANGS = ("zh", "en")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

SUBJECTS = ("supervision", "status", "cli", "task", "units", "reports", "history", "plan", "quantities", "progress",
            "limits", "store", "table", "reasons")
"""The catalogue's files (labels/SUBJECT.json). In each, `labels` maps a key to [Chinese, English]: `{name}`
fields are filled by `Labels.__call__`, and English says a count's noun as `{n:checkpoint|checkpoints}` (the
first word for 1, the second for any other number; see errors._Plural). `messages` maps an English template
to its Chinese, with the same fields; locations (FILE:ROW:COLUMN), options, values, codes and units stay as
they are. A key stands in one file only (tests/test_languages.py)."""


@cache
def _subjects() -> dict[str, dict]:
    import json

    folder = Path(__file__).parent
    return {name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8")) for name in SUBJECTS}


HELP = "help"
"""labels/help.json: the command line's help in Chinese, English text → Chinese under its `help` key; read
by help_texts() alone, only when help is shown in Chinese (never by catalogue() or messages())."""


@cache
def help_texts() -> dict[str, str]:
    """English help text (whitespace folded) → its Chinese: commands, options, arguments and the help's own words."""
    import json

    return json.loads((Path(__file__).parent / f"{HELP}.json").read_text(encoding="utf-8"))["help"]


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Label key → (Chinese, English), from every subject."""
    return {key: (zh, en) for words in _subjects().values() for key, (zh, en) in words.get("labels", {}).items()}


@cache
def messages() -> dict[str, str]:
    """English template → Chinese template: the command line's errors, warnings and lines, from every subject."""
    return {english: chinese for words in _subjects().values() for english, chinese in words.get("messages", {}).items()}



def pick_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """--lang wins; else the first locale variable set (LC_ALL, LC_MESSAGES, LANG): Chinese for zh_*,
    English otherwise."""
    if option:
        if option not in LANGS:
            raise ValueError(f"--lang {option!r}: expected one of {', '.join(LANGS)}")
        return option
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Labels:
    """Words in one language: `labels("col.task")`, `labels("count.done", n=3)`, `labels.status("behind")`."""

    def __init__(self, lang: str = "zh"):
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self._index = LANGS.index(lang)

    def __call__(self, key: str, **fields) -> str:
        text = catalogue()[key][self._index]
        if not fields:
            return text
        return fill(text, fields)

    def message(self, message) -> str:
        """An error, a warning or a line of the command line in this language: each template's Chinese from
        messages(), English where it has none; fields that are messages too are said the same way."""
        render = getattr(message, "render", None)
        if render is None:
            return str(message)
        return render(self.translate)

    def translate(self, template: str) -> str:
        return messages().get(template, template) if self.lang == "zh" else template

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def join(self, items) -> str:
        return self("list.and").join(items)

    def date(self, day) -> str:
        """A date as a document in this language writes it: 2023年7月14日 (GB/T 9704), 2023-07-14 in English."""
        return f"{day.year}年{day.month}月{day.day}日" if self.lang == "zh" else day.isoformat()

