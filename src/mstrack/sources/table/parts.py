"""A document of several parts (.docx, .html) read into one plan: each table that reads as a task table, and the text
outside the tables read as a list of tasks, joined in the order the document prints them (docs/import-table.md,
"Documents of several parts").

The one place a document is split: documents.document_parts gives its parts, each is converted by the reader a file of
that one part meets (convert.convert_sheets, passed in), and the conversions are joined here. A document whose tasks
are all in one part is not joined: it reads as before (None). A table that gives no task is left out and said, as a
doubt; codes two parts share are told apart (the groups a part numbers its items in, else the part's printed name),
never merged."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from mstrack.domain.names import look_alike
from mstrack.errors import InputError, Joined, Message
from mstrack.model import Programme, Task
from mstrack.sources.documents import TEXT_DOCUMENT_SUFFIXES, Part, document_parts, printed_name
from mstrack.sources.files import read_as
from mstrack.sources.plan import plan_from_dict
from mstrack.sources.plan_dump import plan_to_dict
from mstrack.sources.table.list_sections import CLOSING_RE
from mstrack.sources.table.office_names import whole_unit
from mstrack.sources.table.reading import document_sheet
from mstrack.sources.table.row_lines import UNLISTED

if TYPE_CHECKING:
    from mstrack.sources.table.convert import Conversion


def convert_parts(path: Path, convert: Callable[[list], Conversion]) -> Conversion | None:
    """The document's parts that hold tasks, each converted by `convert` and joined into one plan; None when no more
    than one part holds tasks (the document reads as a file of one table or one list), unless that part is the text
    beside tables that read as no task table (blank forms, a phone list): the file would be read by its tables alone."""
    parts = document_parts(path)
    if len(parts) < 2:
        return None
    read: list[tuple[Part, Conversion]] = []
    left_out: list[tuple[Part, InputError | None]] = []  # each with its refusal (None: read, but no task in it)
    bare: list[tuple[Part, list[Task]]] = []  # tables whose rows name no office, no date and no figure
    for part in parts:
        refusal = None
        try:
            conversion = convert([document_sheet(path, part.rows)])
        except InputError as error:
            conversion, refusal = None, error
        if conversion is not None and part.number is None:
            conversion = None if _logistics(conversion) else _text_work(conversion)
        if conversion is not None and _holds_tasks(conversion.programme):
            read.append((part, conversion))
        elif part.number is not None:  # a table that reads as no task table; the text holds no list: nothing said
            left_out.append((part, refusal))
            if conversion is not None and not any(map(_planned, conversion.programme.tasks)):
                bare.append((part, conversion.programme.tasks))
    if read_as(path) in TEXT_DOCUMENT_SUFFIXES and not any(part.number is not None for part, _ in read):
        return None  # a text file's tab-separated lines that give no task: the file read whole, as before (its lines
        # may be the schedule an item's words point to: row_points)
    named = [part for part, tasks in bare if _names_units(tasks)]
    if not read and named:  # only tables listing units (企业名称): no plan in the document, rather than a list for one
        raise InputError("{path}: no task found: {tables} {n:names|name} no office, no date and no figure on any row "
                         "(a list of companies: no plan part), and the text holds no list of tasks",
                         path=path, n=len(named), tables=Joined("; ", [_table(part) for part in named]))
    read = [(part, conversion) for part, conversion in read if not _introduces_groups(part, conversion, read)]
    text_only = len(read) == 1 and read[0][0].number is None and bool(left_out)  # the text's tasks beside annexed forms:
    # the file read as one would read its tables alone (a blank 汇总表, a 值班电话 table), refusing it for them
    if len(read) < 2 and not (read and (bare or text_only)):  # one part holding tasks, no table to set aside: read as one
        return None
    read.sort(key=lambda pair: _place(pair[0], pair[1].rows[0] if pair[1].rows else 0))
    names = _names(parts)
    codes, shares = _codes(path, [(names[id(part)], _part(part, names[id(part)]), conversion) for part, conversion in read])
    return _joined(path, read, names, (codes, shares), left_out)


FIGURE_BRACKET_RE = re.compile(r"\s*[（(][^（）()]*\d[^（）()]*[）)]\s*$")  # "（30分）" after an item: its points, no unit's
GROUP_NAME_RE = re.compile(r"\s*[（(][^）)]*[）)]\s*$")  # "城市公共交通（39个）": the group's count after its name


def _introduces_groups(part: Part, conversion: Conversion, read: list[tuple[Part, Conversion]]) -> bool:
    """The text's items numbered as a table's groups ("一、城市公共交通“补短板”项目。…" over its 牵头单位 line, beside a
    table whose group 一 is "城市公共交通" over its projects), most of them naming their group: they introduce the
    table's groups, whose rows are the tasks; no part of their own."""
    if part.number is not None:
        return False
    tasks = conversion.programme.tasks
    for other, table in read:
        groups = {area.code: GROUP_NAME_RE.sub("", area.name) for area in table.programme.areas} if other.number else {}
        if groups and {task.code for task in tasks} == set(groups) \
                and 2 * sum(bool(groups[task.code]) and groups[task.code] in task.title for task in tasks) > len(tasks):
            return True
    return False


