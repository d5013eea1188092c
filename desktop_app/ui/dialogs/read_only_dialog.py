"""What the app shows for a database on a read-only disk or in a folder it may not change: said plainly, not
called damage (restoring a backup over it would be the wrong advice), with a copy to a writable folder
offered, which the app then opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services.datafile import dbfile
from desktop_app.ui.messages import error

DB_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;*"


class ReadOnlyDialog(QDialog):
    def __init__(self, path: Path, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.copied: Path | None = None
        self.setWindowTitle(_("The database cannot be changed where it is"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel("\n".join(problems), self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        advice = QLabel(_("The copy becomes the database you work on; the file here stays as it is, and the "
                          "copy's audit trail records where it came from."), self)
        advice.setWordWrap(True)
        layout.addWidget(advice)
        self.copy_button = QPushButton(_("Copy it to a folder I can write to…"), self)
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.close_button)

    def copy(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, _("Copy the database"), str(dbfile.suggested_copy(self.path)),
                                                    DB_FILTER)
        if not name:
            return
        try:
            self.copied = dbfile.copy_read_only(self.path, Path(name))
        except Exception as exc:
            error(self, _("Copy the database"), exc)
            return
        self.accept()


def offer_copy(path: Path, problems: list[str], parent: QWidget | None = None) -> Path | None:
    """Show the dialog; the copy's path when one was made and opened, else None."""
    dialog = ReadOnlyDialog(path, problems, parent)
    return dialog.copied if dialog.exec() == QDialog.DialogCode.Accepted else None
