"""Programme definitions read from their TOML form (docs/format.md); written out by sources/plan_dump.

Sources are validated here, before anything reaches the store: a plan either loads whole or
fails with every problem named by file and key.
"""

from __future__ import annotations

import re
import sys
import tomllib
from datetime import date
from pathlib import Path

from mstrack.domain import unique
from mstrack.domain.limits import MAX_PLAN_BYTES, all_storable
from mstrack.domain.names import look_alike, plain_name
from mstrack.domain.reasons import toml_reason
from mstrack.errors import InputError, Message
from mstrack.model import (
    COMPARATORS,
    CUMULATIVE,
    EQUAL,
    INCREMENT,
    INDICATOR_READINGS,
    READINGS,
    RULES,
    STEP,
    TASK_TEXT,
    Area,
    Checkpoint,
    Indicator,
    Line,
    Milestone,
    PlanReport,
    Programme,
    Task,
    TaskText,
)
from mstrack.sources.files import CONTENT_NAMES, cannot_read, check_file_size, table_kind
from mstrack.sources.plan_dump import FORMAT_VERSION, exported_from
from mstrack.sources.plan_reader import PlanReader
from mstrack.vocabulary import placeholder

CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REF_RE = re.compile(r"^[a-z0-9][a-z0-9-]*/[^/\s]+$")
CHECKPOINTS_DISORDERED = Message("checkpoints must be in date order, one per date")
MILESTONES_DISORDERED = Message("milestones must be in date order, one per date")
MAX_DEPTH = 20
"""Tables and arrays nested deeper than this are refused: a plan nests seven deep (tasks, lines,
indicators, milestones), and deeper values would only exhaust the recursion of whatever prints them."""


def plan_from_dict(data: dict, source: str, *, kept: bool = False) -> Programme:
    """Validate a parsed plan; raise InputError listing every problem. `kept`: a plan the store kept (the one an
    undo puts back), read as it was stored: a year outside its dates, refused since safe37b, included."""
    reader = PlanReader(source)
    reader.kept = kept
    programme = _read_plan(reader, data, source)
    if not all_storable(reader.read):  # one text or more cannot be stored: walked again to name each at its key
        reader = PlanReader(source, one_by_one=True)
        reader.kept = kept
        programme = _read_plan(reader, data, source)
    if reader.errors:
        raise InputError(reader.errors)
    return programme


