"""The screen shown when the app locks itself after a while without input (setting
``security.idle_lock_minutes``): the data is hidden until the database's password is typed again.

Only a database protected by a password locks: without one there is nothing to ask for.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import encryption
from desktop_app.ui.idle_lock import IdleWatcher


class LockPage(QWidget):
    unlocked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.path = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(_("Locked"), self)
        title.setObjectName("dialogTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(_("The data is hidden after a while without use. Enter the password to go on."), self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(360)
        self.password.returnPressed.connect(self.unlock)
        self.message = QLabel("", self)
        self.message.setObjectName("fieldError")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton(_("Unlock"), self)
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.unlock)
        for widget in (title, self.text, self.password, self.message, self.button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def lock(self, path) -> None:
        self.path = path
        encryption.lock(path)
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def unlock(self) -> None:
        try:
            encryption.unlock(self.path, self.password.text())
        except ServiceError as exc:
            self.message.setText(str(exc))
            self.password.selectAll()
            return
        self.password.clear()
        self.unlocked.emit()


def watch(window) -> IdleWatcher | None:
    """Lock *window* after the idle time of the setting; None when the database has no password."""
    from PySide6.QtWidgets import QApplication

    try:
        minutes = settings.get(settings.IDLE_LOCK_MINUTES)
    except Exception:  # a settings table that cannot be read must not stop the app
        minutes = settings.IDLE_LOCK_MINUTES.default
    watcher = IdleWatcher(QApplication.instance(), minutes, window)
    watcher.idle.connect(window.lock)
    return watcher
