"""A member's Party fee record: the fee bases, each from its date (what the monthly fee is computed from), and
the exemptions and reductions granted, each for its months. Choosing a row fills the form below it; Save adds
a new one or changes the chosen one. Every change is written at once (refusals appear under their field)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.member_codes import FeeArea, FeeBasisKind, FeeGroup, FeeReliefGround
from desktop_app.i18n import N_, _, format_number
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.fees import bases
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import confirm, show_write_error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.form import Form
from desktop_app.ui.widgets.table import RowTable

BASIS_COLUMNS = (
    Column(N_("In force from"), lambda r: r.effective),
    Column(N_("Fee computed from"), lambda r: FeeBasisKind.label(r.kind)),
    Column(N_("Amount"), lambda r: format_number(r.income or r.amount) if (r.income or r.amount) else
           (f"{FeeGroup.label(r.group)}, {FeeArea.label(r.area)}" if r.group else ""), numeric=True),
    Column(N_("Decision"), lambda r: r.decision),
)
RELIEF_COLUMNS = (
    Column(N_("From month"), lambda r: str(r.first_month)),
    Column(N_("To month"), lambda r: str(r.last_month) if r.last_month else ""),
    Column(N_("Exemption or reduction"), lambda r: _("Exempt from fees") if r.percent >= 100 else f"−{r.percent}%"),
    Column(N_("Ground"), lambda r: FeeReliefGround.label(r.ground)),
    Column(N_("Decision"), lambda r: r.decision),
)


def month_value(text: str):
    """'03/2026' → the month's first day; anything else is handed on for the service to explain."""
    text = text.strip()
    parts = text.replace("-", "/").split("/")
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        first, second = int(parts[0]), int(parts[1])
        month, year = (first, second) if second > 12 else (second, first)
        try:
            return dt.date(year, month, 1)
        except ValueError:
            return text
    return text or None


def amount_value(text: str):
    digits = text.replace(".", "").replace(",", "").replace(" ", "")
    return int(digits) if digits.isdigit() else (digits or 0)


