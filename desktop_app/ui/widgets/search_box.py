"""The global search box: accent-insensitive search over people and branches as you type.

Results show in a list under the box; Down moves into the list, Enter opens the chosen (or first)
record, Esc closes the list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.core.enums import Status
from desktop_app.i18n import _

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchBox(QLineEdit):
    """Emits ``chosen(kind, id)`` when a result is picked."""

    chosen = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, *, branch_names: dict[int, str] | None = None):
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setClearButtonEnabled(True)
        self.branch_names = branch_names or {}
        self.popup = QFrame(self, Qt.WindowType.ToolTip)
        self.popup.setObjectName("searchPopup")
        self.popup.setFrameShape(QFrame.Shape.Box)
        self.results = QListWidget(self.popup)
        self.results.setObjectName("searchResults")
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.choose_current)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        self.results.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("Search people and branches (Ctrl+F)"))
        self.setToolTip(_("Accents do not matter: “nguyen” finds Nguyễn, “duc” finds Đức."))

    def run_search(self) -> None:
        text = self.text().strip()
        self.results.clear()
        if len(text) < 2:
            self.popup.hide()
            return
        from desktop_app.services import search

        hits = search.search(text, limit=30)
        for hit in hits:
            if hit.kind == "branch":
                label = _("Branch: {name} ({code})").format(name=hit.title, code=hit.detail)
            else:
                branch = self.branch_names.get(hit.branch_id, "")
                label = f"{hit.title} — {Status.label(hit.detail)}" + (f" — {branch}" if branch else "")
            item = QListWidgetItem(label)
            item.setData(KIND_ROLE, hit.kind)
            item.setData(ID_ROLE, hit.id)
            self.results.addItem(item)
        if not hits:
            item = QListWidgetItem(_("Nothing found for “{text}”.").format(text=text))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
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
        kind, rid = item.data(KIND_ROLE), item.data(ID_ROLE)
        if not kind:
            return
        self.popup.hide()
        self.chosen.emit(str(kind), int(rid))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down and self.popup.isVisible():
            row = min(self.results.currentRow() + 1, self.results.count() - 1)
            self.results.setCurrentRow(row)
            return
        if event.key() == Qt.Key.Key_Up and self.popup.isVisible():
            self.results.setCurrentRow(max(self.results.currentRow() - 1, 0))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.popup.hide()
            if not self.text():
                self.clearFocus()
            self.clear()
            return
        super().keyPressEvent(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.results and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.popup.hide()
            self.setFocus()
            return True
        return super().eventFilter(obj, event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        QTimer.singleShot(200, self._hide_unless_focused)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus() and not self.results.hasFocus():
            self.popup.hide()
