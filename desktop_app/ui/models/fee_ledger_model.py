"""The fee ledger of a month as a table: one row a member, the "paid" column editable in place.

The model only shows the rows and hands an edit of the paid amount to whoever listens (``paid_edited``); the
view writes it through the services and reloads, so what is shown is always what was stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop_app.i18n import N_, _, format_date, format_number, ngettext

NUMBER, NAME, DUE, PAID, OWED, NOTE = range(6)
HEADERS = ((N_("No."), N_("No.")), (N_("Full name"), N_("Full name")),
           (N_("Fee due"), N_("Due for the month (đồng)")),
           (N_("Fee paid"), N_("Paid for the month (đồng) — Space: paid as due, digits: another amount")),
           (N_("Earlier months owed"), N_("Earlier months owed")), (N_("Note"), N_("Note")))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def parse_amount(text: str) -> int | None:
    """'85.000', '85,000', '85 000 đ' → 85000; '' → None; anything else raises ValueError (with a message)."""
    cleaned = "".join(ch for ch in text if not ch.isspace()).replace("đ", "").replace("đồng", "")
    cleaned = cleaned.replace(".", "").replace(",", "")
    if not cleaned:
        return None
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        return -int(cleaned[1:])
    if not cleaned.isdigit():
        raise ValueError(_("“{text}” is not an amount in đồng.").format(text=text.strip()[:20]))
    return int(cleaned)


class FeeLedgerModel(QAbstractTableModel):
    paid_edited = Signal(int, object)  # (row, the text typed)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(HEADERS[section][1])
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == PAID else base

    @staticmethod
    def owed_text(row) -> str:
        owed = row.arrears_before
        if not owed.count:
            return ""
        return ngettext("{n} month · {amount}", "{n} months · {amount}", owed.count).format(
            n=owed.count, amount=format_number(owed.amount))

    @staticmethod
    def note_text(row) -> str:
        if not row.has_basis:
            return _("No fee basis: Ctrl+B to record it")
        if row.due == 0:
            return row.due_reason
        if row.paid and row.paid_on:
            return _("Received on {date}").format(date=format_date(row.paid_on))
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NUMBER:
                return str(index.row() + 1)
            if col == NAME:
                return row.full_name
            if col == DUE:
                return "—" if row.due is None else format_number(row.due)
            if col == PAID:
                if role == Qt.ItemDataRole.EditRole:
                    return str(row.paid) if row.paid else ""
                return format_number(row.paid) if row.paid else ""
            if col == OWED:
                return self.owed_text(row)
            return self.note_text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if col in (NUMBER, DUE, PAID) else _LEFT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == OWED and row.arrears_before.count:
                return QBrush(QColor("#a61b1b"))
            if col == PAID and row.due and row.paid and row.paid < row.due:
                return QBrush(QColor("#a65c00"))
            if col == NOTE and not row.has_basis:
                return QBrush(QColor("#a65c00"))
        if role == Qt.ItemDataRole.ToolTipRole and col in (DUE, NOTE):
            return f"{row.due_reason}\n{row.due_source}" if row.due_reason else None
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != PAID or role != Qt.ItemDataRole.EditRole:
            return False
        self.paid_edited.emit(index.row(), str(value))
        return True

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
