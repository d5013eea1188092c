"""No file with personal data escapes the audit trail (services.common.recorded_files): exports, backups and
documents are recorded before they are written. Another program holds the database's write lock, so the entry
cannot be recorded: nothing is written, and the user is told the database is busy."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.services.datafile import dbfile
from desktop_app.store import db as store_db
from desktop_app.store.models import AuditEntry
from tests.reliability.helpers import make_database


@pytest.fixture
def busy(tmp_path, monkeypatch):
    """A database another program is writing to: it holds the write lock for the whole test."""
    path = make_database(tmp_path / "busy.sqlite3", people_count=5)
    monkeypatch.setitem(store_db.PRAGMAS, "busy_timeout", 200)  # give up waiting quickly
    holder = sqlite3.connect(path)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE setting SET updated_at = updated_at")
    yield path
    holder.rollback()
    holder.close()
    store_db.close()


def _entries(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM auditentry").fetchone()[0]
    finally:
        conn.close()


def test_an_export_that_cannot_be_recorded_is_not_written(busy, tmp_path):
    from desktop_app.interchange import xlsx_export

    target = tmp_path / "members.xlsx"
    dbfile.open_file(busy, lock=False)
    with pytest.raises(Exception, match="locked"):
        xlsx_export.export_people("members", target)
    assert not target.exists()
    with pytest.raises(Exception, match="locked"):
        xlsx_export.export_meetings(tmp_path / "meetings.xlsx")
    assert not (tmp_path / "meetings.xlsx").exists()


def test_a_backup_that_cannot_be_recorded_is_not_written(busy, tmp_path):
    from desktop_app.services.datafile import backups

    dbfile.open_file(busy, lock=False)
    with pytest.raises(Exception, match="locked"):
        backups.backup_to_file(tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()
    (tmp_path / "folder").mkdir()
    with pytest.raises(Exception, match="locked"):
        backups.backup_now(tmp_path / "folder")
    assert not list((tmp_path / "folder").glob("*.sqlite3"))


@pytest.mark.parametrize("command", [
    ["export", "members", "-o", "{dir}/out.xlsx"],
    ["backup", "-o", "{dir}/out.sqlite3"],
    ["report", "candidates", "--branch", "CB01", "-o", "{dir}/out.pdf"],
])
def test_commands_say_the_database_is_busy_and_write_nothing(busy, tmp_path, capsys, command):
    args = [part.format(dir=tmp_path) for part in command]
    capsys.readouterr()
    assert main(["--lang", "en", *args, "--db", str(busy)]) == 1
    err = capsys.readouterr().err
    assert "busy in another program" in err and "Traceback" not in err
    assert not any(tmp_path.glob("out.*"))


def test_a_file_whose_writing_fails_after_its_entry_is_removed(tmp_path, monkeypatch):
    from desktop_app.interchange import sheets, xlsx_export

    path = make_database(tmp_path / "full.sqlite3", people_count=5)
    target = tmp_path / "members.xlsx"

    def half_written(workbook, where):
        Path(where).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device", str(where))

    monkeypatch.setattr(sheets, "save", half_written)
    dbfile.open_file(path, lock=False)
    try:
        with pytest.raises(OSError):
            xlsx_export.export_people("members", target)
        assert not target.exists()
        assert AuditEntry.select().where(AuditEntry.action == "export").count() == 1  # the attempt stays recorded
    finally:
        store_db.close()


def test_an_export_is_recorded_before_its_file_exists(tmp_path, monkeypatch):
    from desktop_app.interchange import sheets, xlsx_export

    path = make_database(tmp_path / "order.sqlite3", people_count=5)
    target = tmp_path / "members.xlsx"
    save = sheets.save
    seen = []

    def watched(workbook, where):
        seen.append(_entries(path) if not Path(where).exists() else -1)
        save(workbook, where)

    monkeypatch.setattr(sheets, "save", watched)
    dbfile.open_file(path, lock=False)
    try:
        before = AuditEntry.select().count()
        xlsx_export.export_people("members", target)
        assert seen == [before + 1] and target.exists()
    finally:
        store_db.close()
