"""A read-only table over a RowTableModel: whole-row selection, sorting, big rows, Enter to open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.ui.models.row_table import ROW_ROLE, RowTableModel, SortProxy


class RowTable(QTableView):
    activated_row = Signal(object)  # the row object, on double-click or Enter

    def __init__(self, model: RowTableModel, parent: QWidget | None = None, *, stretch: int | None = None):
        super().__init__(parent)
        self.source = model
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(60)  # size columns on the first rows: a 10,000-row list opens fast
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(stretch is None)
        self.stretch_column = stretch  # gets the room left over once every column shows its contents
        self._fitted: list[int] = []
        self.doubleClicked.connect(self._on_activated)

    def enable_sorting(self) -> None:
        """Sorting by clicking a header; the services' own order stays until the user clicks."""
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.activated_row.emit(row)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._on_activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def current_row(self):
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_where(self, predicate) -> bool:
        """Select and show the first row for which *predicate(row)* is true."""
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if predicate(index.data(ROW_ROLE)):
                self.setCurrentIndex(index)
                self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def fit_columns(self, widest: int = 300) -> None:
        """Columns as wide as their contents, none wider than *widest* pixels (long cells show a tooltip);
        the stretch column takes whatever room is left."""
        header = self.horizontalHeader()
        self._fitted = []
        for c in range(self.source.columnCount()):
            if self.isColumnHidden(c):  # takes no room
                self._fitted.append(0)
                continue
            self.resizeColumnToContents(c)
            width = min(header.sectionSize(c) + 16, widest)
            header.resizeSection(c, width)
            self._fitted.append(width)
        self._spread()

    def _spread(self) -> None:
        column = self.stretch_column
        if column is None or column >= len(self._fitted):
            return
        spare = self.viewport().width() - sum(self._fitted)
        # The stretch column takes the room left over, or gives some back (down to a readable width).
        width = max(self._fitted[column] + spare, min(self._fitted[column], 140))
        self.horizontalHeader().resizeSection(column, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._spread()
