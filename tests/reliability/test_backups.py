"""Backups (services.backups): manual and automatic, rotation, verification, restore keeping a copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app import paths
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import backups
from desktop_app.services.people import people
from desktop_app.store import backup as store_backup
from desktop_app.store import db as store_db
from desktop_app.store.models import AuditEntry, Person
from desktop_app.store.schema import open_database
from tests.reliability.helpers import damage_middle, fill

T0 = dt.datetime(2026, 11, 3, 8, 0, 0)


@pytest.fixture
def live(tmp_path):
    path = tmp_path / "live.sqlite3"
    open_database(path)
    ids = fill(5)
    yield path, ids
    store_db.close()


def test_manual_backup_is_checked_named_and_audited(live):
    info = backups.backup_now(now=T0)
    assert info.path.parent == paths.default_backup_dir()
    assert info.path.name == "live-20261103-080000.sqlite3" and not info.automatic
    assert store_backup.check_file(info.path) == []
    assert AuditEntry.select().where(AuditEntry.action == "backup").count() == 1
    assert [b.path for b in backups.list_backups()] == [info.path]


def test_backup_goes_to_the_configured_folder(live, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set("backup.folder", str(usb))
    info = backups.backup_now(now=T0)
    assert info.path.parent == usb


def test_unplugged_backup_folder_is_explained_for_a_manual_backup(live, tmp_path):
    settings.set("backup.folder", str(tmp_path / "unplugged"))
    with pytest.raises(ServiceError, match="unplugged"):
        backups.backup_now(now=T0)


def test_automatic_backup_falls_back_to_the_default_folder(live, tmp_path):
    settings.set("backup.folder", str(tmp_path / "unplugged"))
    info = backups.auto_backup_if_due(T0)
    assert info is not None and info.automatic and info.path.parent == paths.default_backup_dir()


def test_daily_backup_only_once_a_day_and_only_when_something_changed(live):
    first = backups.auto_backup_if_due(T0)
    assert first is not None and first.automatic and "-auto-" in first.path.name
    assert backups.auto_backup_if_due(T0 + dt.timedelta(hours=5)) is None  # not due yet
    assert backups.auto_backup_if_due(T0 + dt.timedelta(days=1, minutes=1)) is None  # due, nothing changed
    people.create_person({"full_name": "Lò Văn Mười"})
    second = backups.auto_backup_if_due(T0 + dt.timedelta(days=1, minutes=2))
    assert second is not None and second.path != first.path


def test_backup_on_close_skips_an_unchanged_database(live):
    assert backups.backup_on_close(T0) is not None
    assert backups.backup_on_close(T0 + dt.timedelta(minutes=1)) is None
    people.create_person({"full_name": "Lò Văn Mười"})
    assert backups.backup_on_close(T0 + dt.timedelta(minutes=2)) is not None


def test_rotation_keeps_the_newest_automatic_backups_and_every_manual_one(live):
    settings.set("backup.keep", 3)
    manual = backups.backup_now(now=T0 - dt.timedelta(days=30))
    made = []
    for day in range(6):
        people.create_person({"full_name": f"Người {day}"})
        made.append(backups.backup_on_close(T0 + dt.timedelta(days=day)).path)
    left = {b.path for b in backups.list_backups()}
    assert left == {manual.path, *made[-3:]}


def test_latest_good_backup_skips_a_damaged_one(live):
    people.create_person({"full_name": "Lò Văn Mười"})
    good = backups.backup_on_close(T0)
    people.create_person({"full_name": "Lò Văn Mười Một"})
    bad = backups.backup_on_close(T0 + dt.timedelta(hours=1))
    bad.path.write_bytes(bad.path.read_bytes()[:4096] + b"\x00" * (bad.size - 4096))
    assert backups.verify(bad) != []
    assert backups.latest_good_backup().path == good.path


def test_restore_brings_back_the_data_and_keeps_the_replaced_file(live):
    path, ids = live
    saved = backups.backup_now(now=T0)
    people.delete_person(ids[0])
    people.create_person({"full_name": "Người mới"})
    result = backups.restore(saved.path)
    assert result.kept is not None and result.kept.exists()
    assert Person.select().where(Person.full_name == "Người mới").count() == 0
    assert Person.get_by_id(ids[0]).deleted_at is None
    assert AuditEntry.select().where(AuditEntry.action == "restore").count() == 1
    from desktop_app.services.datafile import maintenance

    assert maintenance.check().healthy
    # the kept copy is the state just before the restore
    store_db.close()
    open_database(result.kept)
    assert Person.select().where(Person.full_name == "Người mới").count() == 1


def test_backup_then_damage_then_restore(tmp_path):
    """Acceptance: backup → damage the data → restore brings it back; check then passes."""
    from desktop_app.cli import main

    path = tmp_path / "branch.sqlite3"
    open_database(path)
    fill(150)
    store_db.close()
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(path), "-o", str(copy)]) == 0
    damage_middle(path)
    assert main(["check", "--db", str(path)]) == 1
    assert main(["restore", "--db", str(path), str(copy)]) == 0
    assert main(["check", "--db", str(path)]) == 0
    open_database(path)
    assert Person.select().count() == 150
    store_db.close()


def test_a_damaged_backup_is_never_restored(live, tmp_path):
    path, _ids = live
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(b"SQLite format 3\x00" + b"\x00" * 8000)
    before = path.read_bytes()
    with pytest.raises(ServiceError):
        backups.restore(fake)
    assert path.read_bytes() == before


def test_backup_refuses_a_damaged_database_and_leaves_no_partial_file(tmp_path):
    from desktop_app.cli import main

    path = tmp_path / "branch.sqlite3"
    open_database(path)
    fill(150)
    store_db.close()
    damage_middle(path)
    out = tmp_path / "out.sqlite3"
    assert main(["backup", "--db", str(path), "-o", str(out)]) == 1
    assert not out.exists() and not Path(str(out) + ".part").exists()
