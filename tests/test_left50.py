"""What the fixers of the sixteenth session noticed and left (left50): one rule for the views of an empty store; the
bad rows of docs/import.md as today's template makes them; no forecast date for a level; a return's rows dated before
a programme's start refused as `log` refuses them; a line's text checkpoints listed by `show`."""

import pytest

from .conftest import done, plan_task, plan_tasks, refused, write_plan

# --- 1: views of a store with no programme ------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["status"], ["units"], ["lights"], ["units", "--format", "json"],
                                     ["lights", "--format", "csv"]])
def test_every_view_of_a_store_with_no_programme_says_so_as_status_does(cli, command):
    """`units` and `lights` printed an empty board and nothing else, exit 0, where `status` says the store holds no
    programme yet: now each says it on stderr in the same words (the board as before on stdout, exit 0)."""
    done(cli("init"))
    result = cli(*command)
    assert result.exit_code == 0, result.output
    assert "no programmes in " in result.stderr and "`mstrack import plan FILE.toml` adds one" in result.stderr, (
        command, result.stderr)


def test_a_view_of_a_store_with_programmes_says_nothing_of_an_empty_store(demo_cli):
    for command in (["units"], ["lights", "--as-of", "2023-07-01"]):
        result = demo_cli(*command)
        assert result.exit_code == 0 and "no programmes in " not in result.stderr, result.stderr


# --- 3: no pace projected for a level ----------------------------------------------------------------------------

