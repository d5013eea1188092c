"""Importing the central member database's workbook from the window: choose the file, see what would happen to
each row (new, the changes to a known member, unchanged, refused and why, what is not kept) and which columns are
not read, then import or close. Nothing is written before the user says so."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _
from desktop_app.services.interchange import csdl_import
from desktop_app.ui.dialogs.import_wizard_steps import XLSX_FILTER
from desktop_app.ui.messages import info
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.operation import Operation
from desktop_app.ui.widgets.table import RowTable

ACTIONS = {csdl_import.NEW: N_("New member"), csdl_import.UPDATE: N_("Changes"),
           csdl_import.SAME: N_("Unchanged"), csdl_import.REFUSED: N_("Refused")}


@dataclass(frozen=True)
class PlanRow:
    number: int
    name: str
    action: str
    details: str


def plan_rows(plan: csdl_import.CsdlPlan) -> list[PlanRow]:
    rows = []
    for item in plan.rows:
        lines = list(item.errors)
        lines += [_("{field}: “{before}” → “{after}”").format(field=f, before=b, after=a) for f, b, a in item.changes]
        lines += item.notes
        rows.append(PlanRow(item.number, item.name, _(ACTIONS[item.action]), "\n".join(lines)))
    return rows


COLUMNS = (
    Column(N_("Row"), lambda r: r.number, numeric=True),
    Column(N_("Full name"), lambda r: r.name),
    Column(N_("What happens"), lambda r: r.action,
           color=lambda r: "darkred" if r.action == _(ACTIONS[csdl_import.REFUSED]) else None),
    Column(N_("Details"), lambda r: r.details.replace("\n", "; "), tooltip=lambda r: r.details),
)


class CsdlPreview(QDialog):
    def __init__(self, path: Path, plan: csdl_import.CsdlPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.plan = path, plan
        self.setWindowTitle(_("Import the central member database workbook"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        counts = {a: plan.count(a) for a in ACTIONS}
        summary = QLabel(_("{file}: {new} new, {update} to update, {same} unchanged, {refused} refused.").format(
            file=path.name, new=counts[csdl_import.NEW], update=counts[csdl_import.UPDATE],
            same=counts[csdl_import.SAME], refused=counts[csdl_import.REFUSED]), self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if plan.unread:
            unread = QLabel(_("Columns not read: {columns}.").format(columns="; ".join(plan.unread)), self)
            unread.setWordWrap(True)
            layout.addWidget(unread)
        self.model = RowTableModel(COLUMNS, self)
        self.model.set_rows(plan_rows(plan))
        self.table = RowTable(self.model, self, stretch=3)
        self.table.fit_columns()
        layout.addWidget(self.table, 1)
        self.details = QLabel(self)  # the selected row's details in full, a line each
        self.details.setWordWrap(True)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(counts[csdl_import.NEW] or counts[csdl_import.UPDATE]))
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)


    def _on_row(self, current, _previous=None) -> None:
        row = self.model.row_at(self.table.proxy.mapToSource(current).row()) if current.isValid() else None
        self.details.setText(_("Row {row} ({name})").format(row=row.number, name=row.name) + "\n" + row.details
                             if row is not None and row.details else "")


def run_csdl_import(parent: QWidget | None, path: Path | None = None) -> None:
    title = _("Import the central member database workbook")
    if path is None:
        name, _f = QFileDialog.getOpenFileName(parent, title, str(Path.home()), _(XLSX_FILTER))
        if not name:
            return
        path = Path(name)

    def written(result) -> None:
        added, updated = result
        info(parent, title, _("Imported from {file}: {added} new, {updated} updated.").format(
            file=path.name, added=added, updated=updated))

    def planned(result) -> None:
        _data, plan = result
        dialog = CsdlPreview(path, plan, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            Operation(parent, csdl_import.apply, plan, source=path.name).blocking(_("Importing…")) \
                .success(written).run()

    Operation(parent, _plan_file, path).reading().blocking(_("Checking…")).cancellable().success(planned).run()


def _plan_file(path: Path, progress=None):
    from desktop_app.interchange import csdl_workbook

    return csdl_workbook.plan_file(path, progress=progress)
