"""What a new user meets in the first hour (issue 16): options checked before anything is written, the
same value logged twice, one unit rule for log and import, report diff by identity."""

import json
import os

from tests.conftest import Cli, refused


def test_a_bad_option_is_refused_before_anything_is_written(tmp_path):
    missing = tmp_path / "no" / "such" / "dir" / "t.db"
    refused(Cli(missing)("status"), f"--db {missing}: the directory {missing.parent} does not exist")
    refused(Cli(f"sqlite:///{missing}")("log", "yantian-2023/1", "5"), "does not exist")
    refused(Cli(missing)("import", "plan", str(tmp_path / "x.toml")), "does not exist")
    assert not (tmp_path / "no").exists()
    assert Cli(missing)("init").exit_code == 0  # init (and demo) make the database where --db says
    assert missing.exists()
    empty = Cli("")
    refused(empty("status"), "--db: empty")
    db = tmp_path / "t.db"
    refused(Cli(db)("demo", "--as-of", "garbage"), "--as-of", "garbage")
    assert not db.exists()


def test_mstrack_db_in_a_missing_directory_is_refused_too(tmp_path):
    from typer.testing import CliRunner

    from mstrack.cli import app

    missing = tmp_path / "gone" / "t.db"
    result = CliRunner().invoke(app, ["--lang", "en", "status"], env={"MSTRACK_DB": str(missing)})
    refused(result, f"MSTRACK_DB {missing}: the directory")
    assert not missing.parent.exists()
    assert os.listdir(tmp_path) == []


def test_show_checks_as_of_in_every_format(demo_cli):
    refused(demo_cli("show", "yantian-2023/19", "--as-of", "garbage", "--format", "json"), "--as-of", "garbage")
    refused(demo_cli("show", "yantian-2023/19", "--as-of", "garbage"), "--as-of")
    assert json.loads(demo_cli("show", "yantian-2023/19", "--format", "json").stdout)["code"] == "19"


def test_logging_the_same_value_and_note_again_writes_nothing(demo_cli):
    args = ("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-07-15", "-n", "区残联报数")
    first = demo_cli(*args)
    assert first.exit_code == 0, first.output
    before = demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")
    again = demo_cli(*args)
    assert again.exit_code == 0, again.output
    assert "unchanged: 950人次 as of 2023-07-15 is already recorded, with the same note; nothing written" in again.stdout
    assert "correcting" not in again.stdout
    assert (demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")) == before
    other_note = demo_cli(*args[:-1], "更正备注")  # a new note is news: it is written
    assert other_note.exit_code == 0 and "unchanged" not in other_note.stdout
    assert demo_cli.sql("select count(*) from report")[0][0] == before[0][0][0] + 1
    history = json.loads(demo_cli("history", "yantian-2023/19", "-i", "送教上门人次", "--format", "json").stdout)
    assert [e["value"] for e in history if e["as_of"] == "2023-07-15"] == [950, 950]


def test_report_diff_matches_rows_by_identity_and_shows_only_what_changed(demo_cli):
    assert demo_cli("report", "weekly", "--as-of", "2023-07-01", "--freeze", "-f", "json").exit_code == 0
    corrected = demo_cli("log", "yantian-2023/19", "910", "-i", "送教上门人次", "--as-of", "2023-06-30", "--reason", "区残联更正")
    assert corrected.exit_code == 0, corrected.output
    result = demo_cli("report", "diff", "1", "--format", "json")
    assert result.exit_code == 1
    changes = json.loads(result.stdout)["changes"]
    paths = [change["path"] for change in changes]
    assert paths == ["units[区残联].completion_rate", "changes.reports[yantian-2023/19/送教上门人次/人次#2]"], paths
    assert changes[1]["sent"] is None and changes[1]["now"]["value"] == 910
    table = demo_cli("report", "diff", "1")
    assert table.exit_code == 1
    assert table.stdout.splitlines()[0].endswith("2 changes since it was sent")
    assert "null → {yantian-2023 19 送教上门人次 人次 2023-06-30 910 not_due}" in table.stdout
