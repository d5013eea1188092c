"""Saving the minutes as they are typed: edits are written through the services after a short pause,
and at once when the editor is left or closed, so nothing typed is lost if the program stops."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.services.common.errors import ServiceError, ValidationError

IDLE_MS = 1200  # a pause in typing this long saves


class AutoSaver(QObject):
    """Collects pending edits under keys and hands them to *write(pending) -> None* after IDLE_MS.

    On a ValidationError the fields it names stay pending (their messages go to ``invalid``) and the
    other edits are written; ``flush()`` returns whether everything pending was saved.
    """

    saved = Signal()  # something was written
    invalid = Signal(dict)  # {key: translated message} of edits that could not be saved
    failed = Signal(object)  # another ServiceError (e.g. the minutes were adopted meanwhile)

    def __init__(self, write: Callable[[dict[str, Any]], None], parent: QObject | None = None,
                 idle_ms: int = IDLE_MS):
        super().__init__(parent)
        self.write = write
        self.pending: dict[str, Any] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.flush)

    def queue(self, key: str, value: Any) -> None:
        self.pending[key] = value
        self.timer.start()

    def queue_many(self, values: dict[str, Any]) -> None:
        if values:
            self.pending.update(values)
            self.timer.start()

    def discard(self) -> None:
        self.timer.stop()
        self.pending.clear()

    def flush(self) -> bool:
        self.timer.stop()
        if not self.pending:
            return True
        batch = dict(self.pending)
        try:
            self.write(batch)
        except ValidationError as exc:
            bad = {k: v for k, v in exc.errors.items() if k in batch}
            rest = {k: v for k, v in batch.items() if k not in bad}
            if bad and rest:
                try:
                    self.write(rest)
                    for key in rest:
                        self._done(key, rest[key])
                    self.saved.emit()
                except ServiceError as again:
                    self.invalid.emit(getattr(again, "errors", {}) or exc.errors)
                    return False
            self.invalid.emit(exc.errors)
            return False
        except ServiceError as exc:
            self.failed.emit(exc)
            return False
        for key, value in batch.items():
            self._done(key, value)
        self.saved.emit()
        return True

    def _done(self, key: str, value: Any) -> None:
        # An edit typed while writing stays pending.
        if key in self.pending and self.pending[key] == value:
            del self.pending[key]
