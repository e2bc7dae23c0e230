"""A database error the driver raises while a Ctrl-C unwinds (psycopg's "cannot exit pipeline mode while busy" when
the KeyboardInterrupt reached a pipeline: seen once in CI on `db copy --to postgresql`) is an interrupt: exit 130
and the one interrupted line, not a database failure (exit 2) with the pool's traceback on stderr."""

import sqlite3

import pytest
import typer

from mstrack.cli.failures import errors_as_messages
from mstrack.entry import SAID

INTERRUPTED = {said + "\n" for said in SAID.values()}  # in the language an earlier test left the run in


def _raise_chained():
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise sqlite3.OperationalError("cannot exit pipeline mode while busy")  # noqa: B904 (its __context__)


def test_a_database_error_while_a_ctrl_c_unwinds_is_an_interrupt(capsys):
    with pytest.raises(typer.Exit) as exited, errors_as_messages():
        _raise_chained()
    assert exited.value.exit_code == 130
    assert capsys.readouterr().err in INTERRUPTED


def test_a_database_error_without_a_ctrl_c_is_a_database_failure(capsys):
    with pytest.raises(typer.Exit) as exited, errors_as_messages():
        raise sqlite3.OperationalError("disk I/O error")
    assert exited.value.exit_code == 2
    said = capsys.readouterr().err
    assert said and said not in INTERRUPTED  # the database failure line, in either language

