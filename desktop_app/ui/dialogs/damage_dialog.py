"""What the app shows when the database fails its start-up check: what is wrong, in words, and the
way out (the latest good backup, another backup, or closing) instead of a crash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _, format_date
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import backups, maintenance

RESTORED, CANCELLED = 1, 0


class DamageDialog(QDialog):
    """Explains a StartupHealth that is not ok and offers the restores that are possible."""

    def __init__(self, health: maintenance.StartupHealth, parent: QWidget | None = None):
        super().__init__(parent)
        self.health = health
        self.restored_from: Path | None = None
        self.setWindowTitle(_("The database needs attention"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel("\n".join(health.problems), self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        advice = QLabel(self._advice(), self)
        advice.setWordWrap(True)
        layout.addWidget(advice)
        if health.details:
            details = QPlainTextEdit("\n".join(health.details), self)
            details.setReadOnly(True)
            details.setMaximumHeight(90)
            layout.addWidget(details)
        self.latest_button = QPushButton(self)
        latest = health.latest_backup
        if latest is not None:
            self.latest_button.setText(_("Restore the backup of {date} {time}").format(
                date=format_date(latest.when.date()), time=latest.when.strftime("%H:%M")))
            self.latest_button.setDefault(True)
            self.latest_button.clicked.connect(lambda: self.restore(latest.path))
        self.latest_button.setVisible(latest is not None)
        self.choose_button = QPushButton(_("Choose a backup file…"), self)
        self.choose_button.clicked.connect(self.choose)
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.latest_button, self.choose_button, self.close_button):
            layout.addWidget(button)

    def _advice(self) -> str:
        if self.health.status == maintenance.DAMAGED:
            if self.health.latest_backup is not None:
                return _("Restore the latest good backup. The damaged file is kept beside the database, so "
                         "nothing is thrown away; work done after that backup has to be entered again.")
            return _("No good backup was found in the backup folders. Choose a backup file if you have one "
                     "(on a USB drive, for example), or ask for help before changing anything.")
        if self.health.status == maintenance.NOT_DATABASE:
            return _("Choose the right file, or restore a backup in its place.")
        return _("Close the program and try again, or restore a backup.")

    def choose(self) -> None:
        start = str(self.health.latest_backup.path.parent) if self.health.latest_backup else ""
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose a backup"), start,
                                                    _("Backups (*.sqlite3 *.db *.bak);;All files (*)"))
        if path:
            self.restore(Path(path))

    def restore(self, source: Path) -> None:
        from desktop_app.ui.file_actions import ask_keep_password

        keep = ask_keep_password(self, source, self.health.path)
        if keep is None:
            return
        try:
            result = backups.restore(source, db_path=self.health.path, keep_password=keep)
        except ServiceError as exc:
            QMessageBox.warning(self, _("Restore"), str(exc))
            return
        self.restored_from = source
        kept = _("The damaged file is kept as {path}.").format(path=result.kept) if result.kept else ""
        QMessageBox.information(self, _("Restore"), " ".join(
            [_("The backup was restored and the database is ready."), kept]).strip())
        self.accept()


def offer_recovery(health: maintenance.StartupHealth, parent: QWidget | None = None) -> bool:
    """Show the dialog; True when a backup was restored (the database is then open and healthy)."""
    dialog = DamageDialog(health, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