def _holds_tasks(programme: Programme) -> bool:
    """A part holds tasks when one of them at least names who does it or by when: a table of figures alone (托位数 by
    year), or of a page's particulars (索引号, 文号), read as rows of a header it does not have, holds none."""
    return any(map(_staffed_or_dated, programme.tasks))


def _text_work(conversion: Conversion) -> Conversion | None:
    """The text's items that are work beside a table's, as a document of the text alone would have them: most of its
    items naming who does them, by when or how much (_planned: "…接种率保持在95%以上"; None when they do not: a notice's
    words around its table), and an item
    under a closing section's heading ("二、工作要求", "保障措施") naming no office left out, a requirement on offices
    (close47's rule, list_closing); not when the text reads as the notice's own duties, dated (list_arrangements:
    "七、其他要求" over "（三）廉政纪律要求。…"): that part is the text's work, wherever it stands."""
    programme = conversion.programme
    tasks = programme.tasks
    closing = set() if conversion.arrangements else {area.code for area in programme.areas if CLOSING_RE.search(area.name)}
    kept = [i for i, task in enumerate(tasks) if task.area not in closing or _staffed(task)]
    if 2 * sum(_planned(tasks[i]) for i in kept) <= len(tasks):
        return None
    if len(kept) == len(tasks):
        return conversion
    held = {tasks[i].area for i in kept}
    place = {i: k for k, i in enumerate(kept)}  # a comment's task index (ti) in the kept tasks
    comments = {(place[ti] if ti is not None else None, *rest): why for (ti, *rest), why in conversion.comments.items()
                if ti is None or ti in place}
    return replace(conversion, comments=comments, rows=[conversion.rows[i] for i in kept if i < len(conversion.rows)],
                   programme=replace(programme, tasks=[tasks[i] for i in kept],
                                     areas=[area for area in programme.areas if area.code in held]))


def _logistics(conversion: Conversion) -> bool:
    """Whether the text reads as nothing but a campaign's undated duties (list_arrangements: "二、检查时间" over "自即日起
    开展为期一个月…", "六、其他事宜" over "（四）局综合处负责车辆安排；"): the notice's own logistics around its tables, no
    part of the plan they hold; an event's dated duties are read beside them as before."""
    return conversion.arrangements and not any(task.deadline for task in conversion.programme.tasks)


def _staffed(task: Task) -> bool:
    return any(unit != UNLISTED for line in task.lines for unit in [*line.lead_units, *line.units])


def _staffed_or_dated(task: Task) -> bool:
    return task.deadline is not None or _staffed(task)


def _planned(task: Task) -> bool:
    """A task that names an office, a date or a figure: a row of a plan, not of a list (企业名称 under 类别)."""
    return _staffed_or_dated(task) or any(line.checkpoints or any(i.target is not None for i in line.indicators)
                                          for line in task.lines)


def _names_units(tasks: list[Task]) -> bool:
    """Rows that each name a unit (a company, a station: "平潭万隆水产有限公司"), most of them: a list of units, not of
    work ("老旧小区改造"), nor a checklist's items with their points ("单位设施安全（30分）": the bracket no name's)."""
    return 5 * sum(whole_unit(FIGURE_BRACKET_RE.sub("", task.title)) for task in tasks) >= 4 * len(tasks)


def _place(part: Part, row: int) -> int:
    """Where a part, or a task of the text at `row`, stands among the document's lines: a table after the lines of text
    printed before it, a line of text at its own place."""
    return 2 * part.at - 1 if part.number is not None else 2 * (row - 1)


