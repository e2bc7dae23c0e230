"""A unit's report that names its tasks in words (任务名称, 项目名称, 工作任务) or says who reports (填报单位): each row's
name checked against the task its code names, a row found by its name alone, and a task reported by an office that is
not one of its units said. A plain file (codes only) never comes here: its rows pay nothing for it."""

from __future__ import annotations

import re

from mstrack.domain.limits import text_problem
from mstrack.domain.names import NameIndex, collective, plain_name
from mstrack.errors import Message
from mstrack.long_lists import numbers_shown
from mstrack.sources.progress_cells import reporter_given, text_value
from mstrack.sources.rows import TOTAL_CELL_RE, clip
from mstrack.sources.sheets import Table, header_key

TITLE_COLUMN = {"task_name", "title", "任务名称", "项目名称", "工作任务", "任务内容", "项目内容", "实事项目", "民生实事项目"}
"""A column of the tasks' names, beside or in place of their codes."""
UNIT_COLUMN = {"reporting_unit", "填报单位", "报送单位", "填报部门"}
"""The office that reports the row."""
UNIT_LINE_RE = re.compile(r"^\s*(?:填报|报送)(?:单位|部门)\s*(?:[（(][^）)]*[）)])?\s*[:：]\s*(\S*)")  # "填报单位（盖章）：市民政局
# 填报日期：…" above the header: the office, up to the first space (or in the next cell)
NUMBERING_RE = re.compile(r"^\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）、.．]\s*")  # "1、老旧小区改造": its number aside


def fold(text: str) -> str:
    """A name as titles are compared: spaces, full-width forms and traditional characters aside, its number aside."""
    return header_key(NUMBERING_RE.sub("", text)).rstrip("。；;，,")


def agrees(title: str, name: str) -> bool:
    """A row's name fits the task its code names: part of its title (or the title part of the name)."""
    return fits(fold(title), fold(name))


def fits(title: str, name: str) -> bool:
    """agrees of a title and a name folded already."""
    return bool(name) and (name in title or title in name)


class Titles:
    """A programme's task titles, each folded once (trial57 #4: every title folded again for every row of a return, 112 s
    for 1,200 rows): the folded title of the task a row's code names, folded when a row first names it, and the tasks
    a name names as the plan's titles are matched, the same title, else those it begins, else those it is part of
    (folded: spacing, traditional/simplified; every title folded, the first time a row is found by its name)."""

    def __init__(self, tasks: dict[str, tuple]):
        self.tasks = tasks  # task code → (title, units)
        self.folded: dict[str, str] = {}  # task code → its title folded
        self.index: NameIndex | None = None
        self.titled: dict[str, str] = {}  # a title as it is → the (first) task of that title, with the index
        self.found: dict[str, list[str]] = {}  # a name as a row gives it → the tasks it names

    def title(self, task: str) -> str:
        """The task's title folded."""
        if (folded := self.folded.get(task)) is None:
            folded = self.folded[task] = fold(self.tasks[task][0])
        return folded

    def agrees(self, task: str, name: str) -> bool:
        """A row's name fits the task's title (agrees); the title as it is (mstrack's template writes it) not folded
        again."""
        title = self.title(task)
        return fits(title, title if name == self.tasks[task][0] else fold(name))

    def named(self, name: str) -> list[str]:
        """The tasks a name names (none for a name that folds to nothing), once a name; a task's title as it is not
        folded again."""
        if (found := self.found.get(name)) is None:
            if self.index is None:  # the titles folded; str: the name is folded already too
                self.index = NameIndex(self.tasks, self.title, (str,))
                self.titled = {title: task for task, (title, _) in reversed(self.tasks.items())}
            folded = self.title(task) if (task := self.titled.get(name)) is not None else fold(name)
            found = self.found[name] = self.index.named(folded) if folded else []
        return found


