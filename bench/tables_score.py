#!/usr/bin/env python3
"""How many facts of unseen published tables `mstrack import table` reads right (issue 13).

    .venv/bin/python bench/tables_score.py              # facts right / facts total, per file and in total
    .venv/bin/python bench/tables_score.py --verbose    # and each missed or invented fact
    .venv/bin/python bench/tables_score.py --json       # the same as JSON (what tests/test_tables_score.py reads)
    .venv/bin/python bench/tables_score.py FILE ...     # only these files of tests/data/tables/

Each table in tests/data/tables/ has a careful human reading beside it (<file>.expected.json). The
table is converted in-process by the entry point `mstrack import table` uses (convert_table), and
the conversion is compared fact by fact with the reading. The rules are in tests/data/tables/README.md;
in short: a task counts under its own number and title (whitespace ignored), its lead units and its
other units as two sets, its deadline, each annual target (number and unit of measure, the unit's
scales — 万, 亿, 千万 … — folded), each dated checkpoint (date and number), and every indicator, numbered checkpoint or task
the reading does not have is one more wrong fact. A file the reader cannot read at all scores 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

TABLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "tables"
EXPECTED_SUFFIX = ".expected.json"
FLOORS = TABLES / "floors.json"  # each file's facts right (a floor) and invented (a ceiling) when last recorded:
# tests/test_tables_score.py holds them
PLACEHOLDER_UNITS = {"（表中未列）"}  # the converter's words for "the table names no unit"
TRADITIONAL_SCALES = str.maketrans({"萬": "万", "億": "亿"})  # a scale printed in traditional characters


@dataclass(kw_only=True)
class Score:
    file: str
    right: int = 0
    total: int = 0
    error: str | None = None
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    def add(self, right: bool, fact: str, invented: bool = False) -> None:
        """One fact: right, missed, or (invented=True) one the document does not have."""
        self.total += 1
        if right:
            self.right += 1
        else:
            (self.invented if invented else self.missed).append(fact)

    def as_dict(self) -> dict:
        return {"file": self.file, "right": self.right, "total": self.total, "error": self.error,
                "missed": self.missed, "invented": self.invented}


def expected_files(directory: Path = TABLES) -> list[Path]:
    """The tables that have a reading beside them, in name order."""
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.endswith(EXPECTED_SUFFIX)
                  and p.with_name(p.name + EXPECTED_SUFFIX).exists())


def load_expected(table: Path) -> dict:
    return json.loads(table.with_name(table.name + EXPECTED_SUFFIX).read_text(encoding="utf-8"))


# --- normalisation -----------------------------------------------------------------------------


def squeeze(text: str | None) -> str:
    """Text compared without any whitespace (line breaks inside a cell, full-width spaces)."""
    return re.sub(r"\s+", "", text or "")


def measure(number: float | int | None, unit: str | None) -> tuple[float | None, str]:
    """(number, unit) with each scale leading the unit folded into the number, the scales a unit may open with in
    mstrack's own reading (domain/quantities: 万亿, 千万, 百万, 亿, 万; 萬 and 億 too; 千 alone opens 千米 and 千瓦, units
    of their own): 5.2 万人 = 52000 人, 1 万亿元 = 10^12 元, 1.2 千万元 = 12000000 元."""
    from mstrack.domain.quantities import SCALES, UNIT_SCALE_ALT

    unit = squeeze(unit)
    while number is not None and (m := re.match(UNIT_SCALE_ALT, unit.translate(TRADITIONAL_SCALES))) and len(unit) > len(m[0]):
        number, unit = number * float(SCALES[m[0]]), unit[len(m[0]):]
    return number, unit


def same_number(a: float | int | None, b: float | int | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def unit_names(names) -> set[str]:
    return {squeeze(n) for n in names if squeeze(n) and n not in PLACEHOLDER_UNITS}


# --- the converted side ------------------------------------------------------------------------


@dataclass(kw_only=True)
class Read:
    """What the conversion says about one task, in the terms of the reading."""

    title: str
    lead_units: set[str]
    units: set[str]
    deadline: date | None
    targets: list[tuple[str, float | None, str]]  # (indicator name, target, unit)
    milestones: list[tuple[date, float | None, str]]  # (due, target, indicator name)
    checkpoints: list[date]


def read_programme(programme) -> dict[str, Read]:
    """A converted programme, task by task (code → Read)."""
    result = {}
    for task in programme.tasks:
        leads = unit_names(u for line in task.lines for u in line.lead_units)
        others = unit_names(u for line in task.lines for u in line.units) - leads
        targets, milestones, checkpoints = [], [], []
        for line in task.lines:
            checkpoints += [c.due for c in line.checkpoints]
            for indicator in line.indicators:
                number, unit = measure(indicator.target, indicator.unit)
                if number is not None:
                    targets.append((indicator.name, number, unit))
                for m in indicator.milestones:
                    milestones.append((m.due, measure(m.target, indicator.unit)[0], indicator.name))
        result[task.code] = Read(title=task.title, lead_units=leads, units=others, deadline=task.deadline, targets=targets,
                                 milestones=milestones, checkpoints=checkpoints)
    return result


# --- comparison --------------------------------------------------------------------------------


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _fmt(number) -> str:
    if number is None:
        return "—"
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def compare(expected: dict, converted: dict[str, Read], score: Score) -> None:
    """Add the facts of the reading to the score, right or missed, then what the conversion invented."""
    year_end = date(expected["year"], 12, 31)
    for task in expected["tasks"]:
        code = str(task["code"])
        got = converted.get(code)
        where = f"task {code}"
        _compare_task(task, got, score, where)
        targets = _compare_targets(task, got, score, where)
        left = _compare_checkpoints(task, got, score, where)
        if got is not None:
            _invented(targets, left, {_iso(task.get("deadline")) or year_end, year_end}, score, where)
    codes = {str(task["code"]) for task in expected["tasks"]}
    for code, got in converted.items():
        if code not in codes:
            score.add(False, f"task {code}: {got.title!r} is no task of the table", invented=True)
            for name, number, unit in got.targets:
                score.add(False, f"task {code}: indicator {name!r} {_fmt(number)} {unit}", invented=True)


def _compare_task(task: dict, got: Read | None, score: Score, where: str) -> None:
    """The task itself (number and title), its lead units, its other units and its deadline."""
    score.add(got is not None and squeeze(got.title) == squeeze(task["title"]),
              f"{where}: title {task['title']!r}" + (f" read as {got.title!r}" if got else " (no such task)"))
    leads = unit_names(task.get("lead_units", []))
    score.add(got is not None and got.lead_units == leads,
              f"{where}: lead units {sorted(leads)}" + (f" read as {sorted(got.lead_units)}" if got else ""))
    units = unit_names(task.get("units", []))
    if units:
        score.add(got is not None and got.units == units,
                  f"{where}: units {sorted(units)}" + (f" read as {sorted(got.units)}" if got else ""))
    elif got is not None and got.units:
        score.add(False, f"{where}: units {sorted(got.units)} (the table names none)", invented=True)
    deadline = _iso(task.get("deadline"))
    if deadline is not None:
        score.add(got is not None and got.deadline == deadline,
                  f"{where}: deadline {deadline}" + (f" read as {got.deadline}" if got else ""))


def _compare_targets(task: dict, got: Read | None, score: Score, where: str) -> tuple[list, list]:
    """Each annual target against the task's indicators; returns (matched numbers, indicators left over)."""
    free = list(got.targets) if got else []
    matched = []
    for target in task.get("targets", []):
        number, unit = measure(target["target"], target.get("unit", ""))
        hit = next((t for t in free if same_number(t[1], number) and t[2] == unit), None)
        if hit:
            free.remove(hit)
            matched.append(number)
        score.add(hit is not None, f"{where}: target {target.get('name', '')} {_fmt(number)} {unit}")
    return matched, free


