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


# --- 2. a bound held each period that restates the year's figure: kept as the indicator's note ------------------------

def test_a_bound_held_each_period_is_doubted_not_dropped(tmp_path):
    from .conftest import conversion_messages, convert_words, indicator_rows
    conversion = convert_words(tmp_path, "城镇调查失业率控制在5.5%以内，每月调查失业率不超过5.5%", year=2024)
    assert [name for name, _, _ in indicator_rows(conversion.programme)] == ["城镇调查失业率"]
    held = [m for m in conversion_messages(conversion) if "held each period" in m]
    assert len(held) == 1 and "每月调查失业率不超过5.5%" in held[0] and "“城镇调查失业率” (5.5%)" in held[0]


# --- 3. 新增 steps rising to the year's figure, no 累计: running totals or per-period amounts, doubted ----------------

def test_rising_added_steps_without_a_running_total_word_are_doubted(tmp_path):
    from .conftest import conversion_messages, convert_words, indicator_rows
    conversion = convert_words(tmp_path, "6月底前新增城镇就业1000人，9月底前新增1500人，全年新增3000人", year=2024)
    [(_, target, milestones)] = indicator_rows(conversion.programme)
    assert (target, [t for _, t in milestones]) == (3000, [1000, 1500, 3000])
    assert [m for m in conversion_messages(conversion) if "may be amounts per period" in m]


def test_steps_that_say_running_total_are_not_doubted(tmp_path):
    from .conftest import conversion_messages, convert_words
    conversion = convert_words(tmp_path, "6月底前新增城镇就业1000人，9月底前累计新增1500人，全年累计新增3000人", year=2024)
    assert not [m for m in conversion_messages(conversion) if "may be amounts per period" in m]


# --- 4. a quarter or a half dates a step whatever its verb; 全部开工 by a date is the whole figure by then -----------

@pytest.mark.parametrize("label, due", [("一季度", "03-31"), ("二季度", "06-30"), ("三季度", "09-30"), ("四季度", "12-31"),
                                        ("上半年", "06-30"), ("下半年", "12-31")])
def test_a_quarter_or_a_half_dates_a_start_step(label, due):
    from mstrack.sources.table.schedule import dated_clauses
    found = dated_clauses(f"改造老旧小区30个，{label}开工10个", 2024)
    assert [(str(d)[5:], words) for _, d, words in found] == [(due, f"{label}开工10个")]


def test_quarters_and_a_whole_start_are_milestones(tmp_path):
    from .conftest import convert_words, indicator_rows
    conversion = convert_words(tmp_path, "改造老旧小区30个，一季度开工10个，上半年累计开工20个，三季度全部开工", year=2024)
    [(_, target, milestones)] = indicator_rows(conversion.programme)
    assert target == 30
    assert [(str(d), t) for d, t in milestones] == [("2024-03-31", 10), ("2024-06-30", 20), ("2024-09-30", 30),
                                                   ("2024-12-31", 30)]


# --- 5. a 全部 step restating the year's count, a share of the task's own target -----------------------------------

def test_a_whole_step_restating_the_count_is_no_second_target(tmp_path):
    from .conftest import convert_words, indicator_rows
    conversion = convert_words(tmp_path, "新建学校3所，全部开工3所", year=2024)
    assert [(name, target) for name, target, _ in indicator_rows(conversion.programme)] == [("新建学校", 3)]


def test_a_dated_share_is_a_checkpoint_of_the_tasks_own_target(tmp_path):
    from .conftest import convert_words, indicator_rows
    conversion = convert_words(tmp_path, "全年新增城镇就业3000人，上半年完成60%", year=2024)
    [(_, target, milestones)] = indicator_rows(conversion.programme)
    assert (target, [(str(d), t) for d, t in milestones]) == (3000, [("2024-06-30", 1800), ("2024-12-31", 3000)])


# --- 6. the summary says only what was summed -----------------------------------------------------------------------

def test_a_first_figure_with_no_total_before_it_is_not_said_to_be_added(tmp_path):
    from .conftest import conversion_messages, convert_words
    conversion = convert_words(tmp_path, "新建公厕20座，6月底前开工20座，10月底前建成20座", year=2024)
    assert not [m for m in conversion_messages(conversion) if "added to the total before them" in m]
    (tmp_path / "b").mkdir()
    conversion = convert_words(tmp_path / "b", "新增城镇就业3000人，6月底前新增1500人，9月底前新增800人", year=2024)
    [said] = [m for m in conversion_messages(conversion) if "added to the total before them" in m]
    assert "read 800 as" in said


def test_a_whole_start_with_no_years_figure_stays_words(tmp_path):
    from .conftest import convert_words, indicator_rows
    conversion = convert_words(tmp_path, "一季度开工10个，上半年累计开工20个，三季度全部开工", year=2024)
    [(_, _, milestones)] = indicator_rows(conversion.programme)
    assert [(str(d), t) for d, t in milestones] == [("2024-03-31", 10), ("2024-06-30", 20)]
    checkpoints = [c for task in conversion.programme.tasks for line in task.lines for c in line.checkpoints]
    assert ("2024-09-30", "三季度全部开工") in [(str(c.due), c.text) for c in checkpoints]
