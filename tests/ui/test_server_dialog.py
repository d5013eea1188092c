"""Connect to a server from the window: the address is remembered for the user, the password never is; a
wrong password is explained in the dialog, which stays open for another try."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from desktop_app import paths
from desktop_app.services.datafile import dbfile
from desktop_app.store import server as store_server
from desktop_app.ui import ui_state
from desktop_app.ui.dialogs.server_dialog import REMEMBERED, ServerDialog
from desktop_app.ui.dialogs.welcome import WelcomeDialog

pytestmark = pytest.mark.server_only


def _fill(dialog: ServerDialog, url: str, password: str) -> None:
    parts = urlsplit(url)
    dialog.host.setText(parts.hostname)
    dialog.port.setValue(parts.port)
    dialog.database.setText(parts.path.lstrip("/"))
    dialog.user.setText(parts.username)
    dialog.password.setText(password)


def test_connecting_from_the_welcome_dialog(engine, postgres_server, qtbot, monkeypatch, tmp_path):
    url = postgres_server.new_database("window")
    password = urlsplit(url).password
    store_server._passwords.clear()  # as in a new process: only what the dialog is given
    welcome = WelcomeDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(welcome)
    assert welcome.server_button.text().startswith("Kết nối máy chủ")

    dialog = ServerDialog(welcome)
    qtbot.addWidget(dialog)
    _fill(dialog, url, "wrong-password")
    dialog.connect_now()
    assert dialog.result() == 0 and dialog.opened is None
    assert "từ chối" in dialog.error.text()  # explained in the window's language
    assert not dbfile.is_open()

    _fill(dialog, url, password)
    dialog.connect_now()
    assert dialog.opened is not None and dbfile.is_server()
    assert dbfile.current_location().dbname == urlsplit(url).path.lstrip("/")
    remembered = ui_state.get_str(REMEMBERED)
    assert remembered.startswith("postgresql://") and password not in remembered
    ui_state.store().sync()
    assert password not in (paths.config_dir() / "window.ini").read_text(encoding="utf-8")
    dbfile.close()

    again = ServerDialog(None)  # next time: the address is filled in, the password asked
    qtbot.addWidget(again)
    assert (again.host.text(), again.database.text(), again.password.text()) == (
        urlsplit(url).hostname, urlsplit(url).path.lstrip("/"), "")


def test_file_restore_on_a_server_explains_the_command_instead(engine, org, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    from ui_helpers import TODAY, context_on

    from desktop_app.ui.main_window import MainWindow

    shown, asked = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window = MainWindow(context_on(TODAY, dbfile.current_location()))
    qtbot.addWidget(window)
    window.files.restore()
    assert asked == [] and len(shown) == 1 and "postgresql://" in shown[0]
    assert dbfile.is_server()  # nothing was closed or replaced
