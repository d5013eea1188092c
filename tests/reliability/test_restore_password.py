"""Restoring a backup made before the database had a password does not silently drop the encryption: the window
asks (keep the password is the default), the command line keeps it unless told ``--without-password``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.cli import main
from desktop_app.services.datafile import backups, dbfile, encryption
from desktop_app.store import crypto
from desktop_app.store import db as store_db
from desktop_app.store.models import AuditEntry, Person
from tests.reliability.helpers import make_database

pytestmark = pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
PASSWORD = "mật khẩu 2026"


@pytest.fixture
def protected(tmp_path) -> tuple[Path, Path]:
    """A database with a password now, and a backup of it made before the password was set."""
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=8)
    dbfile.open_file(path, lock=False)
    old = backups.backup_to_file(tmp_path / "before-password.sqlite3")
    encryption.set_password(PASSWORD)
    dbfile.close()
    crypto.forget(path)
    yield path, old
    store_db.close()
    crypto.forget(path)


def test_the_command_line_keeps_the_password(protected, monkeypatch, capsys):
    path, old = protected
    monkeypatch.setenv("SOCHIBO_PASSWORD", PASSWORD)
    assert main(["restore", "--db", str(path), str(old)]) == 0
    assert crypto.needs_key(path) and b"Nguy" not in path.read_bytes()
    assert main(["check", "--db", str(path)]) == 0
    monkeypatch.delenv("SOCHIBO_PASSWORD")
    crypto.forget(path)  # as a new process would start
    capsys.readouterr()
    assert main(["--lang", "en", "check", "--db", str(path)]) == 1
    assert "protected by a password" in capsys.readouterr().err


def test_without_the_password_known_nothing_is_replaced(protected, capsys):
    path, old = protected
    before = path.read_bytes()
    capsys.readouterr()
    assert main(["--lang", "en", "restore", "--db", str(path), str(old)]) == 1
    err = capsys.readouterr().err
    assert "has a password and the backup has none" in err and "--without-password" not in err
    assert path.read_bytes() == before and not list(path.parent.glob("*.before-restore-*"))


def test_the_user_may_choose_to_restore_without_it(protected, monkeypatch, capsys):
    path, old = protected
    assert main(["restore", "--without-password", "--db", str(path), str(old)]) == 0
    assert not crypto.needs_key(path)
    assert main(["check", "--db", str(path)]) == 0
    dbfile.open_file(path, lock=False)
    restore = AuditEntry.select().where(AuditEntry.action == "restore").order_by(AuditEntry.id.desc()).get()
    assert '"password": "removed"' in restore.after
    dbfile.close()


def _window(qtbot, path: Path):
    """The part of the main window the File menu's actions use."""
    from PySide6.QtWidgets import QWidget

    class Context:
        db_path = path

        def set_branch(self, branch_id):
            pass

        def start_over(self):
            pass

    window = QWidget()
    window.context = Context()
    qtbot.addWidget(window)
    return window


def _answer(button_text: str, seen: list[str]):
    """Click the button labelled *button_text* of the question box once it is on screen."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        if button_text == "cancel":  # Qt's own button, named in whatever language Qt was given
            box.button(QMessageBox.StandardButton.Cancel).click()
            return
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
    QTimer.singleShot(20, click)


@pytest.mark.parametrize("choice, encrypted", [("Giữ mật khẩu", True), ("Khôi phục không có mật khẩu", False)])
def test_the_window_asks_and_keeps_the_password_by_default(protected, qtbot, monkeypatch, choice, encrypted):
    from desktop_app.ui import file_actions

    path, old = protected
    dbfile.open_file(path, password=PASSWORD, lock=False)
    monkeypatch.setattr(file_actions, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(file_actions, "info", lambda *a, **k: None)
    seen: list[str] = []
    _answer(choice, seen)
    actions = file_actions.FileActions(_window(qtbot, path))
    assert actions.restore_from(old)
    assert seen and "trước khi tệp dữ liệu có mật khẩu" in seen[0]
    assert crypto.needs_key(path) is encrypted
    assert Person.select().count() == 8


def test_cancelling_the_question_restores_nothing(protected, qtbot, monkeypatch):
    from desktop_app.ui import file_actions

    path, old = protected
    dbfile.open_file(path, password=PASSWORD, lock=False)
    monkeypatch.setattr(file_actions, "confirm", lambda *a, **k: True)
    before = shutil.copy(path, path.with_name("copy"))
    _answer("cancel", [])
    assert not file_actions.FileActions(_window(qtbot, path)).restore_from(old)
    assert Path(before).read_bytes() == path.read_bytes() and crypto.needs_key(path)
