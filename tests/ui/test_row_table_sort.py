"""Clicking a column header sorts the rows in the model itself (each key computed once): names in
Vietnamese order, dates as dates, blanks first; the selection follows its row; a reload keeps the order."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.core.text import name_sort_key
from desktop_app.ui.models.row_table import ROW_ROLE, Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

ROWS = [("Trần Văn Bình", dt.date(1990, 5, 1), 3), ("Nguyễn Thị Ánh", None, 10), ("Lê Đức", dt.date(1985, 1, 2), 2),
        ("Phạm Văn An", dt.date(1985, 1, 2), None)]
COLUMNS = [Column("Full name", lambda r: r[0], sort=lambda r: name_sort_key(r[0])),
           Column("Born", lambda r: r[1]), Column("Count", lambda r: r[2], numeric=True)]


def _table(qtbot) -> RowTable:
    model = RowTableModel(COLUMNS)
    table = RowTable(model)
    qtbot.addWidget(table)
    table.enable_sorting()
    model.set_rows(ROWS)
    return table


def _names(table: RowTable) -> list[str]:
    return [table.proxy.index(r, 0).data(ROW_ROLE)[0] for r in range(table.proxy.rowCount())]


def test_names_sort_by_given_name_in_both_directions(qtbot):
    table = _table(qtbot)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _names(table) == ["Phạm Văn An", "Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Đức"]  # An < Ánh < Bình < Đức
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _names(table) == ["Lê Đức", "Trần Văn Bình", "Nguyễn Thị Ánh", "Phạm Văn An"]


def test_dates_and_numbers_sort_as_such_blanks_first_and_ties_keep_their_order(qtbot):
    table = _table(qtbot)
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _names(table) == ["Nguyễn Thị Ánh", "Lê Đức", "Phạm Văn An", "Trần Văn Bình"]
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert _names(table) == ["Phạm Văn An", "Lê Đức", "Trần Văn Bình", "Nguyễn Thị Ánh"]  # 10 after 3: numbers


def test_the_selected_row_stays_selected_and_a_reload_keeps_the_order(qtbot):
    table = _table(qtbot)
    table.select_where(lambda r: r[0] == "Lê Đức")
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.current_row()[0] == "Lê Đức"
    assert table.selectionModel().isRowSelected(table.currentIndex().row(), table.currentIndex().parent())
    table.source.set_rows(list(reversed(ROWS)))
    assert _names(table) == ["Phạm Văn An", "Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Đức"]
