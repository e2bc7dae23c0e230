"""Issue 13, read50b: plans whose 工作目标 / 工作举措 set working rules — how often a duty is done ("每半月至少巡查1次"),
how far apart things stand ("每隔500米至少能看到1处") — which are no targets of the year."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2023)]


def test_a_frequency_or_a_spacing_is_a_working_rule_no_target():
    """"每半月至少巡查1次", "每两周开展1次", "每隔500米至少能看到1处…指示牌": how often a duty is done or how far apart the
    things stand, the whole clause a rule, no target; the work's own figures around it are targets still."""
    assert _figures("加强实地巡查监管，每半月至少巡查1次，加大保洁公司监督考核力度。") == []
    assert _figures("每两周开展1次集中清洁行动。") == []
    assert _figures("确保每隔500米至少能看到1处公共卫生间的指示牌，公共卫生间免费开放。") == []
    assert _figures("苏平路等主要道路每隔200米至少有1处能够看到的公益广告。") == []
    assert _figures("新建公共卫生间3处，每半月至少巡查1次。") == [(3, "处")]
    assert _figures("设置公益广告2幅。") == [(2, "幅")]

