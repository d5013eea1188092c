"""The progress dialog an operation shows over the window it blocks (ui.operation.Operation.blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class ProgressDialog(QProgressDialog):
    """Window-modal over *parent*, with a Cancel button when the work can stop (``canceled`` is emitted), else
    without; a busy bar until the work reports how far it is. It appears only when the work lasts more than a
    moment."""

    def __init__(self, parent: QWidget | None, title: str, *, cancellable: bool = False):
        super().__init__(title, "", 0, 0, parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(title)
        self.title = title
        if cancellable:
            from desktop_app.i18n import _

            self.setCancelButtonText(_("Cancel"))
        else:
            self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setMinimumWidth(460)
        self.setAutoClose(False)
        self.setAutoReset(False)

    def report(self, done: int, total: int, what: str) -> None:
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))
        if what and not self.wasCanceled():
            self.setLabelText(f"{self.title}\n{what}")

    def finish(self) -> None:
        self.close()
        self.deleteLater()
