"""The trial63 findings on writes, stores and messages (fixtrial63a): each test failed before its fix."""

import pytest

from .conftest import BACKEND, done, refused

# F2 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.skipif(BACKEND != "sqlite", reason="files beside an SQLite store")
@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_or_blank_target_is_refused_naming_it(cli, tmp_path, monkeypatch, value):
    """`db copy --to ''` filled the default store (a script's unset variable); ' ' made a file named " "."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("MSTRACK_DB", raising=False)
    done(cli("init"))
    before = {path.name for path in tmp_path.iterdir()}
    refused(cli("db", "copy", "--to", value), "--to: empty")
    refused(cli("db", "backup", value), "TARGET: empty")
    refused(cli("db", "restore", value), "BACKUP: empty")
    refused(cli("report", "weekly", "-o", value), "empty; give a file name")
    assert {path.name for path in tmp_path.iterdir()} <= before  # no file named " ", no default store
