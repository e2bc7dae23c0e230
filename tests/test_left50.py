"""What the fixers of the sixteenth session noticed and left (left50): one rule for the views of an empty store; the
bad rows of docs/import.md as today's template makes them; no forecast date for a level; a return's rows dated before
a programme's start refused as `log` refuses them; a line's text checkpoints listed by `show`."""

import pytest

from .conftest import done


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
