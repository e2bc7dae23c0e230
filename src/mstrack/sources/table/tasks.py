"""Rows under the header into raw tasks: area rows, task rows, continuation rows and their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain.dates import DateError
from mstrack.errors import InputError
from mstrack.sources.plan import Area, split_units
from mstrack.sources.table.header import AREA_RE, Column
from mstrack.sources.table.reading import Row, Sheet
from mstrack.sources.table.schedule import Block, parse_deadline, split_schedule


@dataclass
class RawLine:
    row: Row
    leaders: list[str]
    lead_units: list[str]
    units: list[str]
    scope: str = ""
    blocks: list[Block] = field(default_factory=list)
    periods: list[tuple[str, date, str]] = field(default_factory=list)  # from period columns
    deadline_only: bool = False


@dataclass
class RawTask:
    code: str
    title: str
    area: str | None
    row: Row
    content: str = ""
    deadline: date | None = None
    deadline_text: str | None = None
    notes: list[str] = field(default_factory=list)
    progress: str = ""
    lines: list[RawLine] = field(default_factory=list)


CODE_CELL_RE = re.compile(r"^[（(]?\s*(\d{1,3}(?:[.-]\d{1,3})?)\s*[）)]?[.．、]?$")
TITLE_CODE_RE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?=\D)")


def _split_groups(cell: str) -> list[str]:
    """Whitespace between two names separates groups ("市住房城乡建设局(…) 市住房城乡建设局(…)")."""
    parts = [p for p in re.split(r"(?<=[^\s、，,；;：:])\s+(?=[^\s、，,；;：:])", cell.strip()) if p.strip()]
    return parts or ([cell.strip()] if cell.strip() else [])


def _numbered_groups(cell: str) -> dict[str, str]:
    """A unit cell grouped like the schedule: "（1）市城建工程管理局…；（2）市水务集团…"."""
    parts = re.split(r"[（(]\s*(\d+)\s*[）)]", cell)
    if len(parts) < 3:
        return {}
    return {parts[i]: parts[i + 1].strip(" ；;，,\n") for i in range(1, len(parts) - 1, 2)}


def _scope(unit: str) -> tuple[str, str]:
    m = re.match(r"^(.+?)\s*[（(]([^（）()]+)[）)]\s*$", unit)
    return (m[1].strip(), m[2].strip()) if m else (unit.strip(), "")


def _leaders(cell: str) -> list[str]:
    return [p for part in cell.split("\n") for p in split_units(part)]


def read_tasks(sheet: Sheet, at: int, columns: list[Column], headers: list[str], year: int,
               areas: list[Area], notes: list[str]) -> list[RawTask]:
    """Walk the rows below the header: area rows, task rows and their continuation rows."""
    by_kind: dict[str, list[Column]] = {}
    for column in columns:
        if column.kind:
            by_kind.setdefault(column.kind, []).append(column)

    def cell(row: Row, kind: str) -> str:
        cols = by_kind.get(kind, [])
        return "\n".join(row.cells[c.index] for c in cols if c.index < len(row.cells) and row.cells[c.index]).strip()

    tasks: list[RawTask] = []
    seen: dict[str, int] = {}
    area: str | None = None
    header_texts = {h.replace(" ", "") for h in headers}
    for row in sheet.rows[at + 1:]:
        if "".join(row.cells).replace(" ", "") in header_texts or " ".join(row.cells).replace(" ", "") in header_texts \
                or any(cell(row, "seq") == c.header for c in by_kind.get("seq", [])):
            continue  # the header repeated at a page break
        filled = [c for c in row.cells if c]
        if not filled:
            continue
        if len(set(filled)) == 1 and (m := AREA_RE.match(filled[0])) and not cell(row, "schedule") and len(filled[0]) <= 60:
            area = _add_area(areas, m)
            continue
        if area_text := cell(row, "area"):
            m = AREA_RE.match(area_text.split("\n")[0])
            area = _add_area(areas, m) if m else _add_area_named(areas, area_text)
        title, code_text = cell(row, "task"), cell(row, "seq")
        if re.fullmatch(r"[一二三四五六七八九十]+[、.．]?", code_text) and title \
                and not any(cell(row, k) for k in ("schedule", "period", "deadline", "lead", "units")):
            area = _add_area(areas, AREA_RE.match(code_text.rstrip("、.．") + "、" + title))
            continue
        if len(set(filled)) == 1 and not title and not any(cell(row, k) for k in ("schedule", "period", "deadline", "lead")):
            if filled[0].startswith(("注", "备注", "说明")):
                notes.append(filled[0])
            continue  # prose under the table: a footnote, a stamp
        code = None
        if code_text:
            m = CODE_CELL_RE.match(code_text)
            if not m:
                seq = by_kind["seq"][0]
                raise InputError("{place}: {code!r} is not a task number", place=sheet.where(row, seq.index, seq.header), code=code_text)
            code = m[1]
        elif title and (m := TITLE_CODE_RE.match(title)):
            code, title = m[1], title[m.end():].strip()
        if code and tasks and code == tasks[-1].code:
            code = None  # a merged 序号: another line of the same task
        if code is None and title and tasks and title == tasks[-1].title:
            title = ""
        if code is None and not title:
            if not tasks:
                col = next((c for c in columns if c.kind and c.index < len(row.cells) and row.cells[c.index]), columns[0])
                raise InputError("{place}: a row of schedule or units before any task", place=sheet.where(row, col.index, col.header))
            task = tasks[-1]
        else:
            if code is None:
                code = str(len(tasks) + 1)
                while code in seen:
                    code += "a"
            if code in seen:
                col = by_kind.get("seq", by_kind.get("task"))[0]
                raise InputError("{place}: task {code} appears twice (first at row {first})",
                                 place=sheet.where(row, col.index, col.header), code=code, first=seen[code])
            if not title:
                col = by_kind["task"][0]
                raise InputError("{place}: task {code} has no text", place=sheet.where(row, col.index, col.header), code=code)
            seen[code] = row.number
            task = RawTask(code, title, area, row)
            tasks.append(task)
        inherited = tasks[-2].lines[-1] if len(tasks) > 1 and tasks[-2].lines else None
        _read_row_lines(task, row, cell, by_kind, year, inherited, sheet.where)
    if not tasks:
        raise InputError("{path}: row {row}: a header but no task rows below it", path=sheet.path, row=sheet.rows[at].number)
    return tasks


def _add_area(areas: list[Area], m: re.Match) -> str:
    code = m[1]
    if not any(a.code == code for a in areas):
        areas.append(Area(code=code, name=m[2].strip(), declared_tasks=int(m[3]) if m[3] else None))
    return code


def _add_area_named(areas: list[Area], text: str) -> str:
    for area in areas:
        if area.name == text:
            return area.code
    code = str(len(areas) + 1)
    areas.append(Area(code=code, name=text))
    return code


def _read_row_lines(task: RawTask, row: Row, cell, by_kind: dict, year: int, inherited: RawLine | None, where) -> None:
    """One table row becomes one line, or one line per lead unit when a cell lists several."""
    previous = task.lines[-1] if task.lines else None
    leaders = _leaders(cell(row, "leader")) or (previous.leaders if previous else [])
    lead_cell = cell(row, "lead")
    units_cell = cell(row, "units")
    if content := cell(row, "content"):
        task.content = (task.content + "\n" + content).strip()
    if progress := cell(row, "progress"):
        task.progress = (task.progress + "\n" + progress).strip()
    if note := cell(row, "note"):
        task.notes.append(note)
    deadline_text = cell(row, "deadline")
    if deadline_text:
        task.deadline_text = deadline_text
        task.deadline = parse_deadline(deadline_text, year)
    periods = []
    for column in by_kind.get("period", []):
        text = row.cells[column.index] if column.index < len(row.cells) else ""
        if text:
            periods.append((column.label, column.due, text))
    blocks = []
    for column in by_kind.get("schedule", []):
        text = row.cells[column.index] if column.index < len(row.cells) else ""
        if not text:
            continue
        try:
            found = split_schedule(text, year)
        except DateError as error:
            raise InputError("{place}: {error}", place=where(row, column.index, column.header), error=error) from None
        for block in found:
            if not block.periods and column.due and block.undated:
                block.periods.append((column.label, column.due, block.undated))
                block.undated = ""
        blocks.extend(found)
    if not lead_cell and not units_cell and not previous and inherited is not None and {"lead", "units"} & set(by_kind):
        previous = inherited  # a new task whose unit cells are blank: merged with the row above
        task.notes.append(f"责任单位单元格为空，按合并单元格读作与上一行相同（{'、'.join(previous.lead_units)}）")
        leaders = leaders or previous.leaders
    if not lead_cell and not units_cell and previous is not None:
        lead_groups, unit_groups = [(u, "") for u in previous.lead_units], [previous.units]
        lead_groups = [lead_groups] if lead_groups else []
    else:
        groups = _split_groups(lead_cell) if lead_cell else []
        lead_groups = [[_scope(u) if len(groups) > 1 else (u, "") for u in split_units(g)] for g in groups]
        lead_groups = [g for g in lead_groups if g]
        unit_group_texts = _split_groups(units_cell) if units_cell else []
        unit_groups = [split_units(g) for g in unit_group_texts]
    if not lead_groups:
        units = [u for g in unit_groups for u in g]
        lead_groups = [[(units[0], "")]] if units else [[("（表中未列）", "")]]
    if len(unit_groups) != len(lead_groups):
        unit_groups = [[u for g in unit_groups for u in g]] * len(lead_groups)
    numbered = _numbered_groups(units_cell) if units_cell else {}
    if len(lead_groups) > 1 and any(s for g in lead_groups for _, s in g):
        task.notes.append("牵头单位括注范围：" + "；".join(f"{u}（{s}）" for g in lead_groups for u, s in g if s))
    if len(blocks) > 1:
        all_leads = [u for g in lead_groups for u, _ in g]
        all_units = list(dict.fromkeys(u for g in unit_groups for u in g))
        for block in blocks:
            named = [u for u in all_leads if block.heading and u in block.heading]
            units = split_units(numbered[block.number]) if block.number in numbered else all_units
            task.lines.append(RawLine(row, leaders, named or list(dict.fromkeys(all_leads)), units, block.heading, [block]))
        return
    for group, units in zip(lead_groups, unit_groups, strict=True):
        raw = RawLine(row, leaders, list(dict.fromkeys(u for u, _ in group)), units, "；".join(s for _, s in group if s),
                      list(blocks), list(periods))
        task.lines.append(raw)
