"""Long work with a progress dialog: the window keeps responding while a pool thread works."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.ui import worker


def run_task(parent: QWidget | None, title: str, work: Callable[..., Any], *args,
             on_done: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
             pass_progress: bool = False, use_database: bool = True, **kwargs) -> worker.Task:
    """Start *work* on a pool thread behind a window-modal progress dialog (busy bar until progress arrives).

    *on_done* / *on_error* run on the GUI thread. Without *on_error* the failure is explained in a message box.
    """
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setMinimumWidth(460)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = worker.Task(work, *args, pass_progress=pass_progress, use_database=use_database, **kwargs)

    def progress(done: int, total: int, what: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if what:
            dialog.setLabelText(what)

    def finished(result: Any) -> None:
        dialog.close()
        dialog.deleteLater()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.close()
        dialog.deleteLater()
        if on_error is not None:
            on_error(exc)
        else:
            from desktop_app.ui.messages import error

            error(parent, title, exc)

    task.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    task.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    task.dialog = dialog
    worker.start(task)
    return task