def test_a_level_below_its_target_has_no_pace_projected(demo_cli):
    """yantian-2023/18's 每月平均用餐人数 710人 is a monthly average (`reading = "level"`): 420 in July and 500 in August
    were projected as a running total ("last two reports rise 2.58人 a day, deadline needs rise 1.72人 a day, at this
    pace done on 2023-11-21, in time"). A level has no pace: `show` says so, and its JSON forecast holds no pace and
    no date, in `show` and `status` alike (the keys kept)."""
    import json

    done(demo_cli("log", "yantian-2023/18", "420", "--as-of", "2023-07-31"))
    done(demo_cli("log", "yantian-2023/18", "500", "--as-of", "2023-08-31"))
    shown = demo_cli("show", "yantian-2023/18", "--as-of", "2023-09-01")
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.stdout.split())
    assert "Forecast: a level (an average or a rate), not a running total: no pace is projected; judged by its figure " \
           "on 2023-12-31" in said, said
    assert "a day" not in said and "at this pace" not in said
    empty = {"recent_pace": None, "required_pace": None, "projected_done": None, "on_course": None}
    detail = json.loads(demo_cli("show", "yantian-2023/18", "--as-of", "2023-09-01", "--format", "json").stdout)
    assert [indicator["forecast"] for indicator in detail["indicators"]] == [empty]
    rows = json.loads(demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-09-01", "--format", "json").stdout)
    assert [row["forecast"] for row in rows if row["task"] == "18"] == [empty]


def test_a_level_met_before_its_deadline_is_still_held_so_far_and_a_count_is_projected(demo_cli):
    import json

    done(demo_cli("log", "yantian-2023/18", "720", "--as-of", "2023-08-31"))
    said = " ".join(demo_cli("show", "yantian-2023/18", "--as-of", "2023-09-01").stdout.split())
    assert "at its target so far; done only if still met on 2023-12-31" in said, said
    done(demo_cli("log", "yantian-2023/16", "215户", "--as-of", "2023-07-06"))
    detail = json.loads(demo_cli("show", "yantian-2023/16", "--as-of", "2023-07-07", "--format", "json").stdout)
    assert any(indicator["forecast"]["recent_pace"] is not None for indicator in detail["indicators"]), detail


# --- 4: a return's row dated before the programme's start ------------------------------------------------------------

def test_a_row_dated_before_the_programme_starts_is_refused_by_import_as_by_log(cli, tmp_path):
    """A programme that starts on 2023-03-01: `log --as-of 2023-02-15` was refused ("before the programme starts"), a
    return's row of that day was stored (the window of reports began on 1 January, the start only if earlier). Now both
    are refused by the one window (domain.dates.ReportWindow), from the start, naming it in the same words; nothing is
    written; a row of the start day itself is taken."""
    plan = write_plan(tmp_path / "x.toml", 'start = "2023-03-01"\n' + plan_tasks(
        plan_task("1", "学校", "教育局", "新建学位", "个", 100)))
    done(cli("import", "plan", str(plan)))
    returned = tmp_path / "教育局.csv"
    returned.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,新建学位,2023-02-15,40\n", encoding="utf-8")
    window = "outside the programme's days, 2023-03-01 to 2024-01-31 (its last day 2023-12-31 and the month after)"
    said = refused(cli("import", "progress", str(returned)), f"教育局.csv:2:截至日期: 2023-02-15 is {window}")
    assert "nothing was written" in said
    refused(cli("log", "x-2023/1", "40", "--as-of", "2023-02-15"), f"--as-of 2023-02-15: {window}")
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    returned.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,新建学位,2023-03-01,40\n", encoding="utf-8")
    done(cli("import", "progress", str(returned)))
    assert cli.sql("SELECT count(*) FROM report") == [(1,)]


# --- 5: a line's text checkpoints beside its indicator -----------------------------------------------------------------

Q2 = "出台我市住宅小区（楼宇）水电气收费明码标价的具体规范和收费公示参考样式"


def test_show_lists_the_text_checkpoints_of_a_line_beside_its_indicator(demo_cli):
    """shenzhen-2023/9's line has text checkpoints for Q1–Q3 (Q2: 出台…规范和收费公示参考样式) beside a Q4 indicator:
    `show` listed the Q4 milestone only, nothing said the Q2 规范 was due. Now it lists the line's other checkpoints
    under the indicator, and its JSON gives them under a new key, `line_checkpoints` (the keys there were kept)."""
    import json

    shown = demo_cli("show", "shenzhen-2023/9", env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.stdout.split())
    assert "Other checkpoints of the line (text, no figure)" in said, said
    assert "2023-06-30 第二季度" in said and Q2 in said.replace(" ", ""), said
    assert said.index("水电气收费专项检查") < said.index("2023-03-31 第一季度"), said
    detail = json.loads(demo_cli("show", "shenzhen-2023/9", "--format", "json").stdout)
    assert [(c["line"], c["due"], c["label"]) for c in detail["line_checkpoints"]] == [
        (1, "2023-03-31", "第一季度"), (1, "2023-06-30", "第二季度"), (1, "2023-09-30", "第三季度")]
    assert Q2 in detail["line_checkpoints"][1]["text"]
    assert [m["due"] for m in detail["indicators"][0]["milestones"]] == ["2023-12-31"]
    assert {"programme", "code", "title", "indicators", "links"} <= set(detail)
    zh = " ".join(demo_cli("--lang", "zh", "show", "shenzhen-2023/9", env={"COLUMNS": "200"}).stdout.split())
    assert "本行其他节点（文字，无数值）" in zh, zh


def test_a_task_whose_checkpoints_all_have_a_figure_gets_no_other_checkpoints(demo_cli):
    import json

    detail = json.loads(demo_cli("show", "shenzhen-2023/5", "--format", "json").stdout)
    assert detail["line_checkpoints"] == []
    assert "Other checkpoints" not in demo_cli("show", "shenzhen-2023/5").stdout


def test_show_reads_the_same_number_of_statements_whatever_the_task(demo_cli):
    """The line's checkpoints come in one read for the task, not one per line or indicator (no N+1)."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    statements = []

    def count(*_):
        statements.append(1)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        counts = {}
        for ref in ("shenzhen-2023/9", "shenzhen-2023/1", "shenzhen-2023/10", "yantian-2023/19"):
            statements.clear()
            assert demo_cli("show", ref, "--format", "json").exit_code == 0
            counts[ref] = len(statements)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert len(set(counts.values())) == 1, counts