def _names(parts: list[Part]) -> dict[int, str]:
    """Each part's name as codes and messages give it: the name printed above a table (附件2, 表1) when no other table
    has it, else 表N as --table counts it; the text, 正文."""
    printed = {id(part): printed_name(part.rows.titles) for part in parts}
    counts: dict[str, int] = {}
    for name in printed.values():
        if name:
            counts[name] = counts.get(name, 0) + 1
    return {id(part): "正文" if part.number is None else
            (name if (name := printed[id(part)]) and counts[name] == 1 else f"表{part.number}") for part in parts}


def _codes(path: Path, read: list[tuple[str, Message, Conversion]]) -> tuple[list[dict[str, str]], dict[int, Message]]:
    """Each part's codes as the plan gives them (printed code → plan code), and the part each told-apart part shares
    its codes with. Codes no other part has are kept. A part that has another part's code is told apart: by the groups
    it numbers its items in ("一、养老项目" over item 1: 一1), as the document's own numbers say; a part without groups,
    or still alike, by its name before each code when an earlier part has the code (附件2-1). Two parts still alike are
    refused, naming both."""
    codes = [{task.code: task.code for task in conversion.programme.tasks} for _, _, conversion in read]
    keys = [{look_alike(code) for code in part} for part in codes]
    shares: dict[int, Message] = {}
    for index, (_, _, conversion) in enumerate(read):
        tasks = conversion.programme.tasks
        other = next((o for o, own in enumerate(keys) if o != index and own & keys[index]), None)
        if other is not None and all(task.area for task in tasks) and not any(task.code.startswith(task.area) for task in tasks):
            codes[index] = {task.code: f"{task.area}{task.code}" for task in tasks}
            shares[index] = read[other][1]
    taken: dict[str, int] = {}  # each plan code's key → the part that has it
    for index, (name, said, _) in enumerate(read):
        clash = next((taken[key] for code in codes[index].values() if (key := look_alike(code)) in taken), None)
        if clash is not None:
            codes[index] = {printed: f"{name}-{code}" for printed, code in codes[index].items()}
            shares[index] = read[clash][1]
        for code in codes[index].values():
            if (key := look_alike(code)) in taken:
                raise InputError("{path}: task {code} of {part} is also a task of {other}: two parts of the document "
                                 "number their tasks alike; read one part with --table N", path=path, code=code, part=said,
                                 other=read[taken[key]][1])
            taken[key] = index
    return codes, shares


def _joined(path: Path, read: list[tuple[Part, Conversion]], names: dict[int, str],
            told_apart: tuple[list[dict[str, str]], dict[int, Message]], left_out: list[Part]) -> Conversion:
    """The parts' conversions as one: tasks in the document's order, areas once each, messages naming their part."""
    codes, shares = told_apart
    placed = sorted(((_place(part, conversion.rows[i] if i < len(conversion.rows) else 0), p, i)
                     for p, (part, conversion) in enumerate(read) for i in range(len(conversion.programme.tasks))))
    areas: dict[str, object] = {}
    area_codes: list[dict[str, str]] = []
    for part, conversion in read:
        own: dict[str, str] = {}
        for area in conversion.programme.areas:
            code = area.code
            if code in areas and areas[code].name != area.name:  # another part's area of that code
                code = f"{names[id(part)]}-{area.code}"
            areas.setdefault(code, replace(area, code=code))
            own[area.code] = code
        area_codes.append(own)
    tasks, at = [], {}
    for p, i in ((p, i) for _, p, i in placed):
        task = read[p][1].programme.tasks[i]
        at[(p, i)] = len(tasks)
        tasks.append(replace(task, code=codes[p][task.code], area=area_codes[p].get(task.area, task.area) if task.area else None))
    first = read[0][1].programme
    text = next((conversion.programme for part, conversion in read if part.number is None), None)
    notes = list(dict.fromkeys(note for _, conversion in read if (note := conversion.programme.note)))
    joined = Programme(code=first.code, name=(text or first).name, year=first.year, start=first.start, end=first.end,
                       source=first.source, note="\n".join(notes) or None, areas=list(areas.values()), tasks=tasks)
    try:
        checked = plan_from_dict(plan_to_dict(joined), str(path))
    except InputError as error:  # pragma: no cover - a joining bug, reported rather than hidden
        raise InputError("{path}: the converted plan does not validate:\n{error}", path=path, error=error) from None
    summary: list[Message] = []
    doubts: list[Message] = [_left_out(path, part, refusal) for part, refusal in left_out]
    comments: dict[tuple, Message] = {}
    for p, (part, conversion) in enumerate(read):
        name = _part(part, names[id(part)])
        summary += [_in_part(message, name, codes[p]) for message in conversion.summary]
        doubts += [said for message in conversion.doubts if (said := _in_part(message, name, codes[p])) not in doubts]
        for (ti, lj, ik, key), why in conversion.comments.items():
            where = (None if ti is None else at[(p, ti)], lj, ik, key)
            comments[where] = Joined("; ", [comments[where], why]) if where in comments and why != comments[where] else why
        renamed = [(printed, code) for printed, code in codes[p].items() if printed != code]
        if renamed:
            summary.append(Message("{path}: {part}: its task numbers are also those of {other}: coded {codes}", path=path.name,
                                   part=name, other=shares[p], codes="、".join(f"{printed} → {code}" for printed, code in renamed)))
    reported = [r._replace(task=codes[p].get(r.task, r.task), part=name, why=r.why and _in_part(r.why, name, codes[p]))
                for p, (part, conversion) in enumerate(read) for name in [_part(part, names[id(part)])]
                for r in conversion.reported]  # its part and task code said as the plan's doubts say them
    stats = {key: sum(conversion.stats.get(key, 0) for _, conversion in read) for key in read[0][1].stats}
    stats.update(areas=len(checked.areas), tasks=len(checked.tasks), doubts=len(doubts))
    return replace(read[0][1], programme=checked, summary=summary, stats=stats, doubts=doubts, comments=comments,
                   reported=reported, rows=[])


