"""A database on a read-only disk or in a folder the program may not change is called read-only, never damaged
(restoring a backup over it would be the wrong advice), and a copy somewhere writable is offered; `check` still
reads it where it is."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli import main
from desktop_app.services.datafile import dbfile, maintenance
from desktop_app.store import db as store_db
from desktop_app.store import opening
from desktop_app.store.models import AuditEntry, Person
from tests.reliability.helpers import make_database


@pytest.fixture
def read_only_db(tmp_path):
    """A database in a folder that cannot be written: by permissions for an ordinary user, on a read-only
    mount for root (which permissions do not stop)."""
    source = make_database(tmp_path / "source.sqlite3", people_count=6)
    folder = tmp_path / "cdrom"
    folder.mkdir()
    if os.geteuid() != 0:
        shutil.copyfile(source, folder / "chi-bo.sqlite3")
        (folder / "chi-bo.sqlite3").chmod(0o444)
        folder.chmod(0o555)
        yield folder / "chi-bo.sqlite3"
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("root ignores folder permissions and cannot mount a read-only folder here")
    try:
        shutil.copyfile(source, folder / "chi-bo.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
        yield folder / "chi-bo.sqlite3"
    finally:
        store_db.close()
        subprocess.run(["umount", str(folder)], capture_output=True)


def test_the_start_up_check_says_read_only_not_damaged(read_only_db):
    health = maintenance.startup_check(read_only_db)
    assert health.status == maintenance.READ_ONLY and health.latest_backup is None
    assert "ổ đĩa chỉ đọc" in health.problems[0] and "không bị hỏng" in health.problems[0]


@pytest.mark.parametrize("command", [
    ["export", "members", "-o", "{out}/m.xlsx"],
    ["report", "candidates", "--branch", "CB01", "-o", "{out}/c.pdf"],
    ["import", "members", "{out}/none.xlsx"],
    ["backup", "-o", "{out}/b.sqlite3"],
    ["restore", "{out}/none.sqlite3"],
])
def test_commands_say_read_only_and_how_to_go_on(read_only_db, tmp_path, capsys, command):
    (tmp_path / "none.sqlite3").write_bytes(read_only_db.read_bytes())
    (tmp_path / "none.xlsx").write_bytes(b"")
    args = [a.format(out=tmp_path) for a in command]
    capsys.readouterr()
    assert main(["--lang", "en", *args, "--db", str(read_only_db)]) == 1
    err = capsys.readouterr().err
    assert "read-only disk" in err and "Copy it to a folder you can write to" in err, err
    assert "damaged" not in err and "Choose another folder" not in err and "Traceback" not in err


def test_check_reads_it_where_it_is(read_only_db, capsys):
    assert main(["--lang", "en", "check", "--db", str(read_only_db)]) == 0
    assert "healthy" in capsys.readouterr().out


def test_a_copy_somewhere_writable_opens_and_remembers_where_it_came_from(read_only_db, tmp_path, capsys):
    target = tmp_path / "copy" / "chi-bo.sqlite3"
    target.parent.mkdir()
    try:
        assert dbfile.copy_read_only(read_only_db, target) == target
        assert Person.select().count() == 6
        entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
        assert entry.action == "copy" and str(read_only_db) in entry.after
    finally:
        dbfile.close()
        dbfile.release_lock()
    assert main(["check", "--db", str(target)]) == 0


def test_the_window_offers_the_copy(read_only_db, tmp_path, qtbot, monkeypatch):
    from desktop_app.ui.dialogs.read_only_dialog import ReadOnlyDialog

    target = tmp_path / "chi-bo-copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    health = maintenance.startup_check(read_only_db)
    dialog = ReadOnlyDialog(read_only_db, health.problems)
    qtbot.addWidget(dialog)
    try:
        dialog.copy_button.click()
        assert dialog.result() == ReadOnlyDialog.DialogCode.Accepted and dialog.copied == target
        assert dbfile.current_path() == target and Person.select().count() == 6
    finally:
        dbfile.close()
        dbfile.release_lock()


def test_a_file_marked_read_only_is_read_only_too(tmp_path, monkeypatch):
    path = make_database(tmp_path / "marked.sqlite3")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path and mode == os.W_OK
                        else real_access(p, mode))
    assert opening.read_only(path)
    assert maintenance.startup_check(path).status == maintenance.READ_ONLY
