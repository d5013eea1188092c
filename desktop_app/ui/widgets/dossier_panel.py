"""The dossier checklist of a person: one line per form; the selected line is edited below the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.enums import DossierCode, DossierStatus
from desktop_app.i18n import N_, _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import dossier
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.form import Form
from desktop_app.ui.widgets.table import RowTable

GROUPS = ((N_("Before admission"), DossierCode.BEFORE_ADMISSION + ("4-KNĐ", "4A-KNĐ")),
          (N_("After admission"), DossierCode.AFTER_ADMISSION + ("7-KNĐ",)),
          (N_("Recognition"), DossierCode.RECOGNITION))
COLUMNS = (
    Column(N_("Form"), lambda r: r.code),
    Column(N_("Content"), lambda r: r.label),
    Column(N_("Received"), lambda r: _("Yes") if r.received else _("Missing"),
           color=lambda r: "#1d6b2a" if r.received else "#a00000"),
    Column(N_("Number"), lambda r: r.number),
    Column(N_("Date"), lambda r: r.date),
)


def ordered_codes() -> list[str]:
    seen: list[str] = []
    for _title, codes in GROUPS:
        seen += [c for c in codes if c not in seen]
    return seen + [c for c in DossierCode.codes() if c not in seen]


class DossierPanel(QWidget):
    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.person_id: int | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        layout.addWidget(self.summary)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        layout.addWidget(self.table, 1)
        self.form = Form(self)
        self.editor = self.form.section("")
        self.form.add_check("received", _("Received"))
        self.form.add_text("number", _("Number"), max_length=100)
        self.form.add_date("date", _("Date"))
        self.form.add_text("note", _("Note"), max_length=1000)
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        self.save_button = QPushButton(_("Save this form"), self)
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        self.form.changed.connect(lambda: self.save_button.setEnabled(True))

    def load(self, person_id: int | None) -> None:
        self.person_id = person_id
        rows = dossier.checklist(person_id, ordered_codes()) if person_id else []
        self.model.set_rows(rows)
        self.table.fit_columns()
        have = sum(1 for r in rows if r.received)
        self.summary.setText(_("{have} of {total} forms received.").format(have=have, total=len(rows)))
        if rows:
            self.table.selectRow(0)
        self.setEnabled(person_id is not None)

    def _on_row(self, current, _previous) -> None:
        row = self.model.row_at(self.table.proxy.mapToSource(current).row()) if current.isValid() else None
        if row is None:
            return
        self.editor.setTitle(f"{row.code} — {row.label}")
        self.form.set_values({"received": row.received, "number": row.number,
                              "date": row.date or (None if row.item_id else self.today), "note": row.note})
        self.save_button.setEnabled(False)

    def save(self) -> bool:
        row = self.table.current_row()
        if row is None or self.person_id is None:
            return False
        values = self.form.values()
        status = DossierStatus.RECEIVED if values["received"] else DossierStatus.MISSING
        try:
            dossier.save_item(self.person_id, row.code, number=values["number"], date=values["date"],
                              status=status, note=values["note"])
        except ServiceError as exc:
            show_write_error(self, _("Dossier"), exc, self.form.set_errors)
            return False
        code = row.code
        self.load(self.person_id)
        self.table.select_where(lambda r: r.code == code)
        self.changed.emit()
        return True
