"""千万 and 百万 are scales wherever 万 and 亿 are (domain.quantities.SCALES, the one list every reader's patterns are
built from): "投资1千万元建设便民点" is 10000000 元, not 1000 with no unit and "万元" left in its name (review56)."""

from __future__ import annotations

from mstrack.domain.quantities import parse_quantity
from mstrack.sources.table.mentions import find_mentions


def test_qianwan_and_baiwan_are_scales():
    assert [(m.name, m.value, m.unit) for m in find_mentions("投资1千万元建设便民点", 2023)] == [("投资建设便民点", 10_000_000, "元")]
    assert [(m.value, m.unit) for m in find_mentions("培训3百万人次", 2023)] == [(3_000_000, "人次")]
    assert (parse_quantity("1千万元").value, parse_quantity("1千万元").unit) == (10_000_000, "元")
    assert (parse_quantity("2.5百万").value, parse_quantity("2.5百万").unit) == (2_500_000, "")
    assert (parse_quantity("5千米").value, parse_quantity("5千米").unit) == (5000, "米")  # 千 alone as before
