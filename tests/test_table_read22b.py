"""Issue 13, read22b: the fourteenth held-out set's losses (b), each rule on a small synthetic case: a growth rate
against last year ("比上年增长9%左右") is the year's target; a column with an empty header left of the labelled ones
holding short names is the item column, and numbered lines inside a cell are the item's parts, not task numbers; a
programme's numbered items with figures and no office are a list."""

from __future__ import annotations

from mstrack.sources.table.mentions import find_mentions

# --- 1. a growth rate against last year is the year's target -----------------------------------------------------------


def test_a_growth_rate_on_last_year_is_a_target():
    assert [(m.value, m.unit) for m in find_mentions("地区生产总值比上年增长9%左右。", 2021)] == [(9, "%")]
    assert [(m.value, m.unit) for m in find_mentions("居民收入较去年同期提高6.5%。", 2021)] == [(6.5, "%")]


def test_last_year_s_level_is_still_no_target():
    """"上年完成30亿元" is last year's figure; "比上年增加11.2亿元" an amount beside the year's own figure."""
    assert find_mentions("上年完成投资30亿元。", 2021) == []
    assert [(m.value, m.unit) for m in find_mentions("省安排补助资金61.7亿元,比上年增加11.2亿元。", 2021)] == [(61.7e8, "元")]
