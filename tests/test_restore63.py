"""`db restore BACKUP` over a damaged store (restore63): it failed ("nothing restored … database disk image is
malformed") or refused a file that is not SQLite's ("move it aside"), though that is when a restore is needed. The
damaged file is kept aside as FILE.damaged-TIME, with its -wal and -shm, and the backup renamed into its place."""

import hashlib
import os
from pathlib import Path

import pytest

from .conftest import refused
from .test_db_restore import count, integrity

sqlite_only = pytest.mark.sqlite_only


def damage(db: Path, kind: str) -> None:
    if kind == "truncated":
        os.truncate(db, db.stat().st_size // 2)
    elif kind == "garbage appended":
        with db.open("ab") as handle:
            handle.write(bytes(range(256)) * 40)
    elif kind == "zero bytes":
        os.truncate(db, 0)
    else:  # a text file under the store's name
        db.write_text("会议纪要：\n这不是数据库。\n", encoding="utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def aside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.damaged-*"))


def backup_of(cli, tmp_path) -> tuple[Path, int]:
    backup = tmp_path / "backup.db"
    result = cli("db", "backup", str(backup))
    assert result.exit_code == 0, result.output
    return backup, count(backup)


@sqlite_only
@pytest.mark.parametrize("kind", ["truncated", "text file"])
def test_a_store_sqlite_cannot_read_is_kept_aside_and_the_backup_put_in_its_place(demo_cli, tmp_path, kind):
    db = Path(demo_cli.db)
    backup, reports = backup_of(demo_cli, tmp_path)
    damage(db, kind)
    damaged = digest(db)
    assert demo_cli("status").exit_code == 2
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert integrity(db) == "ok" and count(db) == reports
    status = demo_cli("status", "--as-of", "2023-07-01")
    assert status.exit_code == 0, status.output
    kept = [path for path in aside(db) if not path.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and digest(kept[0]) == damaged, aside(db)  # never deleted: its bytes as they were
    assert str(kept[0]) in result.stdout and "before: not readable (damaged)" in result.stdout, result.stdout


@sqlite_only
def test_a_damaged_stores_wal_and_shm_go_aside_with_it(demo_cli, tmp_path):
    """Left beside the new file, the damaged store's -wal would be put into it on its first open."""
    db = Path(demo_cli.db)
    backup, reports = backup_of(demo_cli, tmp_path)
    damage(db, "truncated")
    wal, shm = Path(f"{db}-wal"), Path(f"{db}-shm")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)
    shm.write_bytes(b"\x01" * 64)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    kept = aside(db)
    assert [path.name for path in kept] == [kept[0].name, f"{kept[0].name}-shm", f"{kept[0].name}-wal"], kept
    assert Path(f"{kept[0]}-wal").read_bytes() == b"\x37\x7f\x06\x82" + b"\x00" * 60
    assert count(db) == reports and integrity(db) == "ok"
    assert f"{kept[0]}-wal" in result.stdout, result.stdout


@sqlite_only
@pytest.mark.parametrize("kind", ["garbage appended", "zero bytes"])
def test_a_store_sqlite_still_reads_is_restored_in_place_as_before(demo_cli, tmp_path, kind):
    """Bytes after its last page (SQLite reads the pages its header counts) or none at all: restored into, as a
    healthy store is; nothing set aside."""
    db = Path(demo_cli.db)
    backup, reports = backup_of(demo_cli, tmp_path)
    damage(db, kind)
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0, result.output
    assert count(db) == reports and integrity(db) == "ok" and aside(db) == []
    assert demo_cli("status", "--as-of", "2023-07-01").exit_code == 0
    kept = sorted(db.parent.glob(f"{db.name}.before-restore-*"))
    assert len(kept) == (1 if kind == "garbage appended" else 0), kept


@sqlite_only
def test_a_bad_backup_is_refused_before_the_damaged_store_is_moved(demo_cli, tmp_path):
    db = Path(demo_cli.db)
    backup, _ = backup_of(demo_cli, tmp_path)
    damage(db, "truncated")
    damaged = digest(db)
    os.truncate(backup, backup.stat().st_size // 2)
    refused(demo_cli("db", "restore", str(backup)), "nothing restored")
    assert digest(db) == damaged and aside(db) == []


@sqlite_only
def test_a_failed_rename_leaves_the_damaged_store_where_it_was(demo_cli, tmp_path, monkeypatch):
    """The rename over the file fails (a full disk, a folder made read-only meanwhile): the damaged file, its -wal
    beside it, stays as it was under its name; no name aside, no temporary file is left."""
    db = Path(demo_cli.db)
    backup, _ = backup_of(demo_cli, tmp_path)
    damage(db, "truncated")
    wal = Path(f"{db}-wal")
    wal.write_bytes(b"frames")
    damaged = digest(db)

    def replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("mstrack.render.outputs.os.replace", replace)
    stderr = refused(demo_cli("db", "restore", str(backup)), "nothing restored, the damaged file left where it was",
                     "No space left on device")
    assert "Traceback" not in stderr
    assert digest(db) == damaged and wal.read_bytes() == b"frames" and aside(db) == []
    assert not [path for path in db.parent.iterdir() if path.name.endswith(".part")]


@sqlite_only
def test_an_output_that_fails_leaves_the_damaged_store_where_it_was(demo_cli, tmp_path):
    """`> /dev/full`: what the restore did cannot be said before the rename: it is not done (exit 0 ⇔ restored)."""
    from .test_safe32a import run

    db = Path(demo_cli.db)
    backup, _ = backup_of(demo_cli, tmp_path)
    damage(db, "truncated")
    wal = Path(f"{db}-wal")
    wal.write_bytes(b"frames")
    damaged = digest(db)
    with open("/dev/full", "w") as full:
        result = run(db, "db", "restore", str(backup), stdout=full)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "error" in result.stderr, result.stderr
    assert digest(db) == damaged and wal.read_bytes() == b"frames" and aside(db) == []
