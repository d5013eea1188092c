"""Long work off the GUI thread: a function runs on a pool thread with a database connection of its
own; progress, result and failure come back to the GUI thread as Qt signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """Runs ``work(progress=callback, *args, **kwargs)`` when ``pass_progress``, else ``work(*args, **kwargs)``."""

    def __init__(self, work: Callable[..., Any], *args, pass_progress: bool = False, use_database: bool = True,
                 **kwargs):
        super().__init__()
        self.signals = TaskSignals()
        self.work, self.args, self.kwargs = work, args, kwargs
        self.pass_progress = pass_progress
        self.use_database = use_database
        self.setAutoDelete(False)  # the caller keeps the signals alive until finished

    def _progress(self, *args) -> None:
        """Accepts (done, total[, what]), (fraction) or (what) from the work function."""
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
            if self.use_database:
                from desktop_app.services.datafile import dbfile

                result = dbfile.in_worker_connection(self.work, *self.args, **kwargs)
            else:
                result = self.work(*self.args, **kwargs)
        except BaseException as exc:  # reported to the GUI thread, which explains it to the user
            log.exception("background task failed")
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(result)


_running: set[Task] = set()


def start(task: Task) -> Task:
    """Queue *task* on the global pool and keep it referenced until it ends."""
    _running.add(task)
    task.signals.finished.connect(lambda _r, t=task: _running.discard(t))
    task.signals.failed.connect(lambda _e, t=task: _running.discard(t))
    QThreadPool.globalInstance().start(task)
    return task


def wait_all(msecs: int = 30000) -> bool:
    """Wait for queued tasks (tests and shutdown)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
