import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mstrack.cli import app

os.environ.setdefault("MSTRACK_LANG", "zh")  # the tests read Chinese tables, whatever the machine's locale
ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"
SEEDS = ROOT / "data" / "seed"


def write_plan(path: Path, body: str, code: str = "x-2023") -> Path:
    """A small plan file: the programme header, then `body` (tasks and lines) as given."""
    path.write_text(f'format = 1\n[programme]\ncode = "{code}"\nname = "x"\nyear = 2023\n{body}', encoding="utf-8")
    return path


class Cli:
    """Runs mstrack in-process against one database file, the way a user would type it."""

    def __init__(self, db: Path):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), "--lang", "zh", *args], env=env, catch_exceptions=False)


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "t.db")


@pytest.fixture(scope="session")
def _demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = Cli(db)("demo")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:  # WAL: fold the log into the file so a plain copy is whole
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


@pytest.fixture
def demo_cli(_demo_db, tmp_path) -> Cli:
    """A fresh copy of the demo database for each test."""
    db = tmp_path / "demo.db"
    shutil.copy(_demo_db, db)
    return Cli(db)
