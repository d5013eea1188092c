"""Data review (Rà soát dữ liệu): the central member database's checks over the records, a member a row, so the
secretary corrects the record itself (double-click opens it) and the workbook for the central database comes out
right. The same checks fill the workbook's check columns (services.interchange.csdl_checks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop_app.i18n import N_, _, format_date, ngettext
from desktop_app.services.interchange import csdl_checks
from desktop_app.ui.context import BRANCHES, PEOPLE
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.people_view import PeopleView
from desktop_app.ui.widgets.table import RowTable


@dataclass(frozen=True)
class ReviewRow:
    id: int
    branch: str
    full_name: str
    birth_date: str
    status: str
    count: int
    details: str


# What to correct gets the room; the branch comes last (a branch chosen above makes it the same on every row).
COLUMNS = (
    Column(N_("Full name"), lambda r: r.full_name),
    Column(N_("Date of birth"), lambda r: r.birth_date),
    Column(N_("Activity status"), lambda r: r.status),
    Column(N_("Errors"), lambda r: r.count, numeric=True, color=lambda r: "darkred" if r.count else None),
    Column(N_("What to correct"), lambda r: r.details.replace("\n", "  "), tooltip=lambda r: r.details),
    Column(N_("Branch"), lambda r: r.branch),
)
DETAILS = 4


def review_rows(branch_id: int | None, only_problems: bool) -> list[ReviewRow]:
    rows = []
    for item in csdl_checks.review_organisation(branch_id):
        if only_problems and item.ok:
            continue
        record = item.record
        rows.append(ReviewRow(record["id"], record.get("branch") or "", record["full_name"],
                              format_date(record.get("birth_date")), record.get("status") or "", len(item.problems),
                              item.details()))
    return rows


class ReviewView(PeopleView):
    KEY = "review"
    WATCHES = (PEOPLE, BRANCHES)
    DIALOG = MemberDialog

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.only_problems = QCheckBox(self)
        self.only_problems.setChecked(True)
        self.only_problems.toggled.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.only_problems)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=DETAILS)
        self.table.activated_row.connect(lambda row: self.open_person(row.id))
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        layout.addWidget(self.table, 1)
        # The selected member's errors in full, a line each (the column shows the beginning).
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Data review")

    def retranslate_ui(self) -> None:
        self.only_problems.setText(_("Only members with errors"))
        self.export_button.setText(_("Workbook for the central database…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def refresh(self) -> None:
        rows = review_rows(self.branch_id, self.only_problems.isChecked())
        self.model.set_rows(rows)
        self.table.fit_columns(widest=240)
        self.details.clear()
        errors = sum(r.count for r in rows)
        people = sum(1 for r in rows if r.count)
        self.status.setText(ngettext("{people} member has errors to correct ({errors} in all). Double-click a row "
                                     "to open the record.",
                                     "{people} members have errors to correct ({errors} in all). Double-click a row "
                                     "to open the record.", people).format(people=people, errors=errors)
                            if people else _("No errors found in the records."))

    def _on_row(self, current, _previous=None) -> None:
        row = self.model.row_at(self.table.proxy.mapToSource(current).row()) if current.isValid() else None
        self.details.setText(f"{row.full_name}\n{row.details}" if row is not None and row.details else "")

    def export(self) -> None:
        from desktop_app.ui.dialogs.excel_export import export_to_excel

        export_to_excel(self, "csdl", branch_id=self.branch_id)