def _read_plan(reader: PlanReader, data: dict, source: str) -> Programme:
    reader.known_keys(data, "", "")
    fmt = data.get("format", FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        reader.fail("format", "this mstrack reads format {version}, the file says {found!r}",
                    version=FORMAT_VERSION, found=fmt)
    head = data.get("programme")
    if not isinstance(head, dict):
        raise InputError("{source}: [programme]: missing table", source=source)
    programme = _read_programme(reader, head)
    year = programme.year or None
    programme.areas.extend(_read_areas(reader, data))
    area_codes = [area.code for area in programme.areas]
    seen_tasks: dict[str, str] = {}  # each code by the key it reads alike by (names.look_alike)
    for i, raw in enumerate(reader.tables(data, "tasks", "")):
        programme.tasks.append(_read_task(reader, raw, i, seen_tasks, area_codes, year, programme.reading))
    return programme


def _read_programme(reader: PlanReader, head: dict) -> Programme:
    """The [programme] table: a year that is not one reads as 0, and the dates then as date.min/max."""
    reader.known_keys(head, "programme", "programme")
    code = reader.text(head, "code", "programme") or ""
    if code and not CODE_RE.match(code):
        reader.fail("programme.code", "{code!r}: use lowercase letters, digits and '-'", code=code)
    name = reader.text(head, "name", "programme") or ""
    year = head.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200:
        reader.fail("programme.year", "expected a year such as 2023, got {year!r}", year=year)
        year = None
    start = reader.day(head, "start", "programme", year, False) or (date(year, 1, 1) if year else None)
    end = reader.day(head, "end", "programme", year, False) or (date(year, 12, 31) if year else None)
    if start and end and end < start:
        reader.fail("programme.end", "{end} is before start {start}", end=end, start=start)
    elif year and start and end and not start.year <= year <= end.year and not reader.kept:  # its dates would be read in another year
        reader.fail("programme.year", "{year} of programme {code!r} lies outside its start {start} and end {end}: "
                    "correct the year or the dates; a plan written by import table: run it again with --year {year}",
                    year=year, code=code, start=start, end=end)
    reading = _choice(reader, head, "reading", "programme", READINGS, CUMULATIVE)
    rule = _choice(reader, head, "rule", "programme", RULES, STEP)
    return Programme(
        code=code, name=name, year=year or 0, start=start or date.min, end=end or date.max,
        source=reader.text(head, "source", "programme", False), reading=reading,
        note=reader.text(head, "note", "programme", False), rule=rule,
    )


def _choice(reader: PlanReader, table: dict, key: str, path: str, choices: tuple[str, ...], default: str | None):
    """One word of a fixed set; a missing key reads as `default` (None: no word, allowed)."""
    value = table.get(key, default)
    if value not in (*choices, default):
        reader.fail(f"{path}.{key}", "expected one of {choices}, got {value!r}", choices=", ".join(choices), value=value)
    return value


def _read_areas(reader: PlanReader, data: dict) -> list[Area]:
    areas = []
    for i, raw in enumerate(reader.tables(data, "areas", "")):
        path = f"areas[{i}]"
        reader.known_keys(raw, "area", path)
        declared = raw.get("declared_tasks")
        if declared is not None and (not isinstance(declared, int) or isinstance(declared, bool) or declared < 0):
            reader.fail(path + ".declared_tasks", "expected a count of tasks, got {value!r}", value=declared)
            declared = None
        areas.append(Area(
            code=reader.text(raw, "code", path) or "", name=reader.text(raw, "name", path) or "",
            text=reader.text(raw, "text", path, False), declared_tasks=declared,
        ))
    codes = [area.code for area in areas]
    if len(set(codes)) != len(codes):
        reader.fail("areas", "two areas share a code")
    return areas


def _read_task(reader: PlanReader, raw: dict, i: int, seen_tasks: dict[str, str], area_codes: list[str], year: int | None,
               default_reading: str) -> Task:
    reader.known_keys(raw, "task", f"tasks[{i}]")
    task_code = _read_task_code(reader, raw, f"tasks[{i}]", seen_tasks)
    path = f"tasks[{i}] (task {task_code})"
    area = raw.get("area")
    if area is not None and str(area) not in area_codes:
        reader.fail(path + ".area", "no area with code {area!r}", area=area)
    deadline = reader.day(raw, "deadline", path, year, False)
    links = reader.texts(raw, "links", path)
    for link in links:
        if not REF_RE.match(link):
            reader.fail(path + ".links", "{link!r}: expected PROGRAMME/CODE, for example shenzhen-2023/28", link=link)
    task = Task(
        code=task_code, title=reader.text(raw, "title", path) or "",
        area=str(area) if area is not None else None, deadline=deadline,
        note=reader.text(raw, "note", path, False),
        text=TaskText(**{name: reader.text(raw, name, path, False) for name in TASK_TEXT}),
        links=links,
    )
    lines = reader.tables(raw, "lines", path)
    if not lines:
        reader.fail(path + ".lines", "a task needs at least one line")
    for j, raw_line in enumerate(lines):
        task.lines.append(_read_line(reader, raw_line, f"{path}.lines[{j}]", year, default_reading))
    names = [ind.name for line in task.lines for ind in line.indicators]
    for duplicate in sorted({n for n in names if names.count(n) > 1}):
        reader.fail(path, "indicator name {name!r} is used twice; names are unique per task", name=duplicate)
    return task


def _read_task_code(reader: PlanReader, raw: dict, path: str, seen_tasks: dict[str, str]) -> str:
    """The document's task number (a TOML integer reads as its text); "" when it is not one."""
    task_code = raw.get("code")
    if isinstance(task_code, int) and not isinstance(task_code, bool):
        task_code = str(task_code)
    if not isinstance(task_code, str) or not task_code.strip() or "/" in task_code:
        reader.fail(path + ".code", "expected the document's task number, got {value!r}", value=task_code)
        task_code = ""
    elif problem := reader.check(task_code):
        reader.fail(path + ".code", problem)
        task_code = ""
    if not task_code:
        return task_code
    key = task_code if reader.kept else look_alike(task_code)
    other = seen_tasks.get(key)
    if other is None:
        seen_tasks[key] = task_code
    elif other == task_code:
        reader.fail(path + ".code", "task {code} appears twice", code=task_code)
    else:
        reader.fail(path + ".code", "task {code!r} reads alike task {other!r} of this plan (spaces, full-width or traditional "
                    "characters apart): give them codes that differ", code=task_code, other=other)
    return _plain(reader, task_code)  # as every write stores it and every lookup takes it


def _read_line(reader: PlanReader, raw: dict, path: str, year: int | None, default_reading: str) -> Line:
    reader.known_keys(raw, "line", path)
    line = Line(
        leaders=reader.texts(raw, "leader", path),
        lead_units=_units(reader, raw, "lead_units", path),
        units=_units(reader, raw, "units", path),
    )
    if not line.lead_units:
        reader.fail(path + ".lead_units", "a line needs a lead unit (牵头单位)")
    line.checkpoints.extend(_read_checkpoints(reader, raw, path, year))
    for k, raw_ind in enumerate(reader.tables(raw, "indicators", path)):
        line.indicators.append(_read_indicator(reader, raw_ind, f"{path}.indicators[{k}]", year, default_reading))
    line.reports = _read_reports(reader, raw, path, year)
    _check_line_reports(reader, line, path)
    return line


def _plain(reader: PlanReader, name: str) -> str:
    """A code or a name as every write stores it (names.plain_name); one the store kept as it was stored (an
    indicator's name never had outer spaces)."""
    return name if reader.kept else plain_name(name)


def _units(reader: PlanReader, raw: dict, key: str, path: str) -> list[str]:
    """A line's units as stored (names.plain_name); two names of one plan that read alike (names.look_alike) refused,
    naming both: one office named two ways would be two units, each with half its tasks."""
    names = reader.texts(raw, key, path)
    if reader.kept:
        return names
    names = [plain_name(name) for name in names]
    for index, name in enumerate(names):
        if name in reader.unit_names:  # met already (an office leads many tasks): look_alike once a name, not once a row
            continue
        other = reader.units.setdefault(look_alike(name), name)
        if other != name:
            reader.fail(f"{path}.{key}[{index}]", "unit {name!r} reads alike unit {other!r} of this plan (spaces, full-width "
                        "or traditional characters apart): name the office one way", name=name, other=other)
        else:
            reader.unit_names.add(name)
    return names


def as_stored(plans: list[tuple[Path, Programme]], units: list[str], refs: list[str],
              used: dict[str, list[str]], demo: set[str]) -> list[Message]:
    """The plans' codes and units met with the store's (units: every unit's name; refs: every task's PROGRAMME/CODE;
    used: the units some programme's tasks name, with those programmes' codes; demo: the programmes the demo loaded).
    A name the store keeps with outer spaces or in another form of its characters (a store written before names were
    stored plain: names.plain_name) is taken as the store spells it, nothing renamed; one that reads alike a unit some
    stored programme uses, of another name (names.look_alike), is refused naming both and where the other is used:
    imported, one office would be two units, `status --unit` and the units' ranking each seeing half of it. A unit no
    programme uses (left by an undone import) refuses nothing; one only the demo's programmes use says how to keep the
    demo apart (newcomer49 N1). The problems, each naming the file."""
    spelt = _spellings(units)
    alike = {look_alike(name): name for name in used}
    codes: dict[str, list[str]] = {}
    for ref in refs:
        programme, _, code = ref.partition("/")
        codes.setdefault(programme, []).append(code)
    problems = []
    for path, programme in plans:
        stored_codes = _spellings(codes.get(programme.code, []))
        for task in programme.tasks:
            task.code = stored_codes.get(task.code, task.code)
            for line in task.lines:
                line.lead_units[:] = [spelt.get(name, name) for name in line.lead_units]
                line.units[:] = [spelt.get(name, name) for name in line.units]
        for name in unique(name for task in programme.tasks for line in task.lines for name in (*line.lead_units, *line.units)):
            other = alike.get(look_alike(name))
            if other is None or other == name:
                continue
            where = ", ".join(used[other])
            if demo.issuperset(used[other]) and programme.code not in demo:
                problems.append(Message("{path}: unit {name!r} reads alike unit {other!r} of the demo's {where} (spaces, "
                                        "full-width or traditional characters apart): the demo belongs in a store of its "
                                        "own: import into another with --db FILE, or take the demo out of this one "
                                        "(`mstrack batches`, then `mstrack undo BATCH` for each of its batches)",
                                        path=path, name=name, other=other, where=where))
            else:
                problems.append(Message("{path}: unit {name!r} reads alike unit {other!r} the store holds, in {where} "
                                        "(spaces, full-width or traditional characters apart): name the office as the "
                                        "store does", path=path, name=name, other=other, where=where))
    return problems


def _spellings(names: list[str]) -> dict[str, str]:
    """Each stored name by its plain form (names.plain_name), where that is not the name itself and no stored name is
    that plain form: the spelling a plan's plain name is taken as."""
    stored = set(names)
    return {plain: name for name in names if (plain := plain_name(name)) != name and plain not in stored}


def _read_checkpoints(reader: PlanReader, raw: dict, path: str, year: int | None) -> list[Checkpoint]:
    def checkpoint(raw_cp: dict, cp_path: str) -> Checkpoint:
        due = reader.day(raw_cp, "due", cp_path, year, True)
        return Checkpoint(
            due=due or date.min,
            label=reader.text(raw_cp, "label", cp_path, False) or "",
            text=reader.text(raw_cp, "text", cp_path, False) or "",
        )

    return _read_dated(reader, raw, "checkpoint", path, checkpoint, CHECKPOINTS_DISORDERED)


def _read_dated(reader: PlanReader, table: dict, kind: str, path: str, read, disorder: Message) -> list:
    """A line's checkpoints or an indicator's milestones: tables with a due date, in date order, one per date."""
    items = []
    for k, raw in enumerate(reader.tables(table, kind + "s", path)):
        item_path = f"{path}.{kind}s[{k}]"
        reader.known_keys(raw, kind, item_path)
        items.append(read(raw, item_path))
    dues = [item.due for item in items]
    if dues != sorted(set(dues)):
        reader.fail(f"{path}.{kind}s", disorder)
    return items


def _read_indicator(reader: PlanReader, raw_ind: dict, ind_path: str, year: int | None, default_reading: str) -> Indicator:
    reader.known_keys(raw_ind, "indicator", ind_path)
    comparator = _choice(reader, raw_ind, "comparator", ind_path, COMPARATORS, EQUAL)
    reading = _choice(reader, raw_ind, "reading", ind_path, INDICATOR_READINGS, None)
    indicator = Indicator(
        name=_plain(reader, reader.text(raw_ind, "name", ind_path) or "").strip(),
        unit=reader.text(raw_ind, "unit", ind_path, False) or "",
        comparator=comparator, target=reader.number(raw_ind, "target", ind_path),
        text=reader.text(raw_ind, "text", ind_path, False) or "", reading=reading,
    )
    indicator.milestones.extend(_read_milestones(reader, raw_ind, ind_path, year))
    if (reading or default_reading) == INCREMENT:
        _check_running_sums(reader, indicator, ind_path)
    indicator.reports = _read_reports(reader, raw_ind, ind_path, year, indicator)
    return indicator


def _read_milestones(reader: PlanReader, raw_ind: dict, ind_path: str, year: int | None) -> list[Milestone]:
    def milestone(raw_ms: dict, ms_path: str) -> Milestone:
        return Milestone(
            due=reader.day(raw_ms, "due", ms_path, year, True) or date.min,
            target=reader.number(raw_ms, "target", ms_path),
            printed=reader.number(raw_ms, "printed", ms_path),
            text=reader.text(raw_ms, "text", ms_path, False),
        )

    return _read_dated(reader, raw_ind, "milestone", ind_path, milestone, MILESTONES_DISORDERED)


def _check_line_reports(reader: PlanReader, line: Line, path: str) -> None:
    """A text-only line's reports count checkpoints met: a whole number, at most how many it has."""
    if line.reports and line.indicators:
        reader.fail(path + ".reports", "only a text-only line carries reports; put them on its indicators")
    most = max(1, len(line.checkpoints))  # a line without checkpoints has one: its deadline
    for r, report in enumerate(line.reports):
        if report.value != int(report.value) or not 1 <= report.value <= most:
            reader.fail(f"{path}.reports[{r}].value", "expected how many checkpoints were met, 1 to {most}", most=most)


def _read_reports(reader: PlanReader, table: dict, path: str, year: int | None,
                  indicator: Indicator | None = None) -> list[PlanReport]:
    """A line's or an indicator's reports; an indicator's value a whole count where its unit counts whole things,
    as `log` and `import progress` hold it (domain/progress.check_whole)."""
    reports = []
    for r, raw in enumerate(reader.tables(table, "reports", path)):
        report_path = f"{path}.reports[{r}]"
        reader.known_keys(raw, "report", report_path)
        as_of = reader.day(raw, "as_of", report_path, year, True)
        value = reader.number(raw, "value", report_path)
        if value is None and "value" not in raw:
            reader.fail(report_path + ".value", "missing")
        elif value is not None and indicator is not None:
            from mstrack.domain.progress import check_whole  # a plan with reports only

            try:
                check_whole(str(value), value, indicator.unit, indicator.name)
            except InputError as error:
                reader.fail(report_path + ".value", error)
                continue
        if as_of and any(report.as_of == as_of for report in reports):  # one value a day, as export plan writes it back
            reader.fail(report_path + ".as_of", "a report of {as_of} is given already: one report a date", as_of=as_of)
        elif as_of and value is not None:
            reports.append(PlanReport(as_of=as_of, value=value, note=reader.text(raw, "note", report_path, False)))
    return reports


def _check_running_sums(reader: PlanReader, indicator: Indicator, path: str) -> None:
    """Per-period amounts: each milestone's target must be the running sum of what is printed."""
    total = 0
    for m, milestone in enumerate(indicator.milestones):
        if milestone.printed is None:
            if milestone.target is not None:
                reader.fail(f"{path}.milestones[{m}].printed", "an increment reading needs the number as printed")
            continue
        total += milestone.printed
        if milestone.target is None or abs(milestone.target - total) > 1e-6 * max(1, abs(total)):
            reader.fail(f"{path}.milestones[{m}].target", "expected the running sum {total}, got {target}", total=total,
                        target=milestone.target)


def load_plan(path: Path, doubts: list[tuple[int, str, str]] | None = None, notes: list | None = None) -> Programme:
    """Read and validate one plan file; InputError names the file, the line or the key. `doubts`: given, the `# check:`
    comments import table wrote and the file still holds are put in it (doubts_left); `notes`: what the plan says
    that may not be what was meant (plan_text.several_offices, far_dues, late_milestones, schedule_ends)."""
    if (kind := table_kind(path)) == ".doc":  # WORD_97's "give the .docx" would lead to the refusal below (review53 F5)
        raise InputError("{path}: a plan is a .toml file, and this is a Word 97-2003 document (.doc), which mstrack does not "
                         "read: open it in Word or WPS, save it as .docx (File → Save As → Word Document), then use `mstrack "
                         "import table` on the .docx for the plan file to review", path=path)
    if kind is not None:  # a workbook, a document, a web page, a .csv: not "not UTF-8 text"
        raise InputError("{path}: a plan is a .toml file, and this is {what}; for a published table use `mstrack import table "
                         "{path}`", path=path, what=CONTENT_NAMES.get(kind, kind))
    check_file_size(path, MAX_PLAN_BYTES)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise cannot_read(path, error) from None
    from mstrack.sources.encodings import encoding_of, marked
    from mstrack.sources.plan_text import doubts_left, far_dues, late_milestones, schedule_ends, several_offices, typing_hint

    try:
        if encoding_of(raw[:64]) == "UTF-16":  # with no byte-order mark its ASCII reads as UTF-8, NUL bytes between
            at = 0 if marked(raw) == "utf-16" else raw.index(b"\x00")  # its mark, or its first NUL
            raise UnicodeDecodeError("utf-8", raw, at, at + 1, "UTF-16")
        text = raw.decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        if (encoding := encoding_of(raw)) is None:
            raise InputError("{path}: not UTF-8 text (byte {byte})", path=path, byte=error.start) from None
        raise InputError("{path}: not UTF-8 text (byte {byte}): it reads as {encoding}: save it as UTF-8 (an editor's "
                         "Save As, encoding UTF-8)", path=path, byte=error.start, encoding=encoding) from None
    except tomllib.TOMLDecodeError as error:
        if hint := typing_hint(text, error):
            raise InputError("{path}: not valid TOML: {error}; {hint}", path=path, error=toml_reason(error), hint=hint) from None
        raise InputError("{path}: not valid TOML: {error}", path=path, error=toml_reason(error)) from None
    except RecursionError:
        raise InputError("{path}: not valid TOML: nested more than {depth} levels deep", path=path, depth=MAX_DEPTH) from None
    except ValueError:  # Python reads no integer of more than 4300 digits
        raise InputError("{path}: not valid TOML: {error}", path=path,
                         error=Message("an integer of more than {n} digits", n=sys.get_int_max_str_digits())) from None
    if doubts is not None:
        doubts.extend(doubts_left(text))
    try:
        programme = plan_from_dict(data, str(path))
        if notes is not None:
            notes.extend(several_offices(programme, text, str(path)) + far_dues(programme, str(path))
                         + late_milestones(programme, str(path)) + schedule_ends(programme, str(path)))
        return programme
    except (InputError, RecursionError):
        # Only a plan that fails can nest deeper than the format's own tables (a dozen levels): the depth is
        # measured then, to say so first, not on every plan (a walk of every value, a tenth of reading one).
        if _depth(data) > MAX_DEPTH:
            raise InputError("{path}: not valid TOML: nested more than {depth} levels deep", path=path,
                             depth=MAX_DEPTH) from None
        raise


def placeholder_tasks(programme: Programme) -> list[str]:
    """The codes of the tasks a line of which has import table's placeholder （表中未列） for its lead unit: no office."""
    return [task.code for task in programme.tasks if any(placeholder(unit) for line in task.lines for unit in line.lead_units)]


def _depth(data) -> int:
    """How deep tables and arrays nest, counted without recursion (a hostile file nests thousands deep)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level <= MAX_DEPTH:
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
    return deepest


def export_record(path: Path) -> tuple[str, str] | None:
    """The plan a file was exported from (plan_dump.exported_from of its first lines), None for one with no such record."""
    with path.open("rb") as file:  # load_plan read it whole and checked it: its head only, again
        head = file.read(4096).decode("utf-8-sig", errors="replace")
    return exported_from(head.rsplit("\n", 1)[0])
