"""Connect to a server: the address of the committee's PostgreSQL database, typed once and remembered for this
user (never the password, which is asked each time and kept only while the app runs)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.i18n import _
from desktop_app.services.datafile import dbfile
from desktop_app.ui import ui_state

REMEMBERED = "server_address"  # ui_state key: the last address connected to (postgresql://user@host:port/db)


def remembered_address():
    """The address this user last connected to, or None."""
    text = ui_state.get_str(REMEMBERED)
    if not text:
        return None
    try:
        return dbfile.locate(text) if text.startswith("postgresql://") else None
    except dbfile.BadAddressError:
        return None


class ServerDialog(QDialog):
    """Accepted once the server database is open; ``opened`` is its address."""

    def __init__(self, parent: QWidget | None = None, address=None, message: str = ""):
        super().__init__(parent)
        self.opened = None
        self.setWindowTitle(_("Connect to a server"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        note = QLabel(_("The committee's database on the office server (PostgreSQL). Ask whoever set the server "
                        "up for these details. The password is not kept: it is asked each time the app starts."),
                      self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        address = address or remembered_address()
        self.host = QLineEdit(address.host if address else "", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(address.port if address else 5432)
        self.database = QLineEdit(address.dbname if address else "sochibo", self)
        self.user = QLineEdit(address.user if address else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Server (name or IP address)"), self.host)
        form.addRow(_("Port"), self.port)
        form.addRow(_("Database"), self.database)
        form.addRow(_("User name"), self.user)
        form.addRow(_("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel(message, self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Connect"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.connect_now)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if address else self.host).setFocus()

    def address(self):
        return dbfile.ServerAddress(host=self.host.text().strip(), dbname=self.database.text().strip(),
                                    user=self.user.text().strip(), port=self.port.value())

    def connect_now(self) -> None:
        from desktop_app.ui.messages import explain

        address = self.address()
        if not address.host or not address.dbname:
            self.error.setText(_("Write the server's name and the database's name."))
            return
        self.error.setText(_("Connecting…"))
        self.repaint()
        try:
            dbfile.open_server(address, password=self.password.text() or None)
        except Exception as exc:  # every failure becomes a sentence here; the dialog stays open
            self.error.setText(explain(exc))
            self.password.selectAll()
            self.password.setFocus()
            return
        ui_state.put(REMEMBERED, address.url)
        self.opened = address
        self.accept()
