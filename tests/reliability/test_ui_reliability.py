"""The Qt pieces of reliability: the exception hook and crash dialog, the damage dialog, the password
dialog, the idle lock and the audit view (pytest-qt, offscreen)."""

from __future__ import annotations

import errno
import sys

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QMessageBox

from desktop_app.i18n import _
from desktop_app.services.datafile import backups, maintenance
from desktop_app.services.people import people
from desktop_app.store import crypto
from desktop_app.store import db as store_db
from desktop_app.store.models import Person
from desktop_app.store.schema import open_database
from tests.reliability.helpers import damage_middle, fill, make_database


@pytest.fixture
def hook(qapp, monkeypatch):
    from desktop_app.ui import crash

    installed = crash.install_excepthook(qapp)
    shown = {"crash": [], "warning": []}
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda self: shown["crash"].append(self) or 0)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown["warning"].append(a)))
    yield installed, shown
    crash.uninstall_excepthook()


def _raise(exc):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_a_bug_gets_the_crash_dialog_with_copyable_details(hook):
    installed, shown = hook
    sys.excepthook(*_raise(RuntimeError("boom in a view")))
    assert len(shown["crash"]) == 1 and not shown["warning"]
    dialog = shown["crash"][0]
    assert "RuntimeError: boom in a view" in dialog.details.toPlainText()
    assert "Python" in dialog.details.toPlainText()
    dialog.copy_details()
    assert "boom in a view" in QGuiApplication.clipboard().text()


def test_a_full_disk_is_explained_not_reported_as_a_bug(hook):
    installed, shown = hook
    sys.excepthook(*_raise(OSError(errno.ENOSPC, "No space left on device")))
    assert not shown["crash"] and len(shown["warning"]) == 1
    assert "disk" in shown["warning"][0][2].lower() or "đĩa" in shown["warning"][0][2].lower()


def test_errors_of_worker_threads_reach_the_gui_thread(hook, qtbot):
    import threading

    installed, shown = hook

    def work():
        raise ValueError("in a worker")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown["crash"]) == 1, timeout=3000)
    assert "in a worker" in shown["crash"][0].details.toPlainText()


def test_the_log_file_receives_uncaught_errors(hook):
    from desktop_app import logsetup

    sys.excepthook(*_raise(KeyError("logged key")))
    logsetup.configure()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    assert "logged key" in logsetup.log_file().read_text(encoding="utf-8")


def test_damage_dialog_restores_the_latest_good_backup(qtbot, tmp_path, monkeypatch):
    from desktop_app.ui.dialogs.damage_dialog import DamageDialog

    path = tmp_path / "branch.sqlite3"
    open_database(path)
    fill(150)
    backups.backup_on_close()
    store_db.close()
    damage_middle(path)
    health = maintenance.startup_check(path)
    assert health.status == maintenance.DAMAGED and health.latest_backup is not None
    infos = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: infos.append(a)))
    dialog = DamageDialog(health)
    qtbot.addWidget(dialog)
    assert dialog.latest_button.isVisible() or not dialog.latest_button.isHidden()
    qtbot.mouseClick(dialog.latest_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DamageDialog.DialogCode.Accepted and infos
    assert maintenance.check().healthy and Person.select().count() == 150
    store_db.close()


def test_damage_dialog_without_a_backup_offers_only_a_file(qtbot, tmp_path):
    from desktop_app.ui.dialogs.damage_dialog import DamageDialog

    path = make_database(tmp_path / "b.sqlite3", 150)
    damage_middle(path)
    dialog = DamageDialog(maintenance.startup_check(path))
    qtbot.addWidget(dialog)
    assert dialog.latest_button.isHidden() and not dialog.choose_button.isHidden()


@pytest.mark.skipif(not crypto.available(), reason="sqlcipher3 is not installed")
def test_password_dialog_sets_a_password(qtbot, tmp_path):
    from desktop_app.ui.dialogs.password_dialog import SET, PasswordDialog

    path = tmp_path / "p.sqlite3"
    open_database(path)
    fill(3)
    try:
        dialog = PasswordDialog(SET)
        qtbot.addWidget(dialog)
        dialog.new.setText("một hai ba bốn")
        dialog.repeat.setText("một hai ba")
        dialog.accept()
        assert dialog.error.text() and crypto.has_plain_header(path)
        dialog.repeat.setText("một hai ba bốn")
        dialog.accept()
        assert dialog.result() == PasswordDialog.DialogCode.Accepted
        assert not crypto.has_plain_header(path) and Person.select().count() == 3
    finally:
        store_db.close()
        crypto.forget(path)


def test_idle_watcher_fires_after_idle_and_input_restarts_it(qtbot, qapp):
    from desktop_app.ui.idle_lock import IdleWatcher

    watcher = IdleWatcher(qapp, minutes=0.002)  # 120 ms
    try:
        with qtbot.waitSignal(watcher.idle, timeout=5000):
            pass
        assert not watcher.timer.isActive()
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(1, 1), QPointF(1, 1), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        watcher.eventFilter(qapp, move)
        assert watcher.timer.isActive()
        watcher.set_minutes(0)
        assert not watcher.timer.isActive()
        watcher.eventFilter(qapp, move)
        assert not watcher.timer.isActive()
    finally:
        watcher.stop()


def test_audit_view_lists_filters_and_shows_an_entry(qtbot, org):
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.views.audit_view import AuditView

    person = people.create_person({"full_name": "Nguyễn Thị Hương"})
    people.update_person(person.id, {"phone": "0912345678"})
    view = AuditView(AppContext())
    qtbot.addWidget(view)
    view.refresh()
    assert view.model.rowCount() >= 4
    view.action_box.setCurrentIndex(view.action_box.findData("update"))
    assert view.model.rowCount() == 1
    view.table.selectRow(0)
    assert "0912345678" in view.details.toPlainText()
    view.action_box.setCurrentIndex(0)
    view.text_box.setText("huong")
    view.refresh()
    assert view.model.rowCount() == 2
    view.verify()
    qtbot.waitUntil(view.verify_button.isEnabled, timeout=10000)
    assert view.status.text() == _("The database and its audit trail are intact.")