def unit_of(units: tuple[str, ...], unit: str) -> bool:
    """An office is one of a task's units: the same name, one part of the other ("市住房建设局", "深圳市住房建设局"), or
    one of the units a plan names as a level ("各区人民政府" takes "南山区人民政府")."""
    office = fold(unit)
    for named in map(fold, units):
        if office in named or named in office or named.startswith("各") and len(named) > 1 and named[1] in office:
            return True
    return False


class NamedRows:
    """The checks of one file with a name or a reporting-unit column (or a 填报单位 line above its header)."""

    def __init__(self, importer, table: Table, title_at: int | None, unit_at: int | None, unit: str | None):
        self.importer, self.table = importer, table
        self.title_at, self.unit_at, self.unit = title_at, unit_at, unit
        self.agreed = 0
        self.wrong: list[tuple[int, str, str, str, list[str]]] = []  # (line, code, its programme, name, tasks it names)
        self.offices: dict[tuple[str, str, str], list[int]] = {}  # (office, programme, task) → its rows
        self.stored: dict[str, str] = {}  # a reporting unit as read → as stored (_stored)
        self.nobody: dict[str, list[int]] = {}  # a class of offices (各区人民政府) → its rows with a value and no 填报人
        self.former: dict[tuple[str, str], list[tuple[str, int]]] = {}  # (programme, task) → its former titles, read once
        self.renamed: dict[tuple, list[int]] = {}  # (programme, task, name, batch) → the rows naming the task's former title

    @classmethod
    def of(cls, importer, table: Table, columns: dict[str, int]) -> NamedRows | None:
        """The checks a file needs, None for a plain one."""
        unit = next(filter(None, (_unit_in(row.cells) for row in table.above)), None)
        title_at, unit_at = columns.get("title"), columns.get("unit")
        if title_at is None and unit_at is None and unit is None:
            return None
        return cls(importer, table, title_at, unit_at, unit)

    def _titles(self, code: str | None) -> Titles | None:
        """A programme's tasks (title, units), their titles folded as rows need them: read once an import for every
        file that names its tasks (PlanReads.titles: a Monday's 60 forms of one programme read its tasks once)."""
        if code is None:
            return None
        known = self.importer.plan.titles
        if code not in known:
            tasks = self.importer.store.import_tasks(code)
            known[code] = Titles(tasks) if tasks else None
        return known[code]

    def _plan(self, code: str | None) -> dict | None:
        """A programme's tasks by code: (title, units); None for no such programme."""
        return None if (titles := self._titles(code)) is None else titles.tasks

    def rows(self, chunk: list, index: list[int | None]) -> tuple[list[int], list[tuple]]:
        """A chunk's row numbers and cells in FIELDS order (as progress_cells.picked gives them), a row found by its
        name given its task's code; a row whose name and code disagree is left out, said at the end of the file."""
        lines, rows = [], []
        title_at, unit_at, task_given = self.title_at, self.unit_at, index[1] is not None
        units = self.importer.row_units = {}  # row number → its reporting unit as stored, for this chunk's rows
        for row in chunk:
            cells = row.cells
            if cells.count(None) == len(cells):
                continue
            picked = [cells[i] if i is not None and i < len(cells) else None for i in index]
            name = text_value(cells[title_at]) if title_at is not None and title_at < len(cells) else None
            code = text_value(picked[0]) or self.importer.programme
            task = text_value(picked[1])
            if name is not None and task is None and TOTAL_CELL_RE.match(name):
                self.importer.result.totals.append(f"{self.table.path}:{row.number}")  # 合计 under the names
                continue
            tasks = self._plan(code) if name is not None else None
            if tasks is not None:
                if task is None:
                    named = self._named(code, name)
                    if len(named) == 1:
                        task = picked[1] = named[0]
                    elif (named or not task_given) and text_value(picked[4]) is not None:  # no figure: a line
                        # under the table (填表人：…), skipped and said by the importer (_no_task)
                        self._no_task(row.number, code, name, named)
                        continue
                else:
                    agreed = task in tasks and self._titles(code).agrees(task, name)
                    named = [] if agreed else self._named(code, name)  # once: the refusal names them
                    if not agreed and (task not in tasks or any(other != task for other in named)  # a former title
                                       or not self._renamed(row.number, code, task, name)):  # another task has
                        self.wrong.append((row.number, task, code, name, named))
                        continue
                    self.agreed += 1
            office = text_value(cells[unit_at]) if unit_at is not None and unit_at < len(cells) else None
            if (office := office or self.unit) and task is not None and code is not None:
                self.offices.setdefault((office, code, task), []).append(row.number)
            if office is not None:
                stored = self.stored.get(office) or self._stored(office, row.number)
                if stored is None:
                    continue
                units[row.number] = stored
                if collective(stored) and not reporter_given(picked[6]) and text_value(picked[4]) is not None:
                    self.nobody.setdefault(stored, []).append(row.number)
            lines.append(row.number)
            rows.append(tuple(picked))
        return lines, rows

    def _named(self, code: str, name: str) -> list[str]:
        """The tasks of a programme a row's name names: only for a row whose code is not given or does not agree (a row
        whose name agrees with its code's task asks nothing more)."""
        return self._titles(code).named(name)

    def _renamed(self, line: int, code: str, task: str, name: str) -> bool:
        """Whether a row's name is a title its task had before a plan import renamed it (a form made before the rename:
        trial51 R1): read as that task, said in a warning naming the rename and its batch. Not asked where the name is
        another task's now (a renumbering moved that task and its title to another code, trial57 finding 3: the row's
        figure would land on the task that took the code): that row is refused, naming the task its name names."""
        former = self.former.get((code, task))
        if former is None:
            former = self.former[(code, task)] = self.importer.store.former_titles(code, task)
        batch = next((batch for title, batch in former if agrees(title, name)), None)
        if batch is None:
            return False
        self.renamed.setdefault((code, task, name, batch), []).append(line)
        return True

    def _stored(self, office: str, line: int) -> str | None:
        """A reporting unit as a report keeps it (plain_name: one form of each character, as plans' units are), once
        per name; None when it cannot be stored, its row named."""
        if problem := text_problem(office):
            column = self.table.headers[self.unit_at] if self.unit_at is not None else "填报单位"
            self.importer.result.errors.append(Message("{place}: {error}", place=f"{self.table.path}:{line}:{column}",
                                                       error=problem))
            return None
        found = self.stored[office] = plain_name(office)
        return found

    def _no_task(self, line: int, code: str, name: str, named: list[str]) -> None:
        place = f"{self.table.path}:{line}:{self.table.headers[self.title_at]}"
        if named:
            self.importer.result.errors.append(Message("{place}: {name!r} names {n} tasks of {code}: {tasks}; give the task's"
                                                       " code (任务编号)", place=place, name=name, n=len(named), code=code,
                                                       tasks=", ".join(named[:10])))
        else:
            self.importer.result.errors.append(Message("{place}: {code} has no task named {name!r}", place=place, code=code,
                                                       name=name))

    def end(self) -> None:
        """The file read: its disagreements (one message when the code column is a unit's own numbering) and the
        tasks reported by an office that is none of their units (a warning: offices report for each other)."""
        errors, warnings, table = self.importer.result.errors, self.importer.result.warnings, self.table
        if self.wrong:
            code_header, name_header = table.label("task"), table.headers[self.title_at]
            if len(self.wrong) > 1 and not self.agreed and _sorted_apart(self.wrong):
                errors.append(Message(
                    "{path}: column {codes} and column {names} disagree in every one of its {n} rows, and each {names} "
                    "names the task of another code in column {codes}: were the columns sorted apart? put each code "
                    "back beside its task (the template's order), or delete column {codes} so that the rows are matched "
                    "by {names}", path=table.path, codes=code_header, n=len(self.wrong), names=name_header))
            elif len(self.wrong) > 1 and not self.agreed:
                errors.append(Message(
                    "{path}: column {codes} looks like the unit's own row numbers, not task codes: in none of its {n} rows"
                    " does {names} name the task the number does; rename or delete column {codes} so that the rows are"
                    " matched by {names}", path=table.path, codes=code_header, n=len(self.wrong), names=name_header))
        for line, task, code, name, named in self.wrong:
            place = f"{table.path}:{line}:{name_header}"
            tasks = self._plan(code) or {}
            if task not in tasks:
                errors.append(Message("{place}: {code} has no task {task!r} ({codes}); {name!r}{named}", place=place,
                                      code=code, task=task, codes=code_header, name=name, named=_named(named),
                                      unknown=task))
            else:
                errors.append(Message(
                    "{place}: {name!r} is not the task {codes} {task!r} names: {code}/{task} is {title!r}; {name!r}{named}",
                    place=place, name=name, codes=code_header, task=task, code=code, title=clip(tasks[task][0].strip()),
                    named=_named(named, None if named else self.importer.store.title_cancelled(code, name))))
        if not self.importer.by_given:
            for office, lines in self.nobody.items():  # fixrev47a compares these rows by reporter: nobody's (ret48)
                warnings.append(Message(
                    "{path}: {n:row|rows} {rows}: 填报单位 {office} is no one office and 填报人 is empty: stored as reported by {by}"
                    " for {office}; which office's figures they are is not recorded, and another return of this form with"
                    " 填报人 empty needs --reason. Ask each office to fill in 填报人, or export each its own form"
                    " (export template --unit NAME)", path=table.path, n=len(lines), rows=numbers_shown(lines), office=office,
                    by=self.importer.by or "—"))
        for (code, task, name, batch), lines in self.renamed.items():
            warnings.append(Message("{path}: rows {rows}: {name!r} was the title of {code}/{task} before batch {batch} renamed "
                                    "it {title!r}: read as {code}/{task}", path=table.path, rows=numbers_shown(lines),
                                    name=name, code=code, task=task, batch=batch,
                                    title=clip(((self._plan(code) or {}).get(task) or ("",))[0].strip())))
        for (office, code, task), lines in self.offices.items():
            units = ((self._plan(code) or {}).get(task) or ("", ()))[1]
            if units and not unit_of(units, office):
                warnings.append(Message("{path}: {n:row|rows} {rows}: {office} reports {code}/{task}, whose units are {units}",
                                        path=table.path, n=len(lines), rows=numbers_shown(lines), office=office, code=code,
                                        task=task, units="、".join(units)))


