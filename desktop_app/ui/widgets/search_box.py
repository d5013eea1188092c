"""The global search box: accent-insensitive search over people and branches as you type.

Results show in a list under the box; Down moves into the list, Enter opens the chosen (or first)
record, Esc closes the list. The list is built at the first search: the box is part of the main window,
which goes on screen before anything it does not need yet (QtCore.Qt, too, is looked up when used: its
first use builds a hundred enum types).
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QPoint, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.core.enums import Status
from desktop_app.i18n import _


def _roles() -> tuple[int, int]:
    """The item data roles of a result's kind and id."""
    user = QtCore.Qt.ItemDataRole.UserRole
    return user, user + 1


class SearchBox(QLineEdit):
    """Emits ``chosen(kind, id)`` when a result is picked."""

    chosen = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, *, branch_names: dict[int, str] | None = None):
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.branch_names = branch_names or {}
        self._popup: QFrame | None = None
        self._results: QListWidget | None = None
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.choose_current)
        self.retranslate_ui()

    def _build_popup(self) -> None:
        self._popup = QFrame(self, QtCore.Qt.WindowType.ToolTip)
        self._popup.setObjectName("searchPopup")
        self._popup.setFrameShape(QFrame.Shape.Box)
        self._results = QListWidget(self._popup)
        self._results.setObjectName("searchResults")
        layout = QVBoxLayout(self._popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._results)
        self._results.itemActivated.connect(self._activate)
        self._results.itemClicked.connect(self._activate)
        self._results.installEventFilter(self)

    @property
    def popup(self) -> QFrame:
        """The frame of the result list under the box."""
        if self._popup is None:
            self._build_popup()
        return self._popup

    def hide_results(self) -> None:
        if self._popup is not None:
            self._popup.hide()

    def _results_shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    @property
    def results(self) -> QListWidget:
        if self._results is None:
            self._build_popup()
        return self._results

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("Search people and branches (Ctrl+F)"))
        self.setToolTip(_("Accents do not matter: “nguyen” finds Nguyễn, “duc” finds Đức."))

    def run_search(self) -> None:
        text = self.text().strip()
        self.results.clear()
        if len(text) < 2:
            self.popup.hide()
            return
        from desktop_app.services.people import search

        hits = search.search(text, limit=30)
        for hit in hits:
            if hit.kind == "branch":
                label = _("Branch: {name} ({code})").format(name=hit.title, code=hit.detail)
            else:
                branch = self.branch_names.get(hit.branch_id, "")
                label = f"{hit.title} — {Status.label(hit.detail)}" + (f" — {branch}" if branch else "")
            item = QListWidgetItem(label)
            kind_role, id_role = _roles()
            item.setData(kind_role, hit.kind)
            item.setData(id_role, hit.id)
            self.results.addItem(item)
        if not hits:
            item = QListWidgetItem(_("Nothing found for “{text}”.").format(text=text))
            item.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        else:
            self.results.setCurrentRow(0)
        self._place_popup()

    def _place_popup(self) -> None:
        width = max(self.width(), 520)
        rows = min(self.results.count(), 10)
        height = rows * (self.results.sizeHintForRow(0) + 2) + 8
        origin = self.mapToGlobal(QPoint(0, self.height()))
        self.popup.setGeometry(origin.x() + self.width() - width, origin.y(), width, height)
        self.popup.show()

    def choose_current(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        kind_role, id_role = _roles()
        kind, rid = item.data(kind_role), item.data(id_role)
        if not kind:
            return
        self.hide_results()
        self.chosen.emit(str(kind), int(rid))

    def keyPressEvent(self, event) -> None:
        if event.key() == QtCore.Qt.Key.Key_Down and self._results_shown():
            row = min(self.results.currentRow() + 1, self.results.count() - 1)
            self.results.setCurrentRow(row)
            return
        if event.key() == QtCore.Qt.Key.Key_Up and self._results_shown():
            self.results.setCurrentRow(max(self.results.currentRow() - 1, 0))
            return
        if event.key() == QtCore.Qt.Key.Key_Escape:
            self.hide_results()
            if not self.text():
                self.clearFocus()
            self.clear()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:
        if obj is self._results and event.type() == QEvent.Type.KeyPress and event.key() == QtCore.Qt.Key.Key_Escape:
            self.hide_results()
            self.setFocus()
            return True
        return super().eventFilter(obj, event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        QTimer.singleShot(200, self._hide_unless_focused)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus() and not (self._results is not None and self._results.hasFocus()):
            self.hide_results()
