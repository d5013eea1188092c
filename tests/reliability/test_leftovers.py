"""What a killed or failed restore leaves behind (the copy it was making and its journal) is removed at the next
start by the program that holds the database; and no safety copy is started on a disk it would not fit."""

from __future__ import annotations

import os
import shutil
from collections import namedtuple

import pytest

from desktop_app.cli import main
from desktop_app.services.datafile import backups, dbfile
from desktop_app.store import db as store_db
from desktop_app.store import space
from desktop_app.store.models import Person
from tests.reliability.helpers import make_database

LEFT = (".restoring", ".restoring.part", ".restoring.part-journal", ".rekey", ".rekey-journal",
        ".before-restore-20261121-090000.part")


def _leave(path):
    """The files a restore killed half-way leaves beside the database."""
    for suffix in LEFT:
        path.with_name(path.name + suffix).write_bytes(b"half a copy of the members' data")


def test_the_next_start_removes_what_a_killed_restore_left(tmp_path):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=4)
    _leave(path)
    dbfile.open_file(path)  # as the app opens it, holding its lock
    try:
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("chi-bo.sqlite3.")
                    and not p.name.endswith(".lock")]
        assert Person.select().count() == 4
    finally:
        dbfile.close()
        dbfile.release_lock()


def test_a_command_that_holds_the_lock_removes_them_too(tmp_path, capsys):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=4)
    _leave(path)
    main(["import", "members", str(tmp_path / "none.xlsx"), "--db", str(path)])
    assert not any(path.with_name(path.name + suffix).exists() for suffix in LEFT)


def test_a_reader_that_does_not_hold_the_lock_leaves_them_to_their_owner(tmp_path):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=4)
    _leave(path)
    dbfile.open_file(path, lock=False)  # another program may be restoring right now
    dbfile.close()
    assert all(path.with_name(path.name + suffix).exists() for suffix in LEFT)


def test_backup_copies_left_half_written_are_removed_once_stale(tmp_path):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=4)
    from desktop_app import paths

    folder = paths.default_backup_dir()
    stale, fresh = folder / "chi-bo-20261120-090000.sqlite3.part", folder / "chi-bo-20261121-085959.sqlite3.part"
    for item in (stale, fresh, stale.with_name(stale.name + "-journal")):
        item.write_bytes(b"half a backup")
    old = fresh.stat().st_mtime - 2 * 3600  # as the file system stamps files, whatever the computer's clock says
    os.utime(stale, (old, old))
    os.utime(stale.with_name(stale.name + "-journal"), (old, old))
    dbfile.open_file(path)
    dbfile.close()
    dbfile.release_lock()
    assert not stale.exists() and not stale.with_name(stale.name + "-journal").exists()
    assert fresh.exists()  # a backup may still be writing it


Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def nearly_full(monkeypatch):
    """The disk has 1 MB free."""
    monkeypatch.setattr(space.shutil, "disk_usage", lambda folder: Usage(10**9, 10**9 - 10**6, 10**6))


def test_a_restore_never_starts_a_safety_copy_on_a_full_disk(tmp_path, nearly_full, capsys):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=300)
    backup = tmp_path / "old.sqlite3"
    shutil.copyfile(path, backup)
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["--lang", "en", "restore", "--db", str(path), str(backup)]) == 1
    err = capsys.readouterr().err
    assert "not enough free space" in err and "for a safety copy" in err and "Nothing was changed" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.endswith(("-wal", "-shm"))) \
        == ["chi-bo.sqlite3", "old.sqlite3"]


def test_the_window_s_restore_says_so_too(tmp_path, nearly_full):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=300)
    backup = tmp_path / "old.sqlite3"
    shutil.copyfile(path, backup)
    dbfile.open_file(path, lock=False)
    try:
        with pytest.raises(Exception) as refused:
            backups.restore(backup)
        from desktop_app.ui.messages import explain

        assert "không đủ chỗ trống cho bản sao an toàn" in explain(refused.value)
    finally:
        store_db.close()
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_a_migration_never_starts_its_safety_copy_on_a_full_disk(tmp_path, nearly_full):
    from desktop_app.store import migrations
    from desktop_app.store.schema import open_database

    path = tmp_path / "v3.sqlite3"
    real = store_db.connect(path)
    migrations.run(real, migrations=migrations.MIGRATIONS[:3])
    real.execute_sql("INSERT INTO person (uid, full_name) VALUES ('p-1', ?)", ("Lò Văn Mười " * 20000,))
    store_db.close()
    before = path.read_bytes()
    with pytest.raises(space.NotEnoughSpaceError):
        open_database(path)
    store_db.close()
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))
