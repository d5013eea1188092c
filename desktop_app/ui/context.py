"""What every view shares: the branch filter, the open database and a hub of app-wide signals.

The main window owns one AppContext and hands it to each view, so views never reach up the widget
tree or through globals.

Views never announce what they wrote. Every transaction that commits reports the kinds of data it touched
(services.common.changes); the context hears them and ``publish`` broadcasts them on ``hub.data_changed``, the
one path by which every view learns that data changed. A write on a worker thread is published on the GUI
thread. ``start_over`` tells every view that another database file is open.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.core import clock
from desktop_app.services.common import changes
from desktop_app.services.common.changes import (  # the kinds of data views watch
    AUDIT,
    BADGES,
    BRANCHES,
    DISCIPLINE,
    DOCUMENTS,
    DOSSIER,
    EVERYTHING,
    FEES,
    GRADING,
    MEETINGS,
    ORGANISATION,
    PEOPLE,
    QUOTAS,
    SETTINGS,
    SPONSORSHIPS,
)

__all__ = ["AUDIT", "BADGES", "BRANCHES", "DISCIPLINE", "DOCUMENTS", "DOSSIER", "EVERYTHING", "FEES", "GRADING",
           "MEETINGS", "ORGANISATION", "PEOPLE", "QUOTAS", "SETTINGS", "SPONSORSHIPS", "AppContext", "SignalHub"]


class SignalHub(QObject):
    """App-wide signals. Views connect to them; the main window relays them where needed."""

    branch_changed = Signal(object)  # int | None: the branch filter every view honours
    data_changed = Signal(object)  # frozenset of the kinds above; {EVERYTHING} after another file is opened
    open_requested = Signal(str, int)  # (kind, record id): "person", "branch", "meeting", "sponsorship"
    status_message = Signal(str)  # a short note for the status bar
    language_change_requested = Signal(str)  # "vi" | "en": the app rebuilds its window in that language
    written_elsewhere = Signal(object)  # kinds committed on a worker thread, carried to the GUI thread

    def __init__(self, publish) -> None:
        super().__init__()
        self._publish = publish
        # A slot of this object (made on the GUI thread): Qt queues what another thread emits to it.
        self.written_elsewhere.connect(self._written_elsewhere)

    @Slot(object)
    def _written_elsewhere(self, kinds: frozenset[str]) -> None:
        self._publish(kinds)


class AppContext:
    """The current branch filter, the database path and the signal hub."""

    def __init__(self, db_path: Path | None = None):
        self.hub = SignalHub(self.publish)
        # a file's Path, or a server's address (services.datafile.dbfile)
        self.db_path = Path(db_path) if isinstance(db_path, str) else db_path or None
        self.branch_id: int | None = None
        self.generation = 0  # counts the changes published; caches of computed data compare it
        # Views may compute slow parts (the reminders) on a worker thread and fill them in when ready; the
        # app turns this on, tests leave it off so every view is complete when refresh() returns.
        self.background = False
        changes.subscribe(self._committed)

    def today(self) -> dt.date:
        """Today's date, from the app's one clock (tests and screenshots pin it there)."""
        return clock.today()

    def set_branch(self, branch_id: int | None) -> None:
        if branch_id == self.branch_id:
            return
        self.branch_id = branch_id
        self.hub.branch_changed.emit(branch_id)

    def _committed(self, kinds: frozenset[str]) -> None:
        """A transaction committed on some thread (services.common.changes calls this there)."""
        if threading.current_thread() is threading.main_thread():
            self.publish(kinds)
        else:
            self.hub.written_elsewhere.emit(kinds)

    def publish(self, kinds: Iterable[str]) -> None:
        """Tell every view which kinds of data changed (the one place data_changed is emitted)."""
        self.generation += 1
        self.hub.data_changed.emit(frozenset(kinds))

    def start_over(self) -> None:
        """Another database file is open: every view reloads everything."""
        self.publish({EVERYTHING})

    def request_open(self, kind: str, record_id: int) -> None:
        """Ask the main window to show a record in the view that owns it."""
        self.hub.open_requested.emit(kind, record_id)

    def message(self, text: str) -> None:
        self.hub.status_message.emit(text)
