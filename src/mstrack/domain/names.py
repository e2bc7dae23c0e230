"""Which of several things a name given in words names, as a user types it or a unit's report prints it: one
cascade of tiers for `log --indicator`, import progress's indicator names and a report's task names alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TypeVar

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


TIERS = (str.__eq__, str.startswith, str.__contains__)
"""The same name, else one it begins, else one it is part of."""


def named_by(candidates: Iterable[T], name: str, key: Callable[[T], str],
          folds: Sequence[Callable[[str], str]]) -> list[T]:
    """The candidates whose `key` the name names in the first tier that finds any: for each fold in turn (the text
    as given, then simplified …), the same name, else those it begins, else those it is part of. Empty when none
    does; the caller says what one, several or none mean."""
    candidates = list(candidates)
    for fold in folds:
        folded = fold(name)
        keys = [(candidate, fold(key(candidate))) for candidate in candidates]
        for same in TIERS:
            if found := [candidate for candidate, text in keys if same(text, folded)]:
                return found
    return []


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
