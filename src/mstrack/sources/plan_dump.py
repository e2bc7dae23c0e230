"""A programme written out (docs/format.md): as plain data (plan_to_dict), and as the TOML `export plan` writes,
`import table` writes for review (dump_plan, with its `# check:` comments) and an undo keeps as the plan before it.
sources/plan reads it back. `export plan` heads its file with the plan it was exported from (export_text)."""

from __future__ import annotations

import hashlib
import re

from mstrack.model import STEP, Programme
from mstrack.vocabulary import CHECK_COMMENT

FORMAT_VERSION = 1
"""The plan format's version, written as `format` and the one sources/plan reads."""


def _clean(table: dict) -> dict:
    """Drop empty optional keys so export is stable and short."""
    return {key: value for key, value in table.items() if value not in (None, "", [])}


def plan_to_dict(programme: Programme) -> dict:
    head = _clean({
        "code": programme.code, "name": programme.name, "year": programme.year,
        "start": programme.start.isoformat(), "end": programme.end.isoformat(),
        "source": programme.source, "reading": programme.reading,
        "rule": programme.rule if programme.rule != STEP else None, "note": programme.note,
    })
    tasks = []
    for task in programme.tasks:
        lines = []
        for line in task.lines:
            indicators = [
                _clean({
                    "name": ind.name, "unit": ind.unit, "comparator": ind.comparator,
                    "target": ind.target, "text": ind.text, "reading": ind.reading,
                    "milestones": [
                        _clean({"due": ms.due.isoformat(), "target": ms.target,
                                "printed": ms.printed, "text": ms.text})
                        for ms in ind.milestones
                    ],
                    "reports": [
                        _clean({"as_of": r.as_of.isoformat(), "value": r.value, "note": r.note})
                        for r in ind.reports
                    ],
                })
                for ind in line.indicators
            ]
            lines.append(_clean({
                "leader": line.leaders, "lead_units": line.lead_units, "units": line.units,
                "checkpoints": [
                    _clean({"due": cp.due.isoformat(), "label": cp.label, "text": cp.text})
                    for cp in line.checkpoints
                ],
                "indicators": indicators,
                "reports": [
                    _clean({"as_of": r.as_of.isoformat(), "value": r.value, "note": r.note}) for r in line.reports
                ],
            }))
        tasks.append(_clean({
            "code": task.code, "area": task.area, "title": task.title,
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "deadline_text": task.text.deadline_text, "note": task.note, "assessment": task.text.assessment,
            "problems": task.text.problems, "progress": task.text.progress,
            "next_steps": task.text.next_steps, "links": task.links, "lines": lines,
        }))
    return {
        "format": FORMAT_VERSION,
        "programme": head,
        "areas": [
            _clean({"code": a.code, "name": a.name, "text": a.text, "declared_tasks": a.declared_tasks})
            for a in programme.areas
        ],
        "tasks": tasks,
    }


def dump_plan(programme: Programme, comments: dict[tuple, str] | None = None) -> str:
    """The plan as TOML. `comments` given (import table's file, for the person who reviews a converted table): each
    indicator is a `[[tasks.lines.indicators]]` table of its own (REVIEW_TABLES), and "# check: …" follows the line
    of (task, line, indicator, key), indexes from 0 and None above that level."""
    import tomli_w

    if comments is None:  # export plan's and a batch's plan before: the bytes their digests name (plan_digest)
        return tomli_w.dumps(plan_to_dict(programme), multiline_strings=False)
    return _annotated(_review_toml(plan_to_dict(programme)), comments)


REVIEW_TABLES = ("tasks", "tasks.lines", "tasks.lines.indicators")
"""The arrays import table's file writes as `[[…]]` tables, whatever their length: tomli_w writes a short indicator
inline (`indicators = [ { name = … } ]`), where TOML lets no `[[tasks.lines.indicators.milestones]]` table be added
(trial59 finding 1: "Cannot mutate immutable namespace"); as a table, adding one under it as docs/import-table.md
("After the reading") says is valid."""


def _review_toml(table: dict, name: str = "") -> str:
    """The table at `name` as tomli_w writes it, but for its REVIEW_TABLES arrays, each entry a `[[…]]` table after it."""
    import tomli_w

    nested = {key: rows for key, rows in table.items() if f"{name}.{key}".lstrip(".") in REVIEW_TABLES}
    own = {key: value for key, value in table.items() if key not in nested}
    if not name:
        text = tomli_w.dumps(own, multiline_strings=False)
    else:  # under its full name, so that a sub-table tomli_w writes (a long checkpoint) is named from the root
        wrapped = own
        for part in reversed(name.split(".")):
            wrapped = {part: wrapped}
        text = tomli_w.dumps(wrapped, multiline_strings=False)
        text = f"[[{name}]]\n" + text.removeprefix(f"[{name}]\n")
    for key, rows in nested.items():
        text += "".join("\n" + _review_toml(row, f"{name}.{key}".lstrip(".")) for row in rows)
    return text


EXPORTED = re.compile(r"# exported from (\S+) as plan ([0-9a-f]{16})\b")
"""The first line `export plan` writes (export_text): the programme and the digest of the plan as the store held it."""


def plan_digest(text: str) -> str:
    """What names a plan as dump_plan wrote it (an export's, or the plan a batch kept as the one before it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def export_text(programme: Programme) -> str:
    """The plan as `export plan` writes it: dump_plan's TOML after a comment naming the plan it was exported from
    (EXPORTED), which `import plan` checks against the plan imports made since (docs/format.md). The digest is of the
    plan itself, not of the store or a batch: the same plan exported from any store is the same bytes."""
    text = dump_plan(programme)
    return (f"# exported from {programme.code} as plan {plan_digest(text)}: keep this line (`import plan` checks it "
            f"against the plan imports made since, docs/format.md)\n{text}")


def exported_from(head: str) -> tuple[str, str] | None:
    """(programme code, plan digest) of a plan file's leading comments (export_text's line), None if it has none:
    a plan written by hand or by `import table`."""
    for row in head.splitlines():
        if not row.strip():
            continue
        if not row.startswith("#"):
            return None
        if found := EXPORTED.match(row):
            return found[1], found[2]
    return None


def _annotated(text: str, comments: dict[tuple, str]) -> str:
    """Follow the TOML's sections to know which task, line and indicator each key line belongs to."""
    at = [-1, -1, -1]
    out = []
    inline = -1  # indicators written inline (`indicators = [ { name = … }, ]`): the one on this row
    for row in text.split("\n"):
        level = {"[[tasks]]": 0, "[[tasks.lines]]": 1, "[[tasks.lines.indicators]]": 2}.get(row)
        key = None
        if level is not None:
            at[level] += 1
            at[level + 1:] = [-1] * (2 - level)
        elif m := re.match(r"^(\w+) = ", row):  # before the first task: the programme's own keys (None, None, None, key)
            key = (at[0] if at[0] >= 0 else None, at[1] if at[1] >= 0 else None, at[2] if at[2] >= 0 else None, m[1])
            inline = 0 if m[1] == "indicators" and at[2] < 0 else -1
        elif inline >= 0 and (m := re.match(r"^\s+\{ (\w+) = ", row)):
            key, inline = (at[0], at[1], inline, m[1]), inline + 1
        if key in comments:
            row += f"  {CHECK_COMMENT} " + re.sub(r"\s+", " ", str(comments[key]))
        out.append(row)
    return "\n".join(out)
