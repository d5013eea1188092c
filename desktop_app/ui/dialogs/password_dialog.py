"""Settings → Password: protect the database with a password, change it or remove it
(services.encryption). After a password is set, the older unprotected backups are offered for deletion."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _, ngettext
from desktop_app.services.common.errors import ServiceError, ValidationError
from desktop_app.services.datafile import backups, encryption

SET, CHANGE, REMOVE = "set", "change", "remove"


class PasswordDialog(QDialog):
    """One dialog for the three actions; ``mode`` is SET, CHANGE or REMOVE."""

    def __init__(self, mode: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode = mode
        self.setWindowTitle({SET: _("Protect with a password"), CHANGE: _("Change the password"),
                             REMOVE: _("Remove the password")}[mode])
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        note = QLabel({
            SET: _("The database file will be encrypted. Without the password nobody can read it, and neither "
                   "can you: write the password down and keep it somewhere safe. Backups made from now on need "
                   "it too."),
            CHANGE: _("Backups made before the change still open with the old password."),
            REMOVE: _("The database file will be stored without encryption again."),
        }[mode], self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.old = self._field()
        self.new = self._field()
        self.repeat = self._field()
        if mode in (CHANGE, REMOVE):
            form.addRow(_("Current password"), self.old)
        if mode in (SET, CHANGE):
            form.addRow(_("New password"), self.new)
            form.addRow(_("New password again"), self.repeat)
        layout.addLayout(form)
        self.show_box = QCheckBox(_("Show the characters"), self)
        self.show_box.toggled.connect(self._show_characters)
        layout.addWidget(self.show_box)
        self.error = QLabel("", self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.unprotected: list = []

    def _field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _show_characters(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.old, self.new, self.repeat):
            field.setEchoMode(mode)

    def accept(self) -> None:
        if self.mode in (SET, CHANGE) and self.new.text() != self.repeat.text():
            self.error.setText(_("The two new passwords are not the same."))
            return
        try:
            if self.mode == SET:
                self.unprotected = encryption.set_password(self.new.text())
            elif self.mode == CHANGE:
                encryption.change_password(self.old.text(), self.new.text())
            else:
                encryption.remove_password(self.old.text())
        except ValidationError as exc:
            self.error.setText("\n".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.error.setText(str(exc))
            return
        super().accept()


def run(mode: str, parent: QWidget | None = None) -> bool:
    """Show the dialog for *mode*; True when the password was set, changed or removed."""
    if not encryption.available():
        QMessageBox.warning(parent, _("Password"),
                            _("Password protection needs the sqlcipher3 package, which is not installed."))
        return False
    dialog = PasswordDialog(mode, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if dialog.unprotected:
        answer = QMessageBox.question(
            parent, _("Older backups"),
            ngettext("{n} backup made before the password was set can still be read without it. Delete it now?",
                     "{n} backups made before the password was set can still be read without it. Delete them now?",
                     len(dialog.unprotected)).format(n=len(dialog.unprotected)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            backups.delete(dialog.unprotected)
    return True