def _sorted_apart(wrong: list[tuple[int, str, str, str, list[str]]]) -> bool:
    """Whether rows whose codes and names all disagree hold the plan's own codes, shuffled (trial65 #13: one column
    sorted, not the other): each name names one task, and the codes named are the codes the column holds; not where
    the column counts 1, 2, 3 … down the rows, a unit's own numbering of the plan's first tasks."""
    if [task for _, task, *_ in wrong] == [str(n) for n in range(1, len(wrong) + 1)]:
        return False
    return all(len(named) == 1 for *_, named in wrong) and \
        sorted((code, named[0]) for _, _, code, _, named in wrong) == sorted((code, task) for _, task, code, *_ in wrong)


def _named(named: list[str], cancelled: tuple[str, int] | None = None) -> Message | str:
    """What a row's name names instead, said after it: a task a plan cancelled (its code, the batch) where it names
    no other."""
    if cancelled:
        return Message(" names task {task}, cancelled (已取消) by batch {batch}: it takes no report", task=cancelled[0],
                       batch=cancelled[1])
    if not named:
        return Message(" names no task")
    return Message(" names task {tasks}", tasks=", ".join(named[:5]))


def _unit_in(cells: list) -> str | None:
    """The office a line above the header names: "填报单位：市民政局", or "填报单位：" and the office in a cell after it."""
    texts = [cell.strip() for cell in cells if isinstance(cell, str) and cell.strip()]
    for at, text in enumerate(texts):
        if found := UNIT_LINE_RE.match(text):
            return found[1] or (texts[at + 1] if at + 1 < len(texts) else None)
    return None

