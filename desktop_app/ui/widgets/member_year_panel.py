"""The Party year on a member's record: disciplinary measures (add, correct, delete), the grades of each year
(with the steps and the corrections), and the Party badges awarded (record, remove)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.member_codes import DisciplineAuthority, DisciplineKind, Grade
from desktop_app.i18n import N_, _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.year import badges, discipline, history
from desktop_app.ui.messages import confirm, error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

DISCIPLINE_COLUMNS = (
    Column(N_("In effect from"), lambda r: r.decided_on),
    Column(N_("Measure"), lambda r: DisciplineKind.label(r.kind)),
    Column(N_("Decided by"), lambda r: r.body or DisciplineAuthority.label(r.decided_by)),
    Column(N_("Decision number"), lambda r: r.decision_number),
    Column(N_("Reason"), lambda r: r.reason),
)


def _grade(code: str) -> str:
    return Grade.label(code) if code else ""


GRADE_COLUMNS = (
    Column(N_("Year"), lambda r: r.year, numeric=True),
    Column(N_("Grade"), lambda r: _grade(r.grade) if r.decided else (
        _("{grade} (proposed)").format(grade=_grade(r.grade)) if r.grade else "")),
    Column(N_("Self-assessment"), lambda r: _grade(r.self_grade)),
    Column(N_("Branch's proposal"), lambda r: _grade(r.branch_grade)),
    Column(N_("Decided on"), lambda r: r.committee_on),
    Column(N_("Corrections"), lambda r: r.corrections or "", numeric=True),
    Column(N_("Branch"), lambda r: r.branch_name),
)
BADGE_COLUMNS = (
    Column(N_("Party badge"), lambda r: _("{years} years").format(years=r.years)),
    Column(N_("Awarded on"), lambda r: r.awarded_on),
    Column(N_("Decision number"), lambda r: r.decision_number),
    Column(N_("Note"), lambda r: _("posthumously") if r.posthumous else r.note),
)


class MemberYearPanel(QWidget):
    """Shows the Party year of one member; ``changed`` after each write."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.person_id: int | None = None
        self.name = ""
        layout = QVBoxLayout(self)
        self.discipline_model = RowTableModel(DISCIPLINE_COLUMNS, self)
        self.discipline_table = RowTable(self.discipline_model, self, stretch=4)
        self.discipline_table.activated_row.connect(self.edit_discipline)
        self.add_discipline_button = QPushButton(_("&Add a measure…"), self)
        self.add_discipline_button.clicked.connect(self.add_discipline)
        self.delete_discipline_button = QPushButton(_("Delete the measure"), self)
        self.delete_discipline_button.clicked.connect(self.delete_discipline)
        layout.addLayout(self._heading(_("Disciplinary measures"), self.add_discipline_button,
                                       self.delete_discipline_button))
        layout.addWidget(self.discipline_table, 1)
        self.grade_model = RowTableModel(GRADE_COLUMNS, self)
        self.grade_table = RowTable(self.grade_model, self, stretch=6)
        layout.addLayout(self._heading(_("Quality grading of each year")))
        layout.addWidget(self.grade_table, 1)
        self.badge_model = RowTableModel(BADGE_COLUMNS, self)
        self.badge_table = RowTable(self.badge_model, self, stretch=3)
        self.add_badge_button = QPushButton(_("Record a &badge…"), self)
        self.add_badge_button.clicked.connect(self.add_badge)
        self.remove_badge_button = QPushButton(_("Remove the badge"), self)
        self.remove_badge_button.clicked.connect(self.remove_badge)
        layout.addLayout(self._heading(_("Party badges"), self.add_badge_button, self.remove_badge_button))
        layout.addWidget(self.badge_table, 1)

    def _heading(self, text: str, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(text, self)
        label.setObjectName("sectionTitle")
        row.addWidget(label, 1)
        for button in buttons:
            row.addWidget(button)
        return row

    def load(self, person_id: int | None, name: str = "") -> None:
        self.person_id, self.name = person_id, name
        if person_id is None:
            for model in (self.discipline_model, self.grade_model, self.badge_model):
                model.set_rows([])
            return
        self.discipline_model.set_rows(discipline.for_person(person_id))
        self.discipline_table.fit_columns()
        self.grade_model.set_rows(history.member_history(person_id))
        self.grade_table.fit_columns()
        self.badge_model.set_rows(badges.for_person(person_id))
        self.badge_table.fit_columns()

    def _changed(self) -> None:
        self.load(self.person_id, self.name)
        self.changed.emit()

    # ---- discipline ------------------------------------------------------------------------------

    def add_discipline(self) -> None:
        from desktop_app.ui.dialogs.discipline_dialog import DisciplineDialog

        if self.person_id is not None and DisciplineDialog(self.person_id, self.name, self.today, self).exec():
            self._changed()

    def edit_discipline(self, row) -> None:
        from desktop_app.ui.dialogs.discipline_dialog import DisciplineDialog

        if self.person_id is not None and DisciplineDialog(self.person_id, self.name, self.today, self,
                                                           row=row).exec():
            self._changed()

    def delete_discipline(self) -> None:
        row = self.discipline_table.current_row()
        if row is None or not confirm(self, _("Delete the measure"), _(
                "Delete this measure entered by mistake ({what})? It can be restored later.").format(
                what=discipline.describe(row))):
            return
        try:
            discipline.delete(row.id)
        except ServiceError as exc:
            error(self, _("Delete the measure"), exc)
            return
        self._changed()

    # ---- badges ----------------------------------------------------------------------------------

    def add_badge(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import BadgeDialog

        if self.person_id is not None and BadgeDialog(self.person_id, self.name, None, self.today, self).exec():
            self._changed()

    def remove_badge(self) -> None:
        row = self.badge_table.current_row()
        if row is None or not confirm(self, _("Remove the badge"), _(
                "Remove the {years}-year badge recorded by mistake?").format(years=row.years)):
            return
        try:
            badges.remove(row.id)
        except ServiceError as exc:
            error(self, _("Remove the badge"), exc)
            return
        self._changed()
