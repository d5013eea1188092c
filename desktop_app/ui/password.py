"""Opening a database file, asking for its password when it is encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from desktop_app.i18n import _
from desktop_app.services.datafile import dbfile


def ask_password(path: Path, parent: QWidget | None = None, *, again: bool = False) -> str | None:
    """The password of an encrypted file, typed by the user (None: cancelled)."""
    prompt = _("The password was not right. Try again:") if again else \
        _("{name} is protected by a password. Enter it to open the file:").format(name=Path(path).name)
    text, ok = QInputDialog.getText(parent, _("Password"), prompt, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def open_database(path: Path, parent: QWidget | None = None) -> bool:
    """Open *path*, asking for the password when the file needs one. Raises what dbfile.open_file raises
    except the password errors; False when the user gave up."""
    try:
        dbfile.open_file(path)
        return True
    except dbfile.EncryptedDatabaseError:
        pass
    for attempt in range(3):
        password = ask_password(path, parent, again=attempt > 0)
        if password is None:
            return False
        try:
            dbfile.open_file(path, password=password)
            return True
        except dbfile.WrongPasswordError:
            continue
    return False
