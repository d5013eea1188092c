"""The register of issued documents as a table: number, date, type, branch, summary, what it concerns.
Opening a row shows that document in Reports again, to print it with the same number."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.documents import issued
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

KIND_LABELS = {"monthly": N_("Monthly report"), "quota": N_("Quota report"), "resolution": N_("Branch resolution")}


def _note(row: issued.IssuedRow) -> str:
    notes = [_("version {n}").format(n=row.version)] if row.version > 1 else []
    if row.superseded:
        notes.append(_("replaced by a later version"))
    return "; ".join(notes)


COLUMNS = (
    Column(N_("Number"), lambda r: r.symbol, sort=lambda r: (r.type_code, r.number)),
    Column(N_("Date"), lambda r: r.date),
    Column(N_("Type"), lambda r: _(KIND_LABELS.get(r.kind, r.kind))),
    Column(N_("Branch"), lambda r: r.branch_name),
    Column(N_("Summary"), lambda r: r.title),
    Column(N_("Concerning"), lambda r: r.covers),
    Column(N_("Note"), _note),
)
BRANCH_COLUMN = 3


class IssuedTable(QWidget):
    open_document = Signal(object)  # the IssuedRow chosen, to show in Reports again

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issuedTable")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("hint")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=4)
        self.table.enable_sorting()
        self.table.activated_row.connect(self.open_document)
        layout.addWidget(self.table, 1)

    def load(self, branch_id: int | None, year: int) -> int:
        rows = issued.issued_documents(branch_id, year)
        self.model.set_rows(rows)
        self.table.setColumnHidden(BRANCH_COLUMN, branch_id is not None)  # one branch: it need not be named
        self.table.fit_columns()
        self.heading.setText(ngettext("{n} document issued in {year}. Open one to print it again with its number.",
                                      "{n} documents issued in {year}. Open one to print it again with its number.",
                                      len(rows)).format(n=len(rows), year=year))
        return len(rows)
