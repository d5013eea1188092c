"""The working-day calendar: the days the Government gives off in exchange and the weekend days worked
to make up for them (deadlines in working days count them)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.organisation import calendar_days
from desktop_app.ui.messages import error, show_write_error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.form import Form
from desktop_app.ui.widgets.table import RowTable

DAY_COLUMNS = (
    Column(N_("Date"), lambda d: d.date),
    Column(N_("Kind"), lambda d: _("Extra day off") if d.kind == calendar_days.OFF else _("Make-up working day")),
    Column(N_("Note"), lambda d: d.note),
)


class CalendarPanel(QGroupBox):

    def __init__(self, today: dt.date, parent: QWidget | None = None):
        super().__init__(_("Working-day calendar"), parent)
        box = QVBoxLayout(self)
        hint = QLabel(_("Public holidays are known. Add the days the Government gives off in exchange, and the "
                        "weekend days worked to make up for them."), self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        box.addWidget(hint)
        self.year = QSpinBox(self)
        self.year.setRange(calendar_days.FIRST_YEAR, calendar_days.LAST_YEAR)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _v: self.load())
        box.addWidget(self.year)
        self.model = RowTableModel(DAY_COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=2)
        self.table.setMinimumHeight(120)
        box.addWidget(self.table, 1)
        self.form = Form(self)
        section = self.form.section("")
        self.form.add_date("date", _("Date"), required=True)
        self.form.add_choice("kind", _("Kind of day"), [(calendar_days.OFF, _("Extra day off")),
                                                        (calendar_days.WORKING, _("Make-up working day"))])
        self.form.add_text("note", _("Note"))
        box.addWidget(section)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(_("Remove selected day"), self)
        self.remove_button.clicked.connect(self.remove_day)
        self.add_button = QPushButton(_("Add day"), self)
        self.add_button.clicked.connect(self.add_day)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        box.addLayout(buttons)

    def load(self) -> None:
        self.model.set_rows(calendar_days.list_days(self.year.value()))
        self.table.fit_columns()
        self.form.set_values({"date": None, "kind": calendar_days.OFF, "note": ""})

    def add_day(self) -> None:
        values = self.form.values()
        try:
            calendar_days.add_day(values["date"], values["kind"], values["note"])
        except ServiceError as exc:
            show_write_error(self, self.title(), exc, self.form.set_errors)
            return
        self.load()

    def remove_day(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        try:
            calendar_days.remove_day(row.date)
        except ServiceError as exc:
            error(self, self.title(), exc)
            return
        self.load()
