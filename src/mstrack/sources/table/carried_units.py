"""A unit that an item's offices name once for every item below it ("（区资源生态局牵头负责;各片区负责配合落实，以下均需
各片区配合落实，不再列出）", "责任单位：…，各乡镇人民政府负责落实。以下均需各乡镇人民政府落实，不再列出"): the note is no
office of the item, and the unit it names is one of each item from there on (list_numbered.numbered_table)."""

from __future__ import annotations

import re

CARRIED_RE = re.compile(r"[，,；;。]?\s*以下(?:均|都|各项)?(?:需|由|请)?\s*(?P<units>[^，,；;。（）()\s]{2,30}?)\s*"
                        r"(?:配合|负责|协助)?(?:落实|实施|执行)\s*[，,；;。]?\s*不再(?:列出|列明|标注|一一列出)[。.]?")


def without_carried(text: str) -> str:
    """The text without its note naming a unit for every item below."""
    return CARRIED_RE.sub("", text)


def carried(texts: list[str]) -> str:
    """The units a note among `texts` names for every item below, "" when none does."""
    return next((m["units"] for text in texts if (m := CARRIED_RE.search(text))), "")


def with_carried(cell: str, units: str) -> str:
    """A 责任单位 cell with the carried units added as a list of its own (helpers after the roles it names), unless it
    names them already."""
    return cell if not units or units in cell else f"{cell}；{units}" if cell else units
