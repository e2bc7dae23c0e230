"""`import progress` of files larger than one written chunk (sources/progress.CHUNK_ROWS): rows are checked
and written a chunk at a time, and a bad row anywhere, the last included, still leaves the store exactly as
it was (issue 18: memory bounded, all or nothing kept)."""

import json

from mstrack.sources.progress import CHUNK_ROWS

from .conftest import big_csv, refused

ROWS = 3 * CHUNK_ROWS + 17  # three chunks written before the last row is read
TABLES = ("report", "batch", "report_retraction")


def snapshot(cli) -> dict:
    return {table: cli.sql(f"select * from {table} order by id" if table != "report_retraction"
                           else "select * from report_retraction order by report_id") for table in TABLES}


def big_file(cli, tmp_path, last: str | None = None):
    path = tmp_path / "全省报送.csv"
    big_csv(cli, path, ROWS)
    if last is not None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(last + "\n")
    return path


def first_row(path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        handle.readline()
        return handle.readline().rstrip("\n").split(",")


def test_a_bad_last_row_of_a_large_file_leaves_the_store_exactly_as_it_was(demo_cli, tmp_path):
    before = snapshot(demo_cli)
    programme, task, indicator, _, _ = first_row(big_file(demo_cli, tmp_path))
    path = big_file(demo_cli, tmp_path, f"{programme},{task},{indicator},2023-06-30,很多")
    result = demo_cli("import", "progress", str(path))
    refused(result, f"{path}:{ROWS + 2}:value", "nothing was written")
    assert snapshot(demo_cli) == before


def test_a_late_row_that_contradicts_an_early_one_names_both_and_writes_nothing(demo_cli, tmp_path):
    before = snapshot(demo_cli)
    programme, task, indicator, as_of, value = first_row(big_file(demo_cli, tmp_path))
    path = big_file(demo_cli, tmp_path, f"{programme},{task},{indicator},{as_of},{float(value) + 5}")
    result = demo_cli("import", "progress", str(path))
    stderr = refused(result, f"{path}:{ROWS + 2}: ", "nothing was written")
    assert stderr.count(f" at {path}:2\n") == 1, stderr
    assert snapshot(demo_cli) == before


def test_a_repeated_row_chunks_apart_is_written_once_the_first(demo_cli, tmp_path):
    before = len(snapshot(demo_cli)["report"])
    programme, task, indicator, as_of, value = first_row(big_file(demo_cli, tmp_path))
    path = big_file(demo_cli, tmp_path, f"{programme},{task},{indicator},{as_of},{value}")
    dry = json.loads(demo_cli("import", "progress", str(path), "--dry-run", "--format", "json").stdout)
    assert (dry["inserted"], dry["updated"], dry["unchanged"], dry["repeated"], dry["batch"]) == (ROWS, 0, 0, 1, None)
    assert len(snapshot(demo_cli)["report"]) == before
    done = demo_cli("import", "progress", str(path), "--format", "json")
    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout)
    assert (result["inserted"], result["updated"], result["unchanged"], result["repeated"]) == (ROWS, 0, 0, 1)
    batch = result["batch"]
    assert demo_cli.sql(f"select count(*) from report where batch_id = {batch}")[0][0] == ROWS
    assert len(snapshot(demo_cli)["report"]) == before + ROWS
    again = json.loads(demo_cli("import", "progress", str(path), "--format", "json").stdout)
    assert (again["inserted"], again["unchanged"], again["repeated"], again["batch"]) == (0, ROWS, 1, None)
    undone = demo_cli("undo")  # the undo record covers every chunk of the batch
    assert undone.exit_code == 0, undone.output
    standing = ("select count(*) from report as x where x.batch_id = {b} and not exists"
                " (select 1 from report_retraction as r where r.report_id = x.id)")
    assert demo_cli.sql(standing.format(b=batch))[0][0] == 0


def test_a_bad_byte_late_in_a_large_utf8_file_is_named_and_writes_nothing(demo_cli, tmp_path):
    """A UTF-8 file is decoded once, as its rows are read (encodings.streamed_encoding): a byte that is not
    UTF-8 after three written chunks stops the import with the byte's place, and nothing is kept."""
    from mstrack.sources.encodings import HEAD_BYTES

    before = snapshot(demo_cli)
    path = big_file(demo_cli, tmp_path)
    data = path.read_bytes()
    assert len(data) > HEAD_BYTES and not data[:HEAD_BYTES].isascii()  # judged by its head, then streamed
    programme, task, indicator, _, _ = first_row(path)
    bad = len(data) + len(f"{programme},{task},{indicator},2024-12-31,".encode())
    path.write_bytes(data + f"{programme},{task},{indicator},2024-12-31,".encode() + b"\xff\xfe9\n")
    result = demo_cli("import", "progress", str(path))
    refused(result, f"{path}: not readable as UTF-8 text (byte {bad})")
    assert snapshot(demo_cli) == before
    path.write_bytes(data)  # the same file without the bad byte is read whole
    assert demo_cli("import", "progress", str(path)).exit_code == 0
    assert len(snapshot(demo_cli)["report"]) == len(before["report"]) + ROWS
