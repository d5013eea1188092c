"""Automatic backups while the app is open: at start and every hour when one is due (services.backups
decides: daily, and only when the data changed), and once more when the app closes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.services.datafile import backups, dbfile
from desktop_app.ui import worker
from desktop_app.ui.operation import Operation

log = logging.getLogger(__name__)
HOUR_MS = 60 * 60 * 1000


class AutoBackup(QObject):
    made = Signal(object)  # services.backups.BackupInfo

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self, interval=HOUR_MS)
        self.timer.timeout.connect(self.run_if_due)
        self.operation: Operation | None = None

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(5000, self.run_if_due)  # after the window is up, never in its way

    def run_if_due(self) -> None:
        if self.operation is not None and self.operation.running or not dbfile.is_open():
            return
        self.operation = Operation(self, backups.auto_backup_if_due).success(self._done).failure(self._failed).run()

    def _done(self, info) -> None:
        if info is not None:
            self.made.emit(info)

    def _failed(self, exc: BaseException) -> None:
        # Not a message in the user's way: the next hour tries again, and a backup on close follows.
        log.warning("automatic backup failed: %s", exc)


def backup_on_close() -> None:
    """The backup when the app closes (only when the data changed); failures are logged, not shown."""
    if not dbfile.is_open():
        return
    worker.wait_all(10000)
    try:
        backups.backup_on_close()
    except Exception:
        log.exception("backup on close failed")
