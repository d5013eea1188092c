"""Where work off the GUI thread runs (the window starts it through ``ui.operation.Operation``).

- Work that may write the database runs on the one database thread, one task after another: two background
  writes never race, and each sees what the one before committed.
- Work that only reads it runs on the shared pool beside the rest, on a connection that refuses writes.
- Work without the database (reading a workbook) runs on the shared pool too.

Each database task gets a connection of its own for its run (SQLite connections belong to their thread).
Progress, result and failure come back to the GUI thread as Qt signals of the task.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

WRITE, READ, NONE = "write", "read", "none"  # what a task does with the database


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Runs ``work(progress=callback, *args, **kwargs)`` when ``pass_progress``, else ``work(*args, **kwargs)``.

    ``cancel()`` asks the work to stop: its next progress call raises services' ``Cancelled``, which unwinds
    through the work's transaction (nothing written) and arrives as ``failed`` with that exception."""

    def __init__(self, work: Callable[..., Any], *args: Any, pass_progress: bool = False, database: str = WRITE,
                 **kwargs: Any):
        super().__init__()
        self.signals = TaskSignals()
        self.work, self.args, self.kwargs = work, args, kwargs
        self.pass_progress = pass_progress
        self.database = database
        self.setAutoDelete(False)  # the caller keeps the signals alive until finished
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, *args: Any) -> None:
        """Accepts (done, total[, what]), (fraction) or (what) from the work function; raises Cancelled once
        the task is cancelled."""
        if self._cancel.is_set():
            from desktop_app.services.common.errors import Cancelled

            raise Cancelled()
        done, total, what = 0, 0, ""
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        texts = [a for a in args if isinstance(a, str)]
        if len(numbers) >= 2:
            done, total = int(numbers[0]), int(numbers[1])
        elif len(numbers) == 1:
            done, total = int(round(float(numbers[0]) * 100)), 100
        if texts:
            what = texts[0]
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        kwargs = dict(self.kwargs)
        if self.pass_progress:
            kwargs["progress"] = self._progress
        try:
            if self.database == NONE:
                result = self.work(*self.args, **kwargs)
            else:
                from desktop_app.services.datafile import dbfile

                result = dbfile.in_worker_connection(self.work, *self.args, read_only=self.database == READ,
                                                     **kwargs)
        except BaseException as exc:  # carried to the GUI thread, where the operation decides who hears it
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


_running: set[Task] = set()
_database_pool: QThreadPool | None = None


def database_pool() -> QThreadPool:
    """The pool of the one database thread (made on first use; its thread never expires)."""
    global _database_pool
    if _database_pool is None:
        _database_pool = QThreadPool()
        _database_pool.setMaxThreadCount(1)
        _database_pool.setExpiryTimeout(-1)
    return _database_pool


def start(task: Task) -> Task:
    """Queue *task* where it belongs (see the module) and keep it referenced until it ends."""
    _running.add(task)
    task.signals.finished.connect(lambda _r, t=task: _running.discard(t))
    task.signals.failed.connect(lambda _e, t=task: _running.discard(t))
    pool = database_pool() if task.database == WRITE else QThreadPool.globalInstance()
    pool.start(task)
    return task


def wait_all(msecs: int = 30000) -> bool:
    """Wait for queued tasks (tests and shutdown)."""
    done = QThreadPool.globalInstance().waitForDone(msecs)
    return (_database_pool is None or _database_pool.waitForDone(msecs)) and done