def _compare_checkpoints(task: dict, got: Read | None, score: Score, where: str) -> tuple[list, list]:
    """Each dated checkpoint against the task's milestones (with a number) or checkpoints (words only);
    returns the milestones and the checkpoint dates left over."""
    milestones = list(got.milestones) if got else []
    checkpoints = list(got.checkpoints) if got else []
    for checkpoint in task.get("checkpoints", []):
        due, number = _iso(checkpoint["due"]), checkpoint.get("target")
        if number is not None:
            number = measure(number, checkpoint.get("unit", ""))[0]
            hit = next((m for m in milestones if m[0] == due and same_number(m[1], number)), None)
            if hit:
                milestones.remove(hit)
        else:
            hit = due if due in checkpoints else None
        if due in checkpoints:
            checkpoints.remove(due)
        score.add(hit is not None, f"{where}: checkpoint {due} {_fmt(number)} {checkpoint.get('text', '')}".rstrip())
    expected_dates = {_iso(c["due"]) for c in task.get("checkpoints", [])}
    return milestones, [d for d in checkpoints if d not in expected_dates]


def _invented(targets: tuple[list, list], left: tuple[list, list], restated: set[date], score: Score, where: str) -> None:
    """What the reading does not have: each indicator with a target; each numbered milestone except the
    annual target restated at the deadline or the year's end; each other date the task is given."""
    matched, free = targets
    milestones, dates = left
    for name, number, unit in free:
        score.add(False, f"{where}: indicator {name!r} {_fmt(number)} {unit}", invented=True)
    annual = matched + [t[1] for t in free]
    judged = set()
    for due, number, name in milestones:
        if number is None or (due in restated and any(same_number(number, t) for t in annual)):
            continue
        judged.add(due)
        score.add(False, f"{where}: checkpoint {due} {_fmt(number)} ({name})", invented=True)
    for due in sorted(set(dates) - restated - judged):
        score.add(False, f"{where}: checkpoint {due} (words only)", invented=True)


