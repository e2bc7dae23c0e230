"""Issue 13, read49b: structures of corpus files still below their reading, each in a small sentence or table."""

from __future__ import annotations


def _figures(text: str) -> list[tuple[float, str]]:
    from mstrack.sources.table.mentions import find_mentions

    return [(m.value, m.unit) for m in find_mentions(text, 2022)]


def test_visits_counted_by_the_firm_are_one_unit_jiaci():
    """"抽查不少于30家次": 家次 counts visits to firms, as 人次 counts visits by people — one unit, not 30 家 with a
    stray 次 (which would match no target in 家次 and invent one in 家)."""
    assert _figures("对小微企业抽查不少于30家次。") == [(30, "家次")]
    assert _figures("检查企业30家。") == [(30, "家")]


def test_a_rate_named_as_such_with_its_count_in_brackets_is_two_targets():
    """"抽查比例不少于50%（60家次）": a rate the item sets (a 比例 with its bound) and, in brackets, the count it comes
    to: both are the year's figures; a share of the work with its count ("完成20%点位(12个)") stays one checkpoint, the
    count, as before."""
    assert _figures("进行抽查，抽查比例不少于50%（60家次）。") == [(50, "%"), (60, "家次")]
    assert _figures("检查覆盖率达到80%(40个)。") == [(80, "%"), (40, "个")]
    assert _figures("6月底前完成20%点位(12个)。") == [(12, "个")]


def test_the_same_count_twice_in_a_list_before_its_verb_counts_two_things(tmp_path):
    """"对2家工业气体、8家加油站、8家涉氨制冷企业进行监督检查": a list of counted objects whose verb comes after it (对…
    进行…) — each 8家 counts a kind of its own, two targets, as "新建8所小学、8所中学" (the verb before) already reads; a
    slogan's parts with no verb ("实现“一个网格、一个查询码”") stay one."""
    from .conftest import convert_written

    rows = [["序号", "项目", "责任单位"], ["1", "对2家工业气体、8家加油站、8家涉氨制冷企业进行监督检查。", "区应急局"],
            ["2", "危险化学品企业：8家加油站、8家制冷企业进行检查。", "区应急局"]]
    tasks = convert_written(tmp_path, "a.csv", rows, year=2022).programme.tasks
    got = [sorted((i.target, i.unit) for line in t.lines for i in line.indicators) for t in tasks]
    assert got == [[(2, "家"), (8, "家"), (8, "家")], [(8, "家"), (8, "家")]]
