"""Which of several things a name given in words names, as a user types it or a unit's report prints it: one
cascade of tiers for `log --indicator`, import progress's indicator names and a report's task names alike."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import accumulate, islice
from typing import Generic, NamedTuple, TypeVar

from mstrack.domain.characters import simplified
from mstrack.errors import Message, UnknownProgramme
from mstrack.vocabulary import COLLECTIVE

T = TypeVar("T")


_NFC = partial(unicodedata.normalize, "NFC")


def plain_name(name: str) -> str:
    """A task code, a unit's or an indicator's name as every write stores it and every lookup takes it: one form of
    each character (NFC: "Café" typed either way), outer spaces aside. Nothing else is changed: "１" stays "１"."""
    return _NFC(name).strip()


def plain_names(names: Iterable[str]) -> Iterator[str]:
    """plain_name of each, every step in C: a task reference looked up among a programme's 20,000 codes (store51:
    a call a code cost a `log` there more than the rest of its read)."""
    return map(str.strip, map(_NFC, names))


def look_alike(name: str) -> str:
    """What two names read alike by: full-width forms folded (NFKC), every space aside, traditional characters as
    simplified ones: "１"/"1", "市教育局 "/"市教育局", "市衛健委"/"市卫健委". Two different names of one plan (or a plan's
    and the store's) with the same key are refused; a lookup that meets several is refused naming them. Case and "-"
    are left as they are, part of a name: sources/sheets.header_key, built on this, folds them too, for the column
    names mstrack gives itself (as_of, AS-OF)."""
    if name.isascii() and name.isalnum():  # a task code such as "12": NFKC, spaces and simplified leave it as it is
        return name
    return simplified("".join(unicodedata.normalize("NFKC", name).split()))

def collective(name: str) -> bool:
    """A class of offices, no one office: "各区人民政府", "各县（市、区）", "市直各部门", "各有关单位", "县直有关部门"
    (vocabulary.COLLECTIVE, and 各). A form sent to such a class names it as its 填报单位 on every office's copy."""
    return any(word in simplified(name) for word in ("各", *COLLECTIVE))


def named_by(candidates: Iterable[T], name: str, key: Callable[[T], str],
          folds: Sequence[Callable[[str], str]]) -> list[T]:
    """The candidates whose `key` the name names in the first tier that finds any: for each fold in turn (the text
    as given, then simplified …), the same name, else those it begins, else those it is part of. Empty when none
    does; the caller says what one, several or none mean."""
    return NameIndex(candidates, key, folds).named(name)


class FoldedKeys(NamedTuple):
    """A NameIndex's keys by one fold: in the candidates' order, by key, sorted (with the candidates' places in that
    order), and joined by NUL (with where each starts) for one search of them all."""

    keys: list[str]
    same: dict[str, list[int]]
    ordered: list[str]
    order: list[int]
    joined: str
    starts: list[int]


class NameIndex(Generic[T]):
    """named_by for many names among the same candidates: each key folded once, by a fold when a name first needs it
    (a return's 1,200 rows among its programme's 1,200 titles folded every title for every row: trial57 #4). The same
    name by a dict, those it begins by bisection of the sorted keys, those it is part of by one search (str.find, in C)
    of the keys joined; what each tier finds in the candidates' order."""

    def __init__(self, candidates: Iterable[T], key: Callable[[T], str], folds: Sequence[Callable[[str], str]]):
        self.candidates, self.key, self.folds = list(candidates), key, folds
        self._keys: dict[int, FoldedKeys] = {}  # by fold, made when first needed

    def keys(self, fold: int = 0) -> list[str]:
        """The candidates' keys as the fold-th fold makes them, in the candidates' order."""
        return self._folded(fold).keys

    def _folded(self, at: int) -> FoldedKeys:
        if (found := self._keys.get(at)) is None:
            fold, key = self.folds[at], self.key
            keys = [fold(key(candidate)) for candidate in self.candidates]
            same: dict[str, list[int]] = {}
            for place, text in enumerate(keys):
                same.setdefault(text, []).append(place)
            order = sorted(range(len(keys)), key=keys.__getitem__)
            starts = list(accumulate((len(text) + 1 for text in keys[:-1]), initial=0))
            found = self._keys[at] = FoldedKeys(keys, same, [keys[place] for place in order], order, "\0".join(keys),
                                                starts)
        return found

    def named(self, name: str) -> list[T]:
        """What named_by finds of the name (the same tiers, in the same order)."""
        candidates = self.candidates
        if not candidates:
            return []
        for at, fold in enumerate(self.folds):
            folded = fold(name)
            keys = self._folded(at)
            if found := keys.same.get(folded):
                return [candidates[place] for place in found]
            start, places = bisect_left(keys.ordered, folded), []
            for text, place in zip(islice(keys.ordered, start, None), islice(keys.order, start, None), strict=True):
                if not text.startswith(folded):
                    break
                places.append(place)
            if places:
                return [candidates[place] for place in sorted(places)]
            if found := [candidates[place] for place in _holding(keys, folded)]:
                return found
        return []


def _holding(keys: FoldedKeys, part: str) -> list[int]:
    """The places of the keys that hold `part` (not empty), in order: each found by one search of the joined keys, the
    search going on from the next key's start (a name holding a NUL, which no key joined can hold whole, by each)."""
    if "\0" in part:
        return [place for place, text in enumerate(keys.keys) if part in text]
    joined, starts, places = keys.joined, keys.starts, []
    at = joined.find(part)
    while at >= 0:
        place = bisect_right(starts, at) - 1
        places.append(place)
        if place + 1 == len(starts):
            break
        at = joined.find(part, starts[place + 1])
    return places


def code_key(code: str) -> str:
    """A programme's or a task's code as typed and as stored compared (trial53 #7): full-width forms folded (NFKC:
    "５", "／"), case folded ("SHENZHEN-2023"), outer spaces aside. The stored code stays as the plan wrote it."""
    return unicodedata.normalize("NFKC", code).strip().casefold()


def typed_code(code: str, known: Iterable[str]) -> str | None:
    """The known code a typed code names: itself, else the one code_key reads alike (None when none does, or several:
    then the refusal names them). The one reading of a code a user typed, in an option and in a return's row."""
    known = list(known)
    if code in known:
        return code
    key = code_key(code)
    alike = [candidate for candidate in known if code_key(candidate) == key]
    return alike[0] if len(alike) == 1 else None


LOOK_ALIKE_CHARACTERS = str.maketrans("lIoO", "1100")
"""Letters typed for the digits they look like ("l2" for 12, "1O" for 10): what a "did you mean" looks through."""


def close_to(value: str, known: Iterable[str], n: int = 5, same_numbers: bool = False) -> list[str]:
    """What a mistyped code, choice or option may have meant (trial53 #10): those reading alike (code_key, then
    letters for the digits they look like), those holding it or held in it, then those spelled like it (difflib;
    with `same_numbers`, only those with the same numbers: "shenzen-2023" is shenzhen-2023, but "x-2024" is another
    year's programme, not a typo of x-2023). Nothing but the look-alikes for a number, which every number is spelled
    like."""
    import difflib
    import re

    known = list(dict.fromkeys(known))
    if not known:
        return []
    key = code_key(value)
    keys = {candidate: code_key(candidate) for candidate in known}
    alike = [c for c, k in keys.items() if k == key or k.translate(LOOK_ALIKE_CHARACTERS) == key.translate(LOOK_ALIKE_CHARACTERS)]
    if alike:
        return alike[:n]
    if key.isdigit():  # "45" of a 40-task programme: 4, 5, 14 … would be noise; the refusal lists the codes
        return []
    holding = [c for c, k in keys.items() if key in k or k in key] if same_numbers or len(key) > 2 else []
    if same_numbers:  # the words of the codes compared, the year apart ("nowhere-2023" is not "shenzhen-2023")
        numbers, words = re.findall(r"\d+", key), re.sub(r"\d+", "", key)
        by_key = {re.sub(r"\d+", "", k): c for c, k in keys.items() if re.findall(r"\d+", k) == numbers}
        spelled = [by_key[k] for k in difflib.get_close_matches(words, list(by_key), n=n, cutoff=0.75)]
    else:
        by_key = {k: c for c, k in keys.items()}
        spelled = [by_key[k] for k in difflib.get_close_matches(key, list(by_key), n=n, cutoff=0.6)]
    return list(dict.fromkeys([*holding, *spelled]))[:n]


def unknown_task(programme: str, code: str, known: list[str]) -> Message:
    """The refusal of a task code a programme does not hold: the codes it may have meant (close_to), else its first
    tasks. One wording for a task reference (show, log) and a return's row."""
    if near := close_to(code, known):
        return Message("{programme} has no task {code!r}; did you mean: {codes}", programme=programme, code=code,
                       codes=", ".join(near), unknown=code)
    shown = ", ".join(known[:12]) + (" …" if len(known) > 12 else "")
    return Message("{programme} has no task {code!r}; its tasks are {codes}", programme=programme, code=code, codes=shown,
                   unknown=code)  # unknown: the code the refusal is of, named when many rows' are counted (cli/import_said)


def unknown_programme(known: list[str], code: str, db: str) -> UnknownProgramme:
    """The refusal of a programme code the store does not hold: the codes it may have meant (holding it, or held in
    it), else those it holds, else, holding none, the store named (safety48 F-06: "no programme is loaded yet (try
    `mstrack demo`)" named no store, and sent a coordinator who had mistyped --db to load the samples into the wrong
    one). Before trial50 `-p` of units, lights and the reports said it in words of their own ("--programme 'x': no such
    programme; known: none")."""
    near = close_to(code, known, n=len(known), same_numbers=True)  # shenzhen, SHENZHEN-2023, shenzen-2023
    if near:
        hint = Message("did you mean: {codes}", codes=", ".join(near))
    elif known:
        hint = Message("known: {codes}", codes=", ".join(known))
    else:
        hint = Message("{db} holds no programme yet (`mstrack import plan FILE.toml` adds one; is it the store you meant?)",
                       db=db)
    return UnknownProgramme("no programme {code!r}; {hint}", code=code, hint=hint, unknown=code)


ABBREVIATION_TAIL = 3
"""How far from its end a full name holds the last character of its abbreviation: 局 of 市住房和城乡建设局, 委 of
市卫生健康委员会 (委员会) or 市发展和改革委员会."""


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` is a Chinese abbreviation (简称) of `full` by the common rule: characters kept from the full
    name in their order, its kind of office kept at the end — 住建局 of 市住房和城乡建设局, 卫健委 of 市卫生健康委员会,
    人社局 of 区人力资源和社会保障局, 区住建局 of 福田区住房和城乡建设局. No table of offices: any name abbreviated so."""
    short, full = look_alike(short), look_alike(full)
    if len(short) < 2 or len(short) >= len(full) or short[-1] not in full[-ABBREVIATION_TAIL:]:
        return False
    rest = iter(full)
    return all(character in rest for character in short)  # a subsequence: each found after the one before
