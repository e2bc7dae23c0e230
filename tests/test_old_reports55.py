"""`report diff` of a report an older mstrack froze (trial55 F3): after `db upgrade` alone it said 56 "changes since it
was sent" where no figure had changed (today's mstrack counts the unit rollup and words the summary otherwise), exit 1.
With no write since the freeze the data are as they were: what differs is how this mstrack makes the report, said
apart, exit 0; the frozen copy itself is never altered."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from .conftest import done
from .test_ret48b import plan

OLD_SUMMARY = "共1项任务：0项滞后，1项未到期"


def as_the_older_mstrack_froze_it(url: str) -> None:
    """The frozen JSON as an mstrack of schema version 3 wrote it (its summary worded otherwise, its unit rollup
    counting each line: 2 tasks), and the store upgraded since (versions 4 on applied after the freeze)."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        (number, content, frozen), = connection.execute(text("SELECT id, content, created_at FROM report_snapshot")).all()
        old = json.loads(content)
        old["summary"]["text"] = OLD_SUMMARY
        old["units"][0]["tasks"] = 2
        # the columns later migrations added (15: last_batch, part; 17: seen_batches, seen_schema) hold nothing for it
        connection.execute(text("UPDATE report_snapshot SET content = :c, last_batch = NULL, part = NULL,"
                                " seen_batches = NULL, seen_schema = NULL WHERE id = :i"),
                           {"c": json.dumps(old, ensure_ascii=False), "i": number})
        later = datetime.now(UTC) + timedelta(seconds=1)  # the upgrade, after the freeze
        connection.execute(text("UPDATE schema_version SET applied_at = :at WHERE version > 3"), {"at": later})
    engine.dispose()


def frozen_by_an_older_mstrack(cli, tmp_path) -> str:
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--by", "张三"))
    done(cli("report", "weekly", "--as-of", "2023-07-05", "--since", "2023-06-20", "--format", "json", "--freeze"))
    as_the_older_mstrack_froze_it(cli.url)
    return cli.sql("SELECT content FROM report_snapshot")[0][0]


def test_a_report_frozen_by_an_older_mstrack_with_no_write_since_has_no_change(cli, tmp_path):
    frozen = frozen_by_an_older_mstrack(cli, tmp_path)
    result = cli("report", "diff", "1")
    assert result.exit_code == 0, result.output
    assert "0 changes since it was sent" in result.output, result.output
    assert ("no write since it was frozen, so none of the data changed; it differs in 2 places in how this mstrack makes "
            "the report (frozen by an earlier mstrack, at schema version 3; now") in result.output, result.output
    assert OLD_SUMMARY in result.output and "Tasks 2 → 1" in result.output, result.output
    found = cli("report", "diff", "1", "--format", "json")
    assert found.exit_code == 0, found.output
    said = json.loads(found.output)
    assert said["changes"] == [] and said["writes_since"] == 0 and said["frozen_at_schema"] == 3
    assert sorted(change["path"] for change in said["form_differences"]) == ["summary.text", "units[市教育局].tasks"]
    assert cli.sql("SELECT content FROM report_snapshot")[0][0] == frozen  # never altered


def test_a_write_since_is_a_change_and_the_older_form_is_named_beside_it(cli, tmp_path):
    frozen = frozen_by_an_older_mstrack(cli, tmp_path)
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-06-30", "--by", "张三"))
    result = cli("report", "diff")
    assert result.exit_code == 1, result.output
    assert "300个 → 320个" in result.output, result.output
    assert ("the frozen copy was made by an earlier mstrack (schema version 3; now") in result.output, result.output
    assert "not from the 1 write since" in result.output, result.output
    said = json.loads(cli("report", "diff", "--format", "json").output)
    assert said["writes_since"] == 1 and said["form_differences"] == [] and said["changes"]
    assert cli.sql("SELECT content FROM report_snapshot")[0][0] == frozen


def test_a_report_frozen_by_this_mstrack_still_says_each_change(cli, tmp_path):
    done(cli("import", "plan", plan(tmp_path)))
    done(cli("log", "x-2023/1", "300", "--as-of", "2023-06-30", "--by", "张三"))
    done(cli("report", "weekly", "--as-of", "2023-07-05", "--since", "2023-06-20", "--format", "json", "--freeze"))
    unchanged = cli("report", "diff")
    assert unchanged.exit_code == 0 and "0 changes since it was sent" in unchanged.output, unchanged.output
    assert "no write since" not in unchanged.output
    done(cli("log", "x-2023/1", "320", "--as-of", "2023-06-30", "--by", "张三"))
    result = cli("report", "diff")
    assert result.exit_code == 1 and "300个 → 320个" in result.output, result.output
    assert "earlier mstrack" not in result.output