def expected_total(expected: dict) -> int:
    """The number of facts in a reading (what a perfect conversion scores)."""
    return sum(2 + bool(unit_names(t.get("units", []))) + bool(t.get("deadline")) + len(t.get("targets", []))
               + len(t.get("checkpoints", [])) for t in expected["tasks"])


def score_file(table: Path) -> Score:
    """Convert one table as `mstrack import table` does and compare it with its reading."""
    from mstrack.sources.table import convert_table

    expected = load_expected(table)
    score = Score(file=table.name)
    try:
        conversion = convert_table(table, expected["programme"], expected["year"], expected.get("sheet"))
    except Exception as error:  # noqa: BLE001 - an unreadable file scores 0 of its facts, with the reason
        reason = str(error).splitlines()[0].replace(str(table), table.name) if str(error) else ""
        score.error = f"{type(error).__name__}: {reason}"
        score.total = expected_total(expected)
        return score
    compare(expected, read_programme(conversion.programme), score)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="table files (default: every table in tests/data/tables/ with a reading)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list each missed or invented fact")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--raise-floors", action="store_true",
                        help=f"record today's scores in {FLOORS.name} where they are better: more facts right, fewer invented "
                             "(a floor never goes down, a ceiling never up)")
    args = parser.parse_args(argv)
    tables = [Path(f) if Path(f).exists() else TABLES / f for f in args.files] if args.files else expected_files()
    scores = [score_file(t) for t in tables]
    right, total = sum(s.right for s in scores), sum(s.total for s in scores)
    if args.raise_floors:
        floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
        for s in scores:
            floor = floors.get(s.file, {"right": 0, "invented": len(s.invented)})
            floors[s.file] = {"right": max(floor["right"], s.right), "invented": min(floor["invented"], len(s.invented))}
        FLOORS.write_text(json.dumps(dict(sorted(floors.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({"files": [s.as_dict() for s in scores], "right": right, "total": total}, ensure_ascii=False, indent=1))
        return 0
    width = max([len(s.file) for s in scores] + [5])
    for s in scores:
        share = f"{100 * s.right / s.total:5.1f} %" if s.total else "    —"
        print(f"{s.file:<{width}}  {s.right:4d} / {s.total:<4d} {share}" + (f"   not read: {s.error}" if s.error else ""))
        if args.verbose:
            for line in s.missed:
                print(f"    missed    {line}")
            for line in s.invented:
                print(f"    invented  {line}")
    share = f"{100 * right / total:5.1f} %" if total else "    —"
    print(f"{'total':<{width}}  {right:4d} / {total:<4d} {share}")
    return 0


if __name__ == "__main__":
    src = Path(__file__).resolve().parent.parent / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))
    sys.exit(main())
