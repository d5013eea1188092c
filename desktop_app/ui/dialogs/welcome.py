"""First start without a database: create an organisation, try the demo data, or open a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app import paths
from desktop_app.i18n import _
from desktop_app.services.datafile import dbfile
from desktop_app.ui.dialogs.new_organisation import NewOrganisationDialog
from desktop_app.ui.messages import error
from desktop_app.ui.operation import Operation
from desktop_app.ui.password import open_database

DB_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;*"


def demo_path() -> Path:
    return paths.data_dir() / "demo.sqlite3"


class WelcomeDialog(QDialog):
    """Accepted once a database is open; ``opened_path`` names it."""

    def __init__(self, target: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.target = Path(target)
        self.opened_path: Path | None = None
        self.setWindowTitle(_("Welcome to Sổ Chi bộ"))
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        title = QLabel(_("Welcome to Sổ Chi bộ"), self)
        title.setObjectName("welcomeTitle")
        layout.addWidget(title)
        intro = QLabel(_("Records, admissions, monthly meetings and documents of a Party branch, on this computer "
                         "only. How would you like to start?"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.create_button = self._big_button(_("Create a new organisation"),
                                              _("Start an empty register for your Party organisation."))
        self.demo_button = self._big_button(_("Try the demo data"),
                                            _("A sample branch with about 30 members, to look around safely."))
        self.open_button = self._big_button(_("Open a database file…"),
                                            _("A file made earlier on this or another computer."))
        self.server_button = self._big_button(_("Connect to a server…"),
                                              _("The committee's shared database on the office server."))
        for button in (self.create_button, self.demo_button, self.open_button, self.server_button):
            layout.addWidget(button)
        self.create_button.clicked.connect(self.create_new)
        self.demo_button.clicked.connect(self.open_demo)
        self.open_button.clicked.connect(self.open_file)
        self.server_button.clicked.connect(self.connect_server)
        layout.addStretch(1)
        cancel = QPushButton(_("Quit"), self)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(640, 580)

    def _big_button(self, text: str, detail: str) -> QPushButton:
        button = QPushButton(f"{text}\n{detail}", self)
        button.setObjectName("bigChoice")
        button.setMinimumHeight(84)
        return button

    def _opened(self, path) -> None:
        self.opened_path = path if isinstance(path, dbfile.ServerAddress) else Path(path)
        self.accept()

    def connect_server(self) -> None:
        from desktop_app.ui.dialogs.server_dialog import ServerDialog

        dialog = ServerDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.opened is not None:
            self._opened(dialog.opened)

    def create_new(self) -> None:
        dialog = NewOrganisationDialog(self.target, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._opened(self.target)

    def open_demo(self) -> None:
        path = demo_path()
        try:
            if path.exists():
                dbfile.open_file(path)
                self._opened(path)
                return
            dbfile.open_file(path, create=True)
        except Exception as exc:
            error(self, _("Demo data"), exc)
            return
        from desktop_app.services import demo

        self.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            dbfile.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            error(self, _("Demo data"), exc)

        self._task = Operation(self, demo.generate, "branch", seed=1).blocking(_("Creating the demo data…")) \
            .progress().success(lambda _r: self._opened(path)).failure(failed).run()

    def open_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, _("Open a database file"), str(paths.data_dir()),
                                                    DB_FILTER)
        if not name:
            return
        try:
            if not open_database(Path(name), self):
                return
        except Exception as exc:
            error(self, _("Open a database file"), exc)
            return
        self._opened(Path(name))
