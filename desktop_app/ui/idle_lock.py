"""Locking the app after a while without keyboard or mouse (setting ``security.idle_lock_minutes``;
0 turns it off). An event filter on the application restarts a timer on every input; when the timer
runs out ``idle`` is emitted and the main window hides the data and asks for the password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.ShortcutOverride,
}


class IdleWatcher(QObject):
    """``IdleWatcher(app, minutes)``; ``idle`` fires once per idle period, input starts a new one."""

    idle = Signal()

    def __init__(self, app: QObject, minutes: float = 15, parent: QObject | None = None):
        super().__init__(parent)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app.installEventFilter(self)

    @property
    def minutes(self) -> float:
        return self._minutes

    def set_minutes(self, minutes: float | None) -> None:
        """Change the idle time (0 or None: never lock)."""
        try:
            value = float(minutes or 0)
        except (TypeError, ValueError):
            value = 0.0
        self._minutes = max(0.0, value)
        if self._minutes:
            self.timer.setInterval(int(self._minutes * 60_000))
            self.timer.start()
        else:
            self.timer.stop()

    def poke(self) -> None:
        """Count as activity now (also after the user unlocked)."""
        if self._minutes:
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False
