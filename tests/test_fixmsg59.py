"""trial59's findings on messages and corrections. F3: a password is masked where the URL holds it, never as a word
across the message (password "postgres" took the install hint's extra out). F5: a day's figure corrected downward is
no fall: `log` and `import progress` warn by one rule. F6: `history` names the batch that corrected a value, not a
report id the table never shows. F12: an expected that is the target reads as the target does (831.6平方, not 832平方)."""

from __future__ import annotations

import sys

from typer.testing import CliRunner

from mstrack.cli import app

from .conftest import Cli, done, refused

HINT = "PostgreSQL needs the psycopg driver, which is not installed here; install mstrack with it: pip install 'mstrack[postgres]'"


# --- F3: a password masked where the URL holds it ----------------------------------------------------------------

def without_psycopg(monkeypatch) -> None:
    """psycopg's import blocked, as on an install without the postgres extra."""
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.setitem(sys.modules, "psycopg2", None)


def test_a_password_that_is_a_word_of_the_hint_leaves_the_hint_whole(monkeypatch):
    """postgres/postgres, the commonest local setup: before, `--db ***ql://***:***@…` and `pip install 'mstrack[***]'`."""
    without_psycopg(monkeypatch)
    result = CliRunner().invoke(app, ["--lang", "en", "--db", "postgresql://postgres:postgres@127.0.0.1:9/office", "status"])
    refused(result)
    assert isinstance(result.exception, SystemExit)
    assert result.stderr == f"mstrack: error: --db postgresql://postgres:***@127.0.0.1:9/office: {HINT}\n"


def test_a_one_letter_password_takes_no_letter_out_of_any_message(monkeypatch, tmp_path):
    """Password "p": before, `***ostgresql://u:***@…`, `***syco***g`, `***i*** install`; and the password, remembered
    for the run, took every p out of every later line too, another store's included."""
    without_psycopg(monkeypatch)
    result = CliRunner().invoke(app, ["--lang", "en", "--db", "postgresql://u:p@127.0.0.1:9/x", "status"])
    refused(result)
    assert result.stderr == f"mstrack: error: --db postgresql://u:***@127.0.0.1:9/x: {HINT}\n"
    monkeypatch.undo()
    office = Cli(tmp_path / "office.db")
    done(office("init"))
    result = office("programmes")
    assert result.exit_code == 0
    said = result.output
    assert "p" in said and "***" not in said, said


def test_scrub_masks_the_url_in_use_and_any_url_password_but_no_bare_word():
    from mstrack.store.urls import hide_password, scrub

    url = "postgresql://postgres:postgres@127.0.0.1:5432/postgres"
    assert hide_password(url) == "postgresql://postgres:***@127.0.0.1:5432/postgres"
    assert scrub(f"could not open {url}: database \"postgres\" does not exist") == (
        "could not open postgresql://postgres:***@127.0.0.1:5432/postgres: database \"postgres\" does not exist")
    assert scrub("install mstrack with it: pip install 'mstrack[postgres]'") == (
        "install mstrack with it: pip install 'mstrack[postgres]'")
    # the URL as a driver re-spells it (its driver named), and a password field, are masked all the same
    assert scrub("postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres") == (
        "postgresql+psycopg://postgres:***@127.0.0.1:5432/postgres")
    assert scrub("host=127.0.0.1 password=postgres dbname=postgres") == "host=127.0.0.1 password=*** dbname=postgres"
    # a password written percent-encoded is masked as written and as decoded
    encoded = "postgresql://clerk:a%40b%2Fc@127.0.0.1:9/office"
    assert hide_password(encoded) == "postgresql://clerk:***@127.0.0.1:9/office"
    assert scrub("postgresql://clerk:a@b/c@127.0.0.1:9/office") == "postgresql://clerk:***@127.0.0.1:9/office"