class FeeBasisDialog(BaseDialog):
    def __init__(self, person_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.person_id = person_id
        self.changed = False
        self.basis_id: int | None = None
        self.relief_id: int | None = None
        self.setWindowTitle(_("Party fees of {name}").format(name=name))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top, 1)

        left = QVBoxLayout()
        top.addLayout(left, 3)
        self.basis_title = QLabel(_("Fee bases"), self)
        self.basis_title.setObjectName("sectionTitle")
        left.addWidget(self.basis_title)
        self.basis_model = RowTableModel(BASIS_COLUMNS, self)
        self.basis_table = RowTable(self.basis_model, self)
        self.basis_table.setObjectName("feeBases")
        self.basis_table.selectionModel().currentRowChanged.connect(lambda *_a: self._basis_chosen())
        left.addWidget(self.basis_table, 1)
        self.basis_form = Form(self)
        section = self.basis_form.section("")
        f = self.basis_form
        f.add_date("effective", _("In force from"), required=True)
        f.add_choice("kind", _("Fee computed from"), FeeBasisKind.choices(), required=True)
        self.income = f.add_text("income", _("Monthly income (đồng)"), max_length=16)
        f.add_choice("group", _("Group"), [("", "")] + FeeGroup.choices())
        f.add_choice("area", _("Area (minimum-wage region)"), [("", "")] + FeeArea.choices())
        f.add_text("amount", _("Amount set (đồng)"), max_length=16)
        f.add_check("beyond_working_age", _("At or beyond retirement age"))
        f.add_text("decision", _("Decision (number, date)"))
        left.addWidget(section)
        f.fields["kind"].widget.currentIndexChanged.connect(lambda _i: self._kind_changed())
        left.addLayout(self._buttons(self.new_basis, self.save_basis, self.delete_basis, "basis"))

        right = QVBoxLayout()
        top.addLayout(right, 2)
        self.relief_title = QLabel(_("Exemptions and reductions"), self)
        self.relief_title.setObjectName("sectionTitle")
        right.addWidget(self.relief_title)
        self.relief_model = RowTableModel(RELIEF_COLUMNS, self)
        self.relief_table = RowTable(self.relief_model, self)
        self.relief_table.setObjectName("feeReliefs")
        self.relief_table.selectionModel().currentRowChanged.connect(lambda *_a: self._relief_chosen())
        right.addWidget(self.relief_table, 1)
        self.relief_form = Form(self)
        section = self.relief_form.section("")
        r = self.relief_form
        r.add_choice("percent", _("Exemption or reduction"),
                     [(100, _("Exempt from fees")), (30, _("Reduced by 30%")), (50, _("Reduced by 50%")),
                      (70, _("Reduced by 70%"))], required=True)
        r.add_choice("ground", _("Ground"), FeeReliefGround.choices(), required=True)
        self.first_month = r.add_text("first_month", _("From month"), max_length=7, placeholder=_("mm/yyyy"))
        self.last_month = r.add_text("last_month", _("To month"), max_length=7, placeholder=_("mm/yyyy"))
        r.add_text("decision", _("Decision (number, date)"))
        right.addWidget(section)
        right.addLayout(self._buttons(self.new_relief, self.save_relief, self.delete_relief, "relief"))

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()
        self.new_basis()
        self.new_relief()
        self.restore_size(1180, 640)

    def _buttons(self, new, save, delete, name: str) -> QHBoxLayout:
        row = QHBoxLayout()
        buttons = (QPushButton(_("New"), self), QPushButton(_("Save"), self), QPushButton(_("Delete"), self))
        for button, slot, what in zip(buttons, (new, save, delete), ("new", "save", "delete"), strict=True):
            button.setObjectName(f"{name}_{what}")
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def load(self) -> None:
        self.basis_model.set_rows(bases.bases_of(self.person_id))
        self.basis_table.fit_columns()
        self.relief_model.set_rows(bases.reliefs_of(self.person_id))
        self.relief_table.fit_columns()

    # ---- fee bases ---------------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.basis_form.fields["kind"].widget.currentData()
        shown = {"income": kind in FeeBasisKind.INCOMES, "group": kind == FeeBasisKind.FIXED,
                 "area": kind == FeeBasisKind.FIXED, "beyond_working_age": kind == FeeBasisKind.FIXED,
                 "amount": kind == FeeBasisKind.SET_AMOUNT,
                 "decision": kind in (FeeBasisKind.SET_AMOUNT, FeeBasisKind.WAIVED)}
        for name, visible in shown.items():
            field = self.basis_form.fields[name]
            field.widget.setEnabled(visible)

    def new_basis(self) -> None:
        self.basis_id = None
        self.basis_table.clearSelection()
        self.basis_form.set_values({"effective": None, "kind": FeeBasisKind.SALARY, "income": "", "group": "",
                                    "area": "", "amount": "", "beyond_working_age": False, "decision": ""})
        self._kind_changed()

    def _basis_chosen(self) -> None:
        row = self.basis_table.current_row()
        if row is None:
            return
        self.basis_id = row.id
        self.basis_form.set_values({"effective": row.effective, "kind": row.kind,
                                    "income": str(row.income) if row.income else "", "group": row.group,
                                    "area": row.area, "amount": str(row.amount) if row.amount else "",
                                    "beyond_working_age": row.beyond_working_age, "decision": row.decision})
        self._kind_changed()

    def save_basis(self) -> None:
        values = self.basis_form.values()
        values["income"] = amount_value(values["income"])
        values["amount"] = amount_value(values["amount"])
        try:
            saved = bases.save_basis(self.person_id, values, basis_id=self.basis_id)
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.basis_form.set_errors)
            return
        self.changed = True
        self.load()
        self.basis_table.select_where(lambda r: r.id == saved.id)

    def delete_basis(self) -> None:
        row = self.basis_table.current_row()
        if row is None or not confirm(self, self.windowTitle(), _("Delete this fee basis?")):
            return
        try:
            bases.delete_basis(row.id)
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.basis_form.set_errors)
            return
        self.changed = True
        self.load()
        self.new_basis()

    # ---- exemptions and reductions -----------------------------------------------------------------------

    def new_relief(self) -> None:
        self.relief_id = None
        self.relief_table.clearSelection()
        self.relief_form.set_values({"percent": 100, "ground": FeeReliefGround.POOR_HOUSEHOLD, "first_month": "",
                                     "last_month": "", "decision": ""})

    def _relief_chosen(self) -> None:
        row = self.relief_table.current_row()
        if row is None:
            return
        self.relief_id = row.id
        self.relief_form.set_values({"percent": row.percent, "ground": row.ground,
                                     "first_month": str(row.first_month),
                                     "last_month": str(row.last_month) if row.last_month else "",
                                     "decision": row.decision})

    def save_relief(self) -> None:
        values = self.relief_form.values()
        values["first_month"] = month_value(values["first_month"])
        values["last_month"] = month_value(values["last_month"])
        try:
            saved = bases.save_relief(self.person_id, values, relief_id=self.relief_id)
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.relief_form.set_errors)
            return
        self.changed = True
        self.load()
        self.relief_table.select_where(lambda r: r.id == saved.id)

    def delete_relief(self) -> None:
        row = self.relief_table.current_row()
        if row is None or not confirm(self, self.windowTitle(), _("Delete this exemption or reduction?")):
            return
        try:
            bases.delete_relief(row.id)
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.relief_form.set_errors)
            return
        self.changed = True
        self.load()
        self.new_relief()