def _part(part: Part, name: str) -> Message:
    """A part as messages name it: "table 4 (附件1)", "table 2", "the text"."""
    if part.number is None:
        return Message("the text")
    if name != f"表{part.number}":
        return Message("table {n} ({name})", n=part.number, name=name)
    return Message("table {n}", n=part.number)


def _in_part(message, name: Message, codes: dict[str, str]):
    """A part's message naming its part after the file ("plan.html, table 4 (附件1): row 3 …") and a task by its code in
    the plan ("task 一1: …" of a task printed 1); one naming neither as it is."""
    fields = dict(getattr(message, "fields", None) or {})
    if not isinstance(message, Message) or not ({"path", "code"} & fields.keys()):
        return message
    if "path" in fields:
        fields["path"] = Message("{path}, {part}", path=fields["path"], part=name)
    if isinstance(fields.get("code"), str) and fields["code"] in codes:
        fields["code"] = codes[fields["code"]]
    return Message(message.template, **fields)


def _left_out(path: Path, part: Part, refusal: InputError | None) -> Message:
    """A table that reads as no task table: left out of the plan, said as a doubt (`--strict` refuses it) with why —
    the refusal it had read alone (its first message, naming the table where it names the file), or its rows read
    but none naming who does it or by when."""
    if refusal is None:
        return Message("{path}: {table}: no task read in it (no row names who does it or by when: a table of figures "
                       "or of particulars): left out of the plan; check it holds no task (--table {n} reads it alone)",
                       path=path.name, table=_table(part), n=part.number)
    said = _naming_table(refusal.messages[0], Message("{path}, {part}", path=path.name, part=_table(part)))
    if said is not None:  # "plan.html, table 2: no header row found …": the table's refusal, naming the table
        return Message("{refusal}: no task read in it, left out of the plan; check it holds no task (--table {n} reads "
                       "it alone)", refusal=said, n=part.number)
    return Message("{path}: {table}: {refusal}: no task read in it, left out of the plan; check it holds no task "
                   "(--table {n} reads it alone)", path=path.name, table=_table(part), refusal=refusal.messages[0], n=part.number)


def _naming_table(message, table: Message) -> Message | None:
    """The message with the file it names ({path}, in it or in a message it holds: "{path}: row 2, column 1 …") named
    with the table (`table`, "plan.html, table 4"); None when it names no file."""
    fields = dict(getattr(message, "fields", None) or {})
    if not isinstance(message, Message) or isinstance(message, Joined) or not fields:
        return None
    if "path" in fields:
        return Message(message.template, **{**fields, "path": table})
    for name, value in fields.items():
        if (named := _naming_table(value, table)) is not None:
            return Message(message.template, **{**fields, name: named})
    return None


def _table(part: Part) -> Message:
    """A table as messages name it: "table 2 (“附件1 检查企业名单”)", "table 2"."""
    title = part.rows.titles[-1] if part.rows.titles else ""
    return Message("table {n} (“{title}”)", n=part.number, title=title) if title else Message("table {n}", n=part.number)
