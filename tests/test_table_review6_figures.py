"""Review 6's findings on figures and dates (issue #13), each in general form on a small synthetic input: a pair of
figures labels things only with a sign of labelling, a size that is the work itself is its target, and "6月前" in a
date cell is read as before the month but doubted."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.convert import convert_table
from mstrack.sources.table.mentions import find_mentions
from tests.conftest import import_table, write_table


def _read(text: str) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in find_mentions(text, 2024)]


def test_a_pair_of_figures_is_two_targets_unless_something_labels_them():
    """A repeated measure word alone is no label: two verbs before the pair read as 分别 does, and a measure word of
    things that are not buildings is counted; a building word (栋) or a place before the figures labels them."""
    assert _read("新建、改扩建公办幼儿园4所、3所") == [(4, "所"), (3, "所")]
    assert _read("新建和改造农村公路30公里、50公里") == [(30, "公里"), (50, "公里")]
    assert [m.name for m in find_mentions("新建、改扩建公办幼儿园4所、3所", 2024)] == ["新建公办幼儿园", "改扩建公办幼儿园"]
    assert _read("更换路灯200盏和400盏") == [(200, "盏"), (400, "盏")]
    assert _read("新建和改造老旧房屋4栋、9栋") == [(4, "栋"), (9, "栋")]  # two verbs: one figure each
    assert _read("对协兴村4栋、9栋等开展老旧房屋安全隐患整治") == []  # building 4 and building 9
    assert _read("完成4栋和9栋改造") == []
    assert _read("整治协兴村4组、9组人居环境") == []  # a place before the figures: group 4 and group 9 of the village


def test_a_size_is_a_standard_only_when_what_it_describes_is_counted():
    """"面积X的…" qualifies what is counted only when that noun has a count of its own, before the size or after the
    noun; a bound (不少于) may stand between 面积 and the figure; the count is named without the standard."""
    assert _read("改造提升面积200万平方米的老旧小区") == [(2000000, "平方米")]
    found = find_mentions("新建面积不少于500平方米的综合文化服务中心5个", 2024)
    assert [(m.value, m.unit) for m in found] == [(5, "个")]
    assert found[0].name == "新建综合文化服务中心"
    assert _read("建设3个面积不低于200平方米的社区用房") == [(3, "个")]
    assert _read("改造面积200平方米的社区用房10处") == [(10, "处")]
    assert _read("新建社区用房10处，每个面积不少于300平方米") == [(10, "处")]


def _xlsx(tmp_path, deadline: str):
    return write_table(tmp_path / "table.xlsx", [["序号", "工作任务", "牵头单位", "完成时限"],
                                                 ["1", "新建农贸市场1个", "市商务局", deadline]])


def test_a_deadline_before_a_month_is_read_as_the_month_before_and_doubted(tmp_path):
    """"6月前" may mean before June or by the end of June: May 31 is read, and a person is asked to check, naming
    the other reading; --strict refuses. "6月底前", "6月份前", "2024年6月" are no doubt."""
    for text in ("6月前", "2024年6月前", "六月前"):
        result = convert_table(_xlsx(tmp_path, text), "t", 2024)
        assert result.programme.tasks[0].deadline == date(2024, 5, 31), text
        doubts = [str(d) for d in result.doubts]
        assert len(doubts) == 1 and "2024-05-31" in doubts[0] and "2024-06-30" in doubts[0], (text, doubts)
        assert any("2024-06-30" in str(c) for c in result.comments.values())
    for text in ("6月底前", "6月份前", "2024年6月", "12月底前"):
        result = convert_table(_xlsx(tmp_path, text), "t", 2024)
        assert result.doubts == [], (text, result.doubts)
    path = _xlsx(tmp_path, "6月前")
    refused, _ = import_table(path, "--strict", out=tmp_path / "out.toml", env=None, programme="t")
    assert refused.exit_code == 2, refused.output
    assert "2024-06-30" in refused.output
    assert not (tmp_path / "out.toml").exists()
