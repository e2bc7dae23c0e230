"""A plan file's text beyond what tomllib reads of it (sources/plan.load_plan): the `# check:` doubts import table
left in it, and what a person who typed or saved it with Chinese tools is told when it cannot be read (newcomer49 N9):
the full-width punctuation of an input method on the line TOML stopped at, the encoding a file not in UTF-8 reads as."""

from __future__ import annotations

import re

from mstrack.errors import Message
from mstrack.vocabulary import CHECK_COMMENT

_DOUBT = re.compile(r"^[ \t]*(?:([\w-]+)[ \t]*=|\{[ \t]*([\w-]+)[ \t]*=)?[^\n]*?(?<![^ \t\n])" + re.escape(CHECK_COMMENT)
                    + r"[ \t]*([^\n]*)$", re.MULTILINE)
"""A line ending in import table's `# check:` comment (plan_dump.dump_plan): the key it stands on, and the doubt."""


def doubts_left(text: str) -> list[tuple[int, str, str]]:
    """The `# check:` comments of a plan file (F1/N8: a file imported without its review): (line, key, doubt) each."""
    if CHECK_COMMENT not in text:  # a reviewed plan, or one written by hand: one scan
        return []
    return [(text.count("\n", 0, found.start()) + 1, found[1] or found[2] or "", found[3].strip())
            for found in _DOUBT.finditer(text)]


FULL_WIDTH = {"“": '"', "”": '"', "‘": "'", "’": "'", "，": ",", "＝": "=", "［": "[", "］": "]", "｛": "{", "｝": "}",
              "＃": "#", "：": ":"}
"""What a Chinese input method types for TOML's own punctuation, and the ASCII TOML needs."""

_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def typing_hint(text: str, error: Exception) -> Message | None:
    """Where TOML stopped (its error's line, or the line before: an array left open) holds full-width punctuation
    outside quotes: which, and the ASCII TOML needs. None where it holds none (a ， inside a quoted title is text).
    A table added to one written inline: how to write it inside (_closed_hint)."""
    at = _AT_LINE.search(str(error))
    if at is None:
        return None
    if closed := _CLOSED.match(str(error)):
        return _closed_hint(closed[1], int(at[1]))
    lines = text.splitlines()
    number = int(at[1])
    for line in (number, number - 1):
        if 1 <= line <= len(lines) and (found := _outside_quotes(lines[line - 1])):
            return Message("line {line} holds the full-width {chars} outside quotes: TOML needs the ASCII {ascii}",
                           line=line, chars=" ".join(found), ascii=" ".join(dict.fromkeys(FULL_WIDTH[c] for c in found)))
    return None


_CLOSED = re.compile(r"Cannot mutate immutable namespace (.+) \(at line")
"""tomllib's words for a `[[…]]` table or a dotted key added to a table written inline (trial59 finding 1)."""


def _closed_hint(named: str, line: int) -> Message:
    """A table added to one written inline (a short indicator `{ name = … }`, a `[[…milestones]]` table typed under
    it, or under a `milestones = [ … ]` list): TOML closes what is written inline, so what is added goes inside it."""
    from mstrack.domain.reasons import toml_key

    if "milestones" in toml_key(named).split("."):
        return Message("line {line} adds to a table or list written inline above it (`{{ … }}`, `[ … ]`), which TOML "
                       "keeps closed: write it inside those brackets instead: `{inline}` in an indicator's braces, or a "
                       "row `{row},` of its `milestones = [ … ]`", line=line,
                       inline='milestones = [{ due = "2025-12-31", target = 220 }]', row='{ due = "2025-12-31", target = 220 }')
    return Message("line {line} adds to a table or list written inline above it (`{{ … }}`, `[ … ]`), which TOML keeps "
                   "closed: write it inside those brackets instead", line=line)


def _outside_quotes(line: str) -> list[str]:
    """The full-width punctuation of a line that stands outside its ASCII-quoted strings and before its comment."""
    found, quote, escaped = [], None, False
    for char in line:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in FULL_WIDTH and char not in found:
            found.append(char)
    return found


