"""What every view shares: the branch filter, the open database and a hub of app-wide signals.

The main window owns one AppContext and hands it to each view, so views never reach up the widget
tree or through globals. A view that changes data calls ``notify(kind)``; every other view hears it
through ``hub.data_changed`` and refreshes when it is next shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop_app.core import clock

# Kinds of data announced through SignalHub.data_changed.
PEOPLE = "person"
BRANCHES = "branch"
SPONSORSHIPS = "sponsorship"
MEETINGS = "meeting"
QUOTAS = "quota"
DOSSIER = "dossier"
SETTINGS = "settings"
ORGANISATION = "organisation"
EVERYTHING = "*"


class SignalHub(QObject):
    """App-wide signals. Views connect to them; the main window relays them where needed."""

    branch_changed = Signal(object)  # int | None: the branch filter every view honours
    data_changed = Signal(str)  # one of the kinds above; "*" after a restore or a new database
    open_requested = Signal(str, int)  # (kind, record id): "person", "branch", "meeting", "sponsorship"
    status_message = Signal(str)  # a short note for the status bar
    language_change_requested = Signal(str)  # "vi" | "en": the app rebuilds its window in that language


class AppContext:
    """The current branch filter, the database path and the signal hub."""

    def __init__(self, db_path: Path | None = None):
        self.hub = SignalHub()
        self.db_path = Path(db_path) if db_path else None
        self.branch_id: int | None = None
        self.generation = 0  # counts the writes announced; caches of computed data compare it
        # Views may compute slow parts (the reminders) on a worker thread and fill them in when ready; the
        # app turns this on, tests leave it off so every view is complete when refresh() returns.
        self.background = False

    def today(self) -> dt.date:
        """Today's date, from the app's one clock (tests and screenshots pin it there)."""
        return clock.today()

    def set_branch(self, branch_id: int | None) -> None:
        if branch_id == self.branch_id:
            return
        self.branch_id = branch_id
        self.hub.branch_changed.emit(branch_id)

    def notify(self, kind: str) -> None:
        """Announce that data of *kind* was written."""
        self.generation += 1
        self.hub.data_changed.emit(kind)

    def request_open(self, kind: str, record_id: int) -> None:
        """Ask the main window to show a record in the view that owns it."""
        self.hub.open_requested.emit(kind, record_id)

    def message(self, text: str) -> None:
        self.hub.status_message.emit(text)
