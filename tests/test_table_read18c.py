"""Issue 13, the twelfth held-out set's losses on the header path: each rule on a small synthetic table."""

from __future__ import annotations

import pytest

from mstrack.sources.table.units import roles_in


@pytest.mark.parametrize(("cell", "leads"), [
    ("县人社局、县农业农村局分别牵头", "县人社局、县农业农村局"),
    ("县人社局 县农业农村局分别牵头", "县人社局、县农业农村局"),
    ("县人社局、县发改局共同牵头", "县人社局、县发改局"),
])
def test_offices_that_each_lead_their_part_all_lead(cell, leads):
    """"A、B分别牵头": each office leads its own part of the item, so both lead and no unit is "B分别牵头"."""
    lead, others = roles_in(cell)
    assert (lead.replace(" ", "、"), others) == (leads, "")