def several_offices(programme, text: str, source: str) -> list[Message]:
    """A line's unit entry that names several offices (N9: typed as the table prints them): kept as one unit, said
    with its line in the file and its key, and the entries it means: split as the table reader splits a unit cell
    (office_names.split_units: at 、 ， ； outside brackets, a slash between whole names, a shared ending "金井湾、岚城片区
    开发管理局", two names run together), one rule for "one cell names several offices" wherever it is typed."""
    import json

    from mstrack.sources.table.office_names import split_units

    said, split = [], {}  # each name split once: an office leads many of a plan's 20,000 lines
    for i, task in enumerate(programme.tasks):
        for j, line in enumerate(task.lines):
            for key in ("lead_units", "units"):
                for k, name in enumerate(getattr(line, key)):
                    if (offices := split.get(name)) is None:
                        offices = split[name] = split_units(name)
                    if len(offices) > 1:
                        at = text.find(name)
                        said.append(Message("{source}: line {line}: tasks[{i}] (task {code}).lines[{j}].{key}[{k}]: {name!r} "
                                            "names {n} offices: write one per entry, {entries} (read as one unit)",
                                            source=source, line=text.count("\n", 0, at) + 1 if at >= 0 else "?", i=i,
                                            code=task.code, j=j, key=key, k=k, name=name, n=len(offices),
                                            entries=json.dumps(offices, ensure_ascii=False)))
    return said


def far_dues(programme, source: str) -> list[Message]:
    """A task whose deadline, checkpoint or milestone is past dates.dues_limit (the year after the programme's year, or
    its `end`): taken for a mistake (2033-12-31 typed for 2023-12-31), it keeps no window of reports open (review50 F3:
    one such date let every task of the programme take reports for ten years): said, naming the task and the date."""
    from mstrack.domain.dates import ReportWindow, dues_limit

    limit = dues_limit(programme.year, programme.end)
    dues = {task.code: [task.deadline, *(c.due for line in task.lines for c in line.checkpoints),
                        *(m.due for line in task.lines for i in line.indicators for m in i.milestones)]
            for task in programme.tasks}
    window = ReportWindow.of(programme.year, programme.start, programme.end, [day for days in dues.values() for day in days])
    said = []
    for task in programme.tasks:
        days = dues[task.code]
        if far := max((day for day in days if day is not None and day > limit), default=None):
            said.append(Message("{source}: task {code}: {day} is more than a year past the programme's year {year} (a "
                                "typo?): reports to the programme are taken up to {end} all the same; correct the date, "
                                "or give [programme] an `end` if the programme runs that long",
                                source=source, code=task.code, day=far, year=programme.year,
                                end=window.end))
    return said


def late_milestones(programme, source: str) -> list[Message]:
    """A milestone dated after its task's own deadline (trial51 U1): the task is overdue from the deadline on, its
    status never judged against that milestone ("Expected 0个 … overdue"): said, naming the task, the indicator, the
    milestone and the deadline; stored as written (the document may print both dates: a person decides which is meant)."""
    from mstrack.domain.quantities import format_number

    return [Message("{source}: task {code}: indicator {name}'s milestone {due} ({target}) is after the task's deadline "
                    "{deadline}: the task is overdue from {deadline} on, and that milestone never judged; correct the date or "
                    "the deadline", source=source, code=task.code, name=indicator.name, due=milestone.due,
                    target=format_number(milestone.target, indicator.unit), deadline=task.deadline)
            for task in programme.tasks if task.deadline is not None for line in task.lines
            for indicator in line.indicators for milestone in indicator.milestones if milestone.due > task.deadline]


def schedule_ends(programme, source: str) -> list[Message]:
    """An indicator whose first milestone on or after its deadline is below its annual target (trial57 finding 1: a
    revision raised 学位 from 2000 to 2500 and left the milestone 2026-12-31 at 2000; the task read "on track" at 84 % on
    its deadline day): said beside late_milestones, naming the task, the indicator and both numbers; the deadline is
    judged against the target all the same (domain.status.targets_of). Left alone: a ceiling ("<=", it falls to its
    target), a milestone before the deadline (a step on the way: the target is due at the deadline), and one above the
    target (a document's own stretch, yantian-2023's 招聘会 30 of 20: the task is done once the target is met)."""
    from mstrack.domain.quantities import format_number
    from mstrack.vocabulary import AT_MOST

    said = []
    for task in programme.tasks:
        deadline = task.deadline or programme.end
        for line in task.lines:
            for indicator in line.indicators:
                dated = [m for m in indicator.milestones if m.target is not None]
                if indicator.target is None or indicator.comparator == AT_MOST or not dated:
                    continue
                # the milestone targets_of judges the deadline by: the first on or after it, not the last
                last = min((m for m in dated if m.due >= deadline), key=lambda m: m.due, default=None)
                if last is not None and last.target < indicator.target:
                    said.append(Message(
                        "{source}: task {code}: indicator {name}'s target is {target} but its schedule ends at {last} on "
                        "{due}: the milestones below the target are judged as written, and {due} against the target; "
                        "raise the milestone to the target, or correct the target", source=source, code=task.code,
                        name=indicator.name, target=format_number(indicator.target, indicator.unit),
                        last=format_number(last.target, indicator.unit), due=last.due))
    return said
