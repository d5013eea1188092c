"""The window's side of a trail found altered: the audit view offers the repair once its check finds tampering,
the repair dialog asks who and why (inline, in the user's language) and leaves the trail intact; the start-up
check points to the audit trail rather than to a backup."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from desktop_app.services.datafile import dbfile, maintenance
from desktop_app.store.models import AuditEntry
from tests.reliability.helpers import make_database


def _tampered(tmp_path):
    path = make_database(tmp_path / "chi-bo.sqlite3", people_count=4)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE person SET phone = '0987654321' WHERE id = 2")
    conn.execute("UPDATE auditentry SET actor = 'người khác' WHERE id = 3")
    conn.commit()
    conn.close()
    dbfile.open_file(path, lock=False)
    return path


def test_the_audit_view_offers_the_repair_and_the_repair_asks_who_and_why(qtbot, tmp_path, monkeypatch):
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.dialogs import repair_dialog
    from desktop_app.ui.views.audit_view import AuditView

    _tampered(tmp_path)
    try:
        view = AuditView(AppContext())
        qtbot.addWidget(view)
        view.show()
        view.refresh()
        assert view.repair_button.isHidden()
        view.verify()
        qtbot.waitUntil(view.verify_button.isEnabled, timeout=10000)
        assert "Mục 3 của nhật ký thay đổi đã bị sửa" in view.status.text()
        assert "1 bản ghi đã bị sửa ngoài chương trình" in view.status.text()
        assert not view.repair_button.isHidden()

        def fill_in(problems, parent):
            dialog = repair_dialog.RepairDialog(problems, parent)
            qtbot.addWidget(dialog)
            dialog.repair()  # nothing typed: each field says what it needs
            assert dialog.by_error.text() and dialog.reason_error.text() and dialog.result_ is None
            dialog.by.setText("Lò Văn Pấng, văn phòng đảng ủy")
            dialog.reason.setPlainText("Số điện thoại được sửa trực tiếp khi chuyển máy.")
            dialog.repair()
            return dialog.result_

        monkeypatch.setattr(repair_dialog, "run", fill_in)
        view.repair()
        assert view.repair_button.isHidden() and "neo lại" in view.status.text()
        assert maintenance.check().healthy
        assert AuditEntry.select().where(AuditEntry.action == "repair").count() == 2  # the record, the repair
    finally:
        dbfile.close()


def test_the_start_up_check_points_to_the_audit_trail_not_to_a_backup(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui import file_actions

    _tampered(tmp_path)
    try:
        shown = []
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
        monkeypatch.setattr(file_actions.FileActions, "restore_from", lambda *a, **k: shown.append("restore offered"))
        window = QWidget()
        window.context = None
        qtbot.addWidget(window)
        file_actions.FileActions(window)._health_checked(maintenance.check(quick=True))
        assert len(shown) == 1 and "Nhật ký thay đổi" in shown[0] and "restore offered" not in shown
    finally:
        dbfile.close()
