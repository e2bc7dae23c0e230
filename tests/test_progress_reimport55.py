"""perf55: `import progress` reads the entry standing on each row's day once (its value with its note, reporter, unit,
source, batch and time), where the rows correcting a value read it again and the rows already stored their note and
reporter; what it says and stores is the same as the code before (bench/progress_reimport.py's `before()`, the
benchmark's reference too): corrections, notes kept, another reporter's figure refused, unchanged rows with other texts."""

from __future__ import annotations

import shutil

import pytest

from .benches import bench_module
from .conftest import Cli
from .test_import_plan53 import _rows

BENCH = bench_module("progress_reimport")
REPORT_COLUMNS = "id, indicator_id, as_of, value, note, reporter, source, batch_id, reason, reporting_unit"
"""A report's columns but the time it was entered (two imports of one file differ in it)."""


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A plan of 60 tasks, one report a task imported, and the same rows each corrected (the bench's own data)."""
    from typer.testing import CliRunner

    from mstrack.cli import app

    folder = tmp_path_factory.mktemp("reimport55")
    runner = CliRunner()

    def invoke(db, *args):
        result = runner.invoke(app, ["--db", str(db), "--lang", "en", *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output

    return BENCH.stores(folder, 60, invoke)


def _edited(rows, fixes, target, change) -> None:
    """`target`: the header, then each row (n, its fields as first imported, as corrected) as `change` makes it."""
    first, fixed = ([line.split(",") for line in path.read_text(encoding="utf-8").splitlines()] for path in (rows, fixes))
    body = [",".join(change(n, old, new)) for n, (old, new) in enumerate(zip(first[1:], fixed[1:], strict=True))]
    target.write_text("\n".join([",".join(first[0]), *body]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("case", ["corrected", "notes", "reporter", "dry-run"])
def test_the_same_said_and_stored_as_before(tmp_path, stores, case):
    _, first_db, rows, fixes = stores
    file = tmp_path / f"{case}.csv"
    if case == "notes":  # every fifth row corrected and saying no note (the stored one kept), every third as stored
        # but for its note (unchanged, counted), the rest as stored
        _edited(rows, fixes, file, lambda n, old, new: [*new[:5], "", new[6]] if n % 5 == 0 else
                [*old[:5], old[5] + "（改）", old[6]] if n % 3 == 0 else old)
    elif case == "reporter":  # one figure corrected by another reporter: refused, nothing written
        _edited(rows, fixes, file, lambda n, old, new: [*new[:6], "李四"] if n == 7 else new)
    else:
        _edited(rows, fixes, file, lambda n, old, new: new)
    outputs, stored = [], []
    for way in (None, BENCH.before):
        db = tmp_path / f"store-{len(stored)}.db"
        shutil.copyfile(first_db, db)
        cli = Cli(db)
        args = ["import", "progress", str(file), *(["--dry-run"] if case == "dry-run" else [])]
        if way is None:
            result = cli(*args)
        else:
            with way():
                result = cli(*args)
        outputs.append((result.exit_code, result.output.replace(str(db), "DB")))
        stored.append(_rows(db))
        stored[-1]["report"] = cli.sql(f"SELECT {REPORT_COLUMNS} FROM report ORDER BY id")
    assert outputs[0] == outputs[1]
    for table in stored[1]:
        if table != "batch":  # made at another time, by another run
            assert stored[0][table] == stored[1][table], table
    code, said = outputs[0]
    if case == "reporter":
        assert code == 2 and "李四" in said and len(stored[0]["report"]) == 60, said
    elif case == "dry-run":
        assert code == 0 and len(stored[0]["report"]) == 60 and "60 corrected" in said, said
    elif case == "notes":
        assert code == 0 and said.count("(note kept: ") == 12 and "12 corrected, 48 already there" in said, said
        assert "16 of the 48 already there have another note or reporter" in said, said
    else:
        assert code == 0 and "60 corrected" in said and len(stored[0]["report"]) == 120, said
