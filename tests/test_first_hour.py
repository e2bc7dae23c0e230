"""What a new user meets in the first hour (issue 16): options checked before anything is written, the
same value logged twice, one unit rule for log and import, report diff by identity."""

import json
import os

from tests.conftest import Cli, refused


def test_a_bad_option_is_refused_before_anything_is_written(tmp_path):
    missing = tmp_path / "no" / "such" / "dir" / "t.db"
    refused(Cli(missing)("demo"), f"--db {missing}: the directory {missing.parent} does not exist")
    refused(Cli(f"sqlite:///{missing}")("log", "yantian-2023/1", "5"), "does not exist")
    assert not (tmp_path / "no").exists()
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
