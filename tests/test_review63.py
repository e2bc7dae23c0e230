"""review63: the session's merged changes reviewed. An undo refused for bringing reports onto a cancelled task says
how to get them back now that they can come back (leftover63: undo the revision, then the undo again), not "log them
anew"."""

import json

from .conftest import done, refused
from .test_fixplan57 import _five, _plan
from .test_fixprog55 import values


def test_the_refusal_onto_a_cancelled_task_says_the_undo_that_brings_its_reports_back(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/4", "8", "-i", "公园", "--as-of", "2026-06-30"))
    done(cli("log", "city-2026/4", "12", "-i", "公园", "--as-of", "2026-07-31"))
    batches = lambda: [row["id"] for row in json.loads(cli("batches", "-f", "json").stdout)]  # noqa: E731
    done(cli("undo", str(batches()[0])))
    undo = batches()[0]
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five()[::2]))))  # 4 cancelled, its 1 report kept
    cancel = batches()[0]
    result = refused(cli("undo", str(undo)), f"`mstrack undo {cancel}` brings the task back; then `mstrack undo {undo}` "
                                             "again brings them back")
    assert "log them anew" not in result, result
    zh = refused(cli("--lang", "zh", "undo", str(undo)), f"然后再次 `mstrack undo {undo}` 即可恢复这些报送")
    assert "重新填报" not in zh, zh
    done(cli("undo", str(cancel)))
    done(cli("undo", str(undo)))  # as the refusal said: the report back
    assert values(cli, "city-2026/4", "公园") == [("2026-06-30", 8), ("2026-07-31", 12)]
    assert cli.sql("select t.cancelled_by from task t where t.title = '建设口袋公园20个'") == [(None,)]
    status = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-08-01", "-f", "json").stdout)
    rows = status["rows"] if isinstance(status, dict) else status
    assert [row["actual"] for row in rows if row["task"] == "4"] == [12], rows


def test_history_of_a_period_with_no_entry_says_none_entered_then_not_no_reports_yet(cli, tmp_path):
    from datetime import date, timedelta

    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/4", "8", "-i", "公园", "--as-of", "2026-06-30"))
    before = str(date.today() - timedelta(days=1))
    for lang, none, yet in (("en", "No report entered in that period", "No reports yet"),
                            ("zh", "该期间内没有录入的报送", "尚无报送")):
        shown = cli("--lang", lang, "history", "city-2026/4", "--until", before, env={"COLUMNS": "200"})
        done(shown)
        assert none in shown.stdout and yet not in shown.stdout, shown.stdout
        whole = cli("--lang", lang, "history", "city-2026/4", env={"COLUMNS": "200"})
        done(whole)
        assert none not in whole.stdout and "8个" in whole.stdout, whole.stdout
    empty = cli("--lang", "en", "history", "city-2026/3", env={"COLUMNS": "200"})  # no report at all: as before
    done(empty)
    assert "No reports yet" in empty.stdout, empty.stdout


def test_a_duty_every_few_years_or_hours_is_a_working_rule_as_one_every_few_months_is():
    """figure_bounds: recurring_period reads '每2年' / '每3小时' as how often (TIME_SPAN_UNITS), so the figures after it
    are a working rule as after '每2个月' — WORKING_RULE_RE knew days to months only, and '1次' was read a target."""
    from mstrack.sources.table.figure_spans import figure_spans

    for words in ("每2个月至少进行1次技术指导", "每2年至少进行1次全面检查", "每3小时巡查1次", "每两个季度开展1次评估"):
        assert figure_spans(words, 2026) == [], words
    assert [span[2] for span in figure_spans("全年开展检查2次", 2026)] == ["2"]  # a figure of the year's work still
