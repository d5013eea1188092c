"""Party badges of a year: each award day with the members reaching a milestone by then (of the branch chosen
in the window, or the whole organisation), recorded as awarded from here, and the list printed for the
committee."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from desktop_app.i18n import N_, _, format_date, ngettext
from desktop_app.services.year import badges
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

COLUMNS = (
    Column(N_("Award day"), lambda r: r.award_day),
    Column(N_("Full name"), lambda r: r.name),
    Column(N_("Branch"), lambda r: r.branch_name),
    Column(N_("Admission decision"), lambda r: r.admitted),
    Column(N_("Party badge"), lambda r: _("{years} years").format(years=r.years)),
    Column(N_("Party age reached on"), lambda r: r.reached_on),
    Column(N_("Note"), lambda r: _("posthumously") if r.posthumous else ""),
)


class BadgeSheet(QWidget):
    wrote = Signal()

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.branch_id: int | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_label = QLabel(self)
        self.year = QSpinBox(self)
        self.year.setObjectName("badgeYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(badges.next_award_day(context.today()).year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.total = QLabel(self)
        self.total.setObjectName("summary")
        bar.addWidget(self.year_label)
        bar.addWidget(self.year)
        bar.addSpacing(16)
        bar.addWidget(self.total, 1)
        layout.addLayout(bar)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=1)
        self.table.setObjectName("badgeTable")
        self.table.activated_row.connect(self.award)
        layout.addWidget(self.table, 1)
        self.rule = QLabel(self)
        self.rule.setObjectName("hint")
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        buttons = QHBoxLayout()
        self.award_button = QPushButton(self)
        self.award_button.clicked.connect(lambda: self.award(self.table.current_row()))
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_list)
        buttons.addWidget(self.award_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.year_label.setText(_("Award days of &year"))
        self.rule.setText(_("Party age counts from the date of the admission decision. An award day lists those "
                            "who reach a milestone after the award day before it and have not been awarded it; "
                            "milestones and award days are set among the rules' local values."))
        self.award_button.setText(_("Record as &awarded… (Enter)"))
        self.print_button.setText(_("&Print the list…"))
        self.model.retranslate()

    def refresh(self) -> None:
        lines = badges.due_in_year(self.year.value(), self.branch_id)
        self.model.set_rows(lines)
        self.table.fit_columns(widest=280)
        counts = badges.count_by_day(lines)
        parts = [ngettext("{n} member", "{n} members", len(lines)).format(n=len(lines))]
        parts += [_("{date}: {n}").format(date=format_date(day), n=sum(by.values())) for day, by in counts.items()]
        self.total.setText(" · ".join(parts))
        self.award_button.setEnabled(bool(lines))

    def award(self, line) -> None:
        from desktop_app.ui.dialogs.year_dialogs import BadgeDialog

        if line is None:
            return
        day = min(line.award_day, self.context.today())
        if BadgeDialog(line.person_id, line.name, line.years, day, self).exec():
            self.refresh()
            self.wrote.emit()

    def print_list(self) -> None:
        from desktop_app.ui.dialogs.document_preview import show_document

        show_document(self, "badges", branch_id=self.branch_id, year=self.year.value())
