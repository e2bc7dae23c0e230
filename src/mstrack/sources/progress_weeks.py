"""A return's figures of one week typed on an earlier week's form, its 截至日期 left as printed (trial64 finding 2):
read as a correction of that day (a v2 looks the same), they replace the figures of the day the form was for. Where
its corrections look like that, the import says so with the way back, beside the corrections it names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mstrack.errors import Joined, Message, readable_name


@dataclass
class _Signs:
    """One file's corrections: how many, how many upward, the rows equal to the store (`same`), their days, the files
    of the entries corrected, and the later days whose stored value a row gives."""

    corrected: int = 0
    up: int = 0
    same: int = 0
    days: set[int] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    later: list[date] = field(default_factory=list)


class WeekSigns:
    """Gathered chunk by chunk as the rows are compared with the store (Comparing.resolve), said once the files are
    read (Comparing.settle)."""

    def __init__(self):
        self.by_file: dict[int, _Signs] = {}
        self.later: dict[int, date] = {}  # seq → the later day whose stored value the row gives (_later_same)

    def add(self, importer, correcting: list[tuple[int, int, int]], entries: dict, same: list[int]) -> None:
        """`correcting`: the rows (seq, indicator, position) that correct a stored value, `entries` the entries they
        correct by seq; `same`: the rows equal to the stored value of their day."""
        checked = importer.checked
        for seq in same:
            self._signs(checked.file[seq]).same += 1
        if not correcting:
            return
        later = _later_same(importer, correcting)
        self.later.update(later)
        for seq, _, _ in correcting:
            signs = self._signs(checked.file[seq])
            entry = entries[seq]
            signs.corrected += 1
            signs.up += checked.value[seq] > entry.value
            signs.days.add(checked.day[seq])
            signs.sources.add(entry.source or "")
            if seq in later:
                signs.later.append(later[seq])

    def later_said(self, seq: int, value: str) -> Message | str:
        """A stale form's refusal (Comparing._corrections): the later day whose stored figure the row gives, if any."""
        if seq not in self.later:
            return ""
        return Message(", and {value} is the figure already stored for {later}", value=value, later=self.later[seq])

    def _signs(self, file: int) -> _Signs:
        return self.by_file.setdefault(file, _Signs())

    def warnings(self, files: list, reason: str | None, written: bool = True) -> list[Message]:
        """A file whose every correction gives a later day's stored value (--reason or not: it overwrote week 3 with
        week 4 in the trial), or, without --reason, whose rows all correct one day's figures upward, two or more, none
        equal to the store, the entries corrected another file's (a unit's v2 changes a figure or two). `written`:
        false in a --dry-run, which replaces nothing and leaves no import to undo (review64: it said both)."""
        said = []
        for file, signs in sorted(self.by_file.items()):
            if not signs.corrected or len(signs.days) != 1:
                continue
            on = date.fromordinal(next(iter(signs.days)))
            fields = {"path": str(files[file]), "n": signs.corrected, "on": on}
            if len(signs.later) == signs.corrected:
                later = Joined(", ", [str(day) for day in sorted(set(signs.later))])
                said.append(Message(
                    "{path}: its {n} rows give the figures of {on} the values already stored for {later}: these look like "
                    "the figures of {later} on the form of {on} (its 截至日期 left as printed), and the figures of {on} are "
                    "replaced by them: if so, `mstrack undo` this import", later=later, **fields) if written else Message(
                    "{path}: its {n} rows give the figures of {on} the values already stored for {later}: these look like "
                    "the figures of {later} on the form of {on} (its 截至日期 left as printed), and would replace the "
                    "figures of {on}: if so, leave it unimported (those of {later} are stored already)", later=later, **fields))
            elif (reason is None and signs.corrected >= 2 and signs.up == signs.corrected and not signs.same
                  and readable_name(files[file].name) not in signs.sources):
                source = Joined(", ", sorted(source or "—" for source in signs.sources))
                said.append(Message(
                    "{path}: its {n} rows correct every figure they give of {on} upward (the figures of {source}): if "
                    "these are a later week's figures typed on the form of {on}, its 截至日期 is that form's, not the "
                    "figures' own, and the figures of {on} are replaced: `mstrack undo` this import, change 截至日期 to "
                    "the figures' day and import it again; if they correct {on}, nothing to do", source=source, **fields)
                    if written else Message(
                    "{path}: its {n} rows correct every figure they give of {on} upward (the figures of {source}): if "
                    "these are a later week's figures typed on the form of {on}, its 截至日期 is that form's, not the "
                    "figures' own, and they would replace the figures of {on}: change 截至日期 to the figures' day "
                    "before importing it; if they correct {on}, import it as it is", source=source, **fields))
        return said


def _later_same(importer, correcting: list[tuple[int, int, int]]) -> dict[int, date]:
    """seq → the first day after the row's own whose stored value is the row's: one read, of the rows' indicators that
    have reports after the row's day only (Store.stored_between)."""
    day, value = importer.checked.day, importer.checked.value
    spans = []
    for seq, indicator, _ in correcting:
        last = importer.columns.state(indicator).last
        if last is not None and last.toordinal() > day[seq]:
            spans.append((indicator, date.fromordinal(day[seq] + 1), last))
    if not spans:
        return {}
    _, stored = importer.store.stored_between(spans, upto=importer.plan.upto)
    found = {}
    for seq, indicator, _ in correcting:
        days = [on for on, stored_value in stored.get(indicator, ()) if on.toordinal() > day[seq]
                and stored_value == value[seq]]
        if days:
            found[seq] = min(days)
    return found
