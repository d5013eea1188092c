"""Protecting the data: the database password (set, change, remove), locking after a while without use,
where automatic backups go and how many are kept, and whether lists mask personal identifiers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.services.common import settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import dbfile, encryption
from desktop_app.ui.messages import error


class SecurityPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(_("Password and backups"), parent)
        box = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        box.addWidget(self.state)
        row = QHBoxLayout()
        self.set_button = QPushButton(_("Set a password…"), self)
        self.change_button = QPushButton(_("Change password…"), self)
        self.remove_button = QPushButton(_("Remove password…"), self)
        for mode, button in (("set", self.set_button), ("change", self.change_button),
                             ("remove", self.remove_button)):
            button.clicked.connect(lambda _c=False, m=mode: self.password(m))
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        form = QFormLayout()
        self.idle = QSpinBox(self)
        self.idle.setRange(0, 240)
        self.idle.setSuffix(" " + _("min"))
        self.idle.setSpecialValueText(_("never"))
        form.addRow(_(settings.IDLE_LOCK_MINUTES.title), self.idle)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(_("the app's own backup folder"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form.addRow(_(settings.BACKUP_FOLDER.title), folder_row)
        self.keep = QSpinBox(self)
        self.keep.setRange(1, 365)
        form.addRow(_(settings.BACKUP_KEEP.title), self.keep)
        self.mask = QCheckBox(_(settings.MASK_IDS.title), self)
        self.mask.setToolTip(_("Citizen ID, party card and phone numbers show partly hidden in lists."))
        form.addRow("", self.mask)
        box.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(_("Save"), self)
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        box.addLayout(save_row)

    def load(self) -> None:
        protected = encryption.is_protected()
        on_server = dbfile.is_server()
        if on_server:  # a file's password (SQLCipher) has no meaning there
            self.state.setText(_("The database is on a server: the server's user name and password protect it."))
        elif not encryption.available():
            self.state.setText(_("Password protection needs the sqlcipher3 package, which is not installed."))
        elif protected:
            self.state.setText(_("The database is protected by a password."))
        else:
            self.state.setText(_("The database has no password: anyone using this computer can open it."))
        self.set_button.setVisible(not protected and not on_server)
        self.set_button.setEnabled(encryption.available())
        self.change_button.setVisible(protected)
        self.remove_button.setVisible(protected)
        self.idle.setValue(settings.get(settings.IDLE_LOCK_MINUTES))
        self.idle.setEnabled(protected)
        self.folder.setText(settings.get(settings.BACKUP_FOLDER))
        self.keep.setValue(settings.get(settings.BACKUP_KEEP))
        self.mask.setChecked(settings.get(settings.MASK_IDS))

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, _("Backup folder"), self.folder.text() or str(Path.home()))
        if name:
            self.folder.setText(name)

    def save(self) -> bool:
        folder = self.folder.text().strip()
        if folder and not Path(folder).is_dir():
            error(self, self.title(), _("The folder {folder} cannot be reached. Is the USB drive plugged in?").format(
                folder=folder))
            return False
        try:
            settings.set_many({settings.BACKUP_FOLDER: folder, settings.BACKUP_KEEP: self.keep.value(),
                               settings.IDLE_LOCK_MINUTES: self.idle.value(), settings.MASK_IDS: self.mask.isChecked()})
        except ServiceError as exc:
            error(self, self.title(), exc)
            return False
        return True

    def password(self, mode: str) -> None:
        from desktop_app.ui.dialogs.password_dialog import run

        if run(mode, self):
            self.load()
