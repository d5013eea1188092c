"""The one way the window runs work off the GUI thread: an Operation names the work, says what to do with its
result, its failure and its progress, and which window it blocks; ``run()`` starts it.

    Operation(self, backups.backup_now).blocking(_("Backing up…")).success(self.backed_up).run()

- ``success(fn)``: *fn(result)* on the GUI thread.
- ``failure(fn)``: *fn(exception)* on the GUI thread. Without one, a failure the user can act on (refused input,
  a missing file…) is explained in a message box over the parent, and any other reaches the crash dialog: never
  only a line in the log.
- ``progress(fn)``: the work is called with a ``progress`` callback (done, total[, what]); its reports reach
  *fn(done, total, what)* on the GUI thread, and the blocking dialog.
- ``blocking(title)``: a window-modal progress dialog over the parent while the work runs.
- ``cancellable(fn)``: the work stops when asked (its next progress call raises services' ``Cancelled``, which
  it lets unwind through its transaction): the blocking dialog gets a Cancel button, and ``cancel()`` asks too.
  Once stopped, *fn()* is called on the GUI thread (without one, the failure callback gets ``Cancelled``).
- ``reading()``: the work only reads the database; it may run beside other work, on a connection that refuses
  writes. Without it, database work runs on the one database thread, one operation after another.
- ``without_database()``: the work does not touch the database (reading a workbook).
- ``discard()``: the results are not wanted any more (the caller moved on); nothing is called.

When the parent is deleted before the work ends, nothing is called either. What the work writes is published to
the views by the context (ui.context) like any other write.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop_app.ui import worker
from desktop_app.ui.progress import ProgressDialog


class Operation:
    def __init__(self, parent: QObject | None, work: Callable[..., Any], *args: Any, **kwargs: Any):
        self.parent = parent
        self.work, self.args, self.kwargs = work, args, kwargs
        self.database = worker.WRITE
        self.title = ""
        self._success: Callable[[Any], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None
        self._progress: Callable[[int, int, str], object] | None = None
        self._reports_progress = False
        self._dialog: ProgressDialog | None = None
        self._discarded = False
        self._cancellable = False
        self._cancelled: Callable[[], object] | None = None
        self.task: worker.Task | None = None

    # ---- building ------------------------------------------------------------------------------------

    def success(self, fn: Callable[[Any], object]) -> Operation:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], object]) -> Operation:
        self._failure = fn
        return self

    def progress(self, fn: Callable[[int, int, str], object] | None = None) -> Operation:
        self._reports_progress = True
        self._progress = fn
        return self

    def blocking(self, title: str) -> Operation:
        self.title = title
        return self

    def cancellable(self, fn: Callable[[], object] | None = None) -> Operation:
        self._cancellable = True
        self._cancelled = fn
        self._reports_progress = True  # the work is stopped through its progress calls
        return self

    def reading(self) -> Operation:
        self.database = worker.READ
        return self

    def without_database(self) -> Operation:
        self.database = worker.NONE
        return self

    # ---- running -------------------------------------------------------------------------------------

    def run(self) -> Operation:
        if self.title:
            self._dialog = ProgressDialog(self.parent if isinstance(self.parent, QWidget) else None, self.title,
                                          cancellable=self._cancellable)
        task = worker.Task(self.work, *self.args, pass_progress=self._reports_progress, database=self.database,
                           **self.kwargs)
        if self._dialog is not None and self._cancellable:
            self._dialog.canceled.connect(task.cancel)
        task.operation = self  # lives as long as its task, which the worker keeps until it ends
        queued = Qt.ConnectionType.QueuedConnection
        task.signals.progress.connect(self._on_progress, queued)
        task.signals.finished.connect(self._on_finished, queued)
        task.signals.failed.connect(self._on_failed, queued)
        self.task = worker.start(task)
        return self

    @property
    def running(self) -> bool:
        return self.task is not None

    def cancel(self) -> None:
        """Ask the work to stop (a cancellable operation): it ends in the failure callback with ``Cancelled``."""
        if self.task is not None:
            self.task.cancel()

    def discard(self) -> None:
        self._discarded = True
        self._close_dialog()

    def _wanted(self) -> bool:
        return not self._discarded and (self.parent is None or isValid(self.parent))

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.finish()
            self._dialog = None

    def _on_progress(self, done: int, total: int, what: str) -> None:
        if not self._wanted():
            return
        if self._dialog is not None and not (self.task is not None and self.task.cancelled):
            self._dialog.report(done, total, what)
        if self._progress is not None:
            self._progress(done, total, what)

    def _on_finished(self, result: Any) -> None:
        self.task = None
        self._close_dialog()
        if self._wanted() and self._success is not None:
            self._success(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.task = None
        self._close_dialog()
        if not self._wanted():
            return
        if self._cancelled is not None:
            from desktop_app.services.common.errors import Cancelled

            if isinstance(exc, Cancelled):
                self._cancelled()
                return
        if self._failure is not None:
            self._failure(exc)
            return
        from desktop_app.ui.messages import known_failure

        message = known_failure(exc)
        if message is None:  # a bug: the crash dialog says so and the details go to the log
            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent if isinstance(self.parent, QWidget) else None, self.title or "Sổ Chi bộ",
                            message)
