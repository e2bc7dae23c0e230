"""A paragraph that shares an item's work out among offices clause by clause ("责任分工：A负责开展规划编制工作，B组织
实施，C配合，D业务检查指导"): each clause opens with its offices and the duty they take (vocabulary.DUTY_VERBS), the rest
of it their work. Read as the 责任单位 cell it stands for, so that a labelled paragraph of prose gives its item offices
as a list of names does (list_labels.column_label)."""

from __future__ import annotations

import re

from mstrack.sources.table.office_names import ends_like_unit, shared_tails
from mstrack.sources.table.units import office_list
from mstrack.vocabulary import (
    DUTY_MANNERS,
    DUTY_VERBS,
    FRAMING_WORDS,
    HELPER_ROLE_WORDS,
    LEAD_ROLE_WORDS,
    OVERSIGHT_ROLE_WORDS,
    RESPONSIBLE_WORD,
)

DUTY_RE = re.compile(rf"(?:{'|'.join(DUTY_MANNERS)})*(?P<verb>{'|'.join(DUTY_VERBS)})")
HELPING = (*HELPER_ROLE_WORDS, *OVERSIGHT_ROLE_WORDS, "检查指导")
# "其他项目由A负责实施", "二期项目由A负责": the part of the work the clause is about, before 由, no office
SCOPE_BY_RE = re.compile(r"^(?:[^，,、；;。由]{1,20}?(?:项目|工程|任务))?\s*由\s*")
# "按照片林规划要求": a clause that frames the work by a plan, naming no office
FRAMING_CLAUSE_RE = re.compile(rf"^(?:{'|'.join(FRAMING_WORDS)})[^，,；;。]{{0,20}}?(?:要求|规划|方案|原则|规定|标准)$")
# "A等县直部门配合": the others closing a list of offices are no office of their own
CLOSING_OTHERS_RE = re.compile(r"(?<=\S)等[\u4e00-\u9fff]{0,6}?(?:部门|单位)$")
DUTY_ONLY_RE = re.compile(rf"(?:{'|'.join((*DUTY_MANNERS, *DUTY_VERBS))})+")  # "协同配合": the duty of the offices before


def clauses(text: str) -> list[str]:
    """The paragraph's clauses between "，" "；" "。", a bracket's stops kept in its clause."""
    clauses, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += char in "（(" and 1 or -(char in "）)" and depth > 0)
        if depth == 0 and char in "，,；;。":
            clauses.append(text[start:at])
            start = at + 1
    return [c.strip() for c in [*clauses, text[start:]] if c.strip()]


def _offices(text: str) -> list[str] | None:
    """The offices a clause opens with ("A、B", "A和B", "东城、西城片区管理局"), the closing 等…部门 aside; None unless
    every name is an office's (or a collective one, "各片区管理局", "县直有关部门")."""
    text = CLOSING_OTHERS_RE.sub("", text.strip())
    names = [n.strip() for n in re.split(r"[、和及]", text) if n.strip()] if not office_list(text) or "、" in text else [text]
    names = shared_tails(names)
    if not names or not all(len(n) <= 30 and (office_list(n, towns=True) or n.startswith("各") and ends_like_unit(n))
                            for n in names):
        return None
    return names


def _duty(clause: str) -> tuple[list[str], str] | None:
    """A clause's offices and the duty they take ("B组织实施": [B], 组织实施), the first duty word its offices read
    before; None for a clause that opens with no office."""
    text = SCOPE_BY_RE.sub("", clause, count=1)
    for m in DUTY_RE.finditer(text):
        if m.start() and (names := _offices(text[:m.start()])):
            return names, m["verb"]
    return None


def duty_cell(paragraph: str) -> str | None:
    """The 责任单位 cell a paragraph of duty clauses stands for: "牵头单位：the lead；责任单位：the others". The offices a
    牵头 names lead; else those of the first clause whose duty is no helper's (配合, 指导 …): all of them where it is 负责
    ("A、B负责，C参与"), its first office for any other duty, as the first of a 责任单位 list does. A clause with no
    office of its own frames the work ("按照…要求") or goes on with the offices before it ("协同配合"); any other
    clause ("加强统筹规划") makes the paragraph no sentence of duties: None."""
    read: list[tuple[list[str], str]] = []
    for clause in clauses(paragraph):
        if duty := _duty(clause):
            read.append(duty)
        elif not (FRAMING_CLAUSE_RE.match(clause) or read and DUTY_ONLY_RE.fullmatch(clause)):
            return None
    if not read:
        return None
    leading = [names for names, verb in read if verb in LEAD_ROLE_WORDS]
    first = next(((names, verb) for names, verb in read if verb not in HELPING), read[0])
    # "A、B负责，C参与": every office 负责 closes leads, as "A、B牵头" (close47); "A组织实施，B…": the first
    lead = [n for names in leading for n in names] or (first[0] if first[1] == RESPONSIBLE_WORD else first[0][:1])
    others = [n for names, _ in read for n in names if n not in lead]
    others = list(dict.fromkeys(others))
    return f"牵头单位：{'、'.join(lead)}；责任单位：{'、'.join(others)}" if others else "、".join(lead)
