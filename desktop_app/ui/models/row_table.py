"""One table model for every list: rows are the services' row objects, columns say how to show them.

Headers are msgids translated when shown; ``SORT_ROLE`` carries a sort key (Vietnamese name order,
real dates, numbers) for ``SortProxy``; ``ROW_ROLE`` carries the row object itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from desktop_app.i18n import _, format_date

ROW_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# data() is called for every role of every visible cell on each paint: plain ints compare fastest.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROW, _SORT = int(ROW_ROLE), int(SORT_ROLE)
_ANSWERED = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, _ROW, _SORT})
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    header: str  # msgid
    value: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None
    numeric: bool = False
    color: Callable[[Any], str | None] | None = None  # a colour name for the text, or None
    tooltip: Callable[[Any], str] | None = None


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else ""
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


class RowTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED:
            return None
        number = index.row()
        if number < 0 or number >= len(self.rows):  # an invalid index has row -1
            return None
        row = self.rows[number]
        column = self.columns[index.column()]
        if role == _DISPLAY:
            return shown(column.value(row))
        if role == _ALIGNMENT:
            return _RIGHT if column.numeric else _LEFT
        if role == _ROW:
            return row
        if role == _SORT:
            key = column.sort(row) if column.sort else column.value(row)
            if isinstance(key, dt.date):
                return key.toordinal()
            return key if key is not None else ""
        if role == _FOREGROUND:
            colour = column.color(row) if column.color is not None else None
            return QBrush(QColor(colour)) if colour else None
        # the tooltip: long texts only
        text = column.tooltip(row) if column.tooltip is not None else shown(column.value(row))
        return text if text and len(text) > 24 else None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.columns[section].header)
        return None

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)


class SortProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; mixed types compare as text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802 - Qt override
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
