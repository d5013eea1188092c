"""The contract every navigation entry's view fulfils.

A view is created on its first visit with the shared AppContext. It loads its data in ``refresh()``.
It lists in ``WATCHES`` the kinds of data it shows; when a write changes one of them (the context publishes
what each transaction touched) or the branch filter moves, it is marked stale: a hidden view refreshes the
next time it is shown, so switching views stays fast; a view on screen refreshes once the event that made
the write is handled, so a view that writes never reloads under its own feet.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import EVERYTHING, AppContext


class BaseView(QWidget):
    """Subclasses set ``KEY``, ``WATCHES`` and implement ``title()`` and ``refresh()``."""

    KEY = ""  # the navigation key: "dashboard", "branches", "members", …
    WATCHES: tuple[str, ...] = (EVERYTHING,)  # data kinds that make this view stale

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.branch_id: int | None = context.branch_id
        self._stale = True
        self._refresh_queued = False
        context.hub.branch_changed.connect(self.set_branch)
        context.hub.data_changed.connect(self._on_data_changed)

    # ---- the interface the main window uses -------------------------------------------------

    def title(self) -> str:
        """The translated name shown in the navigation and the window title."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload everything shown from the services."""
        raise NotImplementedError

    def set_branch(self, branch_id: int | None) -> None:
        """Follow the branch filter (None: all branches)."""
        if branch_id == self.branch_id:
            return
        self.branch_id = branch_id
        self.mark_stale()

    def retranslate_ui(self) -> None:
        """Re-apply every translated text (called on QEvent.LanguageChange)."""

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show the record (from search or a reminder); False when this view does not show *kind*."""
        return False

    def has_unsaved_changes(self) -> bool:
        """True while an edit in this view is not saved; the window asks before leaving."""
        return False

    # ---- staleness ------------------------------------------------------------------------

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh_if_stale()

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def mark_fresh(self) -> None:
        """This view already shows what was just written (it made the write and updated itself): the
        change published for that write does not reload it again."""
        self._stale = False

    def watches(self, kinds: frozenset[str]) -> bool:
        return EVERYTHING in kinds or EVERYTHING in self.WATCHES or not kinds.isdisjoint(self.WATCHES)

    def _on_data_changed(self, kinds: frozenset[str]) -> None:
        if not self.watches(kinds):
            return
        self._stale = True
        if self.isVisible() and not self._refresh_queued:
            self._refresh_queued = True
            QTimer.singleShot(0, self, self._queued_refresh)

    def _queued_refresh(self) -> None:
        self._refresh_queued = False
        if self.isVisible():
            self.refresh_if_stale()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_if_stale()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
