"""Parties' duties as a group's parts, for the headerless reader (headerless.py): under a part sharing the work out
("九、职责分工", list_duties.shares_out), groups of parties ("（一）行政部门职责") over parts "1.区财政金融局。区财政金融局
及时下拨…，会同区卫计局建立…", each opened by its party's name and a stop, then its duty. The party leads its duty, the
bodies its duty is shared with its units; the duty's words, after the name, are the task."""

from __future__ import annotations

import re

from mstrack.sources.table.duty_clauses import clauses
from mstrack.sources.table.list_doers import office_clause, subject_run
from mstrack.sources.table.list_duties import shares_out
from mstrack.sources.table.list_roles import opening_body
from mstrack.sources.table.units import office_list

# "1.区财政金融局。区财政金融局及时下拨…": a part opened by its party's name (a bracket inside it kept: "乡镇卫生院（社区卫生
# 服务中心）") and a stop, its duty after it
PARTY_NAME = r"(?:[^，,。；;：:\s\d（）()]|[（(][^（）()，,。；;：:]{1,12}[）)]){2,24}?"
PARTY_PART_RE = re.compile(rf"^(\d{{1,3}})\s*[.．、]\s*({PARTY_NAME})\s*。\s*(\S.*)$", re.S)
SHARED_RE = re.compile(r"^会同|(?:需|须|应|要)?协助")  # "会同区卫计局建立…", "区疾控中心需协助区卫计局制定…": with whom
MIN_PARTS = 2  # the fewest parts so opened under the part sharing the work out


def party_parts(chosen: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A "(一)" run's entries (kind, words, offices) with each part "1.party。duty" under a part sharing the work out, no
    offices beside it, read as the party's duty: its words the duty after the name ("1.区卫计局负责…"), its offices
    "party负责，X协助" (read as such a cell is: the party leads, X a unit). Every part under that heading must be so
    opened, MIN_PARTS or more; the entries unchanged else."""
    heading, under = "", {}
    for k, (kind, words, units) in enumerate(chosen):
        heading = words if kind == "heading" else heading
        if kind == "part" and shares_out([heading]):
            under.setdefault(heading, []).append((k, None if units else _party_duty(words)))
    read = list(chosen)
    for parts in under.values():
        if len(parts) < MIN_PARTS or not all(found for _, found in parts):
            continue
        for k, (words, offices) in parts:
            read[k] = ("part", words, offices)
    return read


def _party_duty(words: str) -> tuple[str, str] | None:
    """("N.duty", "lead负责[，units协助]") for a part opened by a party's name and a stop; None for any other part. The
    party leads when it is an office or its duty opens with its name again; a party naming a kind of bodies ("区级医疗
    机构。区中医院负责…") is led by the body its duty opens with."""
    m = PARTY_PART_RE.match(words.strip())
    if not m or not office_clause(m[2]):
        return None
    number, party, duty = m[1], m[2], m[3].strip()
    lead = party if office_list(party) or duty.startswith(party) else opening_body(duty) or subject_run(duty) or party
    return f"{number}.{duty}", "，".join([f"{lead}负责", *(f"{name}协助" for name in _shared_with(duty, lead, party))])


def _shared_with(duty: str, lead: str, party: str) -> list[str]:
    """The bodies a duty is shared with: one it is done jointly with, in any clause ("会同区卫计局建立…"), and one the
    party helps, in its first clause only ("区疾控中心需协助区卫计局制定…": the party's own work; "…，协助乡镇卫生院完成…"
    later in its duties is a service it renders, no share of the task)."""
    found = []
    for at, clause in enumerate(clauses(duty)):
        subject = next((name for name in (party, lead) if clause.startswith(name)), None) or subject_run(clause) if at == 0 else ""
        rest = clause[len(subject):]
        if (m := SHARED_RE.match(rest)) and (at == 0 or m[0] == "会同") \
                and (name := subject_run(rest[m.end():])) and name != lead and name not in found:
            found.append(name)
    return found


def duty_part(chosen: list[tuple[str, str, str]]) -> list[int]:
    """The entries of a later "(一)" run that join the run read (headerless): a part sharing the work out whose every
    party's duty party_parts read — its heading, its groups ("（一）行政部门职责") and their parts, MIN_PARTS or more;
    [] when the run holds none."""
    for k, (kind, words, _) in enumerate(chosen):
        if kind != "heading" or not shares_out([words]):
            continue
        end = next((j for j in range(k + 1, len(chosen)) if chosen[j][0] == "heading"), len(chosen))
        inside = chosen[k + 1:end]
        groups_parts = all(kind == "part" and units or kind not in ("part", "lone", "top") and j + 1 < len(inside)
                           and inside[j + 1][0] == "part" for j, (kind, _, units) in enumerate(inside))
        if groups_parts and sum(kind == "part" for kind, _, _ in inside) >= MIN_PARTS:
            return list(range(k, end))
    return []
