"""Review17's figure and step findings (issue 13): every bound word read the right way round and gone from the name,
a bound held each period kept as a note, running totals doubted, quarters that date a step, a 全部 step and a share of
the task's own target as checkpoints, an at-least share before what it picks as a target."""
import pytest

from mstrack.domain.quantities import AT_LEAST_SUFFIXES, AT_MOST_SUFFIXES
from mstrack.sources.table.mentions import find_mentions
from mstrack.vocabulary import AT_LEAST_PREFIXES, AT_MOST_PREFIXES

EXPECTED_AT_MOST = ("不大于", "不超过", "不高于", "小于", "低于")
EXPECTED_AT_LEAST = ("不小于", "不低于", "大于", "高于", "超过")
NAMES = ("义务教育阶段大班额比例", "政务服务事项按时办结率", "城区夜间噪声达标率")


def test_the_bound_words_are_complete_and_longest_first():
    assert set(EXPECTED_AT_MOST) <= set(AT_MOST_PREFIXES)
    assert set(EXPECTED_AT_LEAST) <= set(AT_LEAST_PREFIXES)
    for words in (AT_LEAST_PREFIXES, AT_MOST_PREFIXES):
        assert list(words) == sorted(words, key=len, reverse=True)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("word, comparator", [(w, ">=") for w in AT_LEAST_PREFIXES] + [(w, "<=") for w in AT_MOST_PREFIXES])
def test_every_bound_word_before_a_figure_reads_its_way_and_leaves_the_name(word, comparator, name):
    [mention] = find_mentions(f"{name}{word}5%")
    assert (mention.value, mention.unit, mention.comparator, mention.name) == (5, "%", comparator, name)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("word, comparator", [(w, ">=") for w in AT_LEAST_SUFFIXES] + [(w, "<=") for w in AT_MOST_SUFFIXES])
def test_every_bound_word_after_a_figure_reads_its_way(word, comparator, name):
    [mention] = find_mentions(f"{name}5%{word}")
    assert (mention.value, mention.unit, mention.comparator, mention.name) == (5, "%", comparator, name)


def test_a_ceiling_on_a_count_of_land():
    [mention] = find_mentions("新增建设用地不大于500亩")
    assert (mention.value, mention.unit, mention.comparator, mention.name) == (500, "亩", "<=", "新增建设用地")


@pytest.mark.parametrize("word", [w for w in AT_LEAST_PREFIXES if w != "超"] + [w for w in AT_MOST_PREFIXES if w.startswith("不")])
def test_an_at_least_or_not_bound_share_before_what_it_picks_is_a_target(word):
    [mention] = find_mentions(f"{word}50%村庄实现垃圾分类")
    assert (mention.value, mention.unit) == (50, "%")


@pytest.mark.parametrize("word", ["低于", "少于", "小于"])
def test_a_bare_lower_than_share_before_what_it_picks_is_a_threshold(word):
    assert [(m.value, m.unit) for m in find_mentions(f"{word}50%镇街新增10个")] == [(10, "个")]
    assert [(m.value, m.unit) for m in find_mentions(f"对收入{word}50%的家庭发放补贴100户")] == [(100, "户")]
