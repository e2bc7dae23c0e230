"""fixrev48b: review48 F4 — `report diff` of a report frozen by an older mstrack, whose JSON lacked a key added since
(reporting_unit, ret48), said it changed ("null → 福田区", exit 1) though nothing did; F5 — a correction by another
unit (accepted with --reason) took the first unit's 备注 as its own."""

from __future__ import annotations

import json

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from .conftest import done
from .test_ret48b import plan


def as_an_older_mstrack_froze_it(url: str, key: str) -> None:
    """Every frozen report's JSON without `key` anywhere: as a version before the key was added wrote it."""

    def without(value):
        if isinstance(value, dict):
            return {k: without(v) for k, v in value.items() if k != key}
        return [without(v) for v in value] if isinstance(value, list) else value

    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        rows = connection.exec_driver_sql("SELECT id, content FROM report_snapshot").fetchall()
        for number, content in rows:
            connection.exec_driver_sql("UPDATE report_snapshot SET content = %(c)s WHERE id = %(i)s" if "postgresql" in url
                                       else "UPDATE report_snapshot SET content = :c WHERE id = :i",
                                       {"c": json.dumps(without(json.loads(content)), ensure_ascii=False), "i": number})
    engine.dispose()


def frozen_weekly(cli, tmp_path) -> None:
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三"))
    done(cli("report", "weekly", "--as-of", "2023-07-05", "--since", "2023-06-20", "--format", "json", "--freeze"))
    assert '"福田区"' in cli.sql("SELECT content FROM report_snapshot")[0][0]
    as_an_older_mstrack_froze_it(cli.url, "reporting_unit")
    assert "reporting_unit" not in cli.sql("SELECT content FROM report_snapshot")[0][0]


def test_a_key_added_since_the_report_was_frozen_is_no_change(cli, tmp_path):
    frozen_weekly(cli, tmp_path)
    result = cli("report", "diff")
    assert result.exit_code == 0, result.output
    assert "0 changes since it was sent" in result.output
    assert "reporting_unit" not in result.output
    result = cli("report", "diff", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)["changes"] == [], result.output


def test_a_real_change_of_such_a_report_is_still_said(cli, tmp_path):
    frozen_weekly(cli, tmp_path)
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-06-30", "--unit", "福田区", "--by", "张三"))
    result = cli("report", "diff")
    assert result.exit_code == 1, result.output
    assert "300 → 320" in result.output
    assert "reporting_unit" not in result.output


def test_a_tally_word_new_since_the_report_was_frozen_is_a_change():
    """A tally (word → how many, as a table report's assessments) lists only the words met: a word absent from the
    frozen one was counted 0 then, not added by a later version."""
    from mstrack.reports.diff import diff

    sent = {"summary": {"tasks": 2, "assessments": {"较好": 2}}, "areas": []}
    now = {"summary": {"tasks": 2, "assessments": {"较好": 1, "一般": 1}}, "areas": []}
    assert [(c.path, c.sent, c.now) for c in diff(sent, now)] == [
        ("summary.assessments.较好", 2, 1), ("summary.assessments.一般", 0, 1)]
    assert diff({"summary": {"assessments": {}}}, {"summary": {"assessments": {"一般": 1}}})[0].now == 1
    assert diff({"rows": [{"task": "1", "value": 3}]}, {"rows": [{"task": "1", "value": 3, "reporting_unit": "福田区"}]}) == []
