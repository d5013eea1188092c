"""The Party year: the grading round of a year (opened here, with its grading date), the grading screen of each
branch, the committee's grades of the branches, and the Party badges of the year's award days."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QTabWidget, QVBoxLayout

from desktop_app.i18n import _, format_date
from desktop_app.services.year import rounds
from desktop_app.services.year.reminders import grading_year
from desktop_app.ui import context as kinds
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.badge_sheet import BadgeSheet
from desktop_app.ui.widgets.branch_grading_sheet import BranchGradingSheet
from desktop_app.ui.widgets.grading_sheet import GradingSheet

GRADING, BRANCHES, BADGES = 0, 1, 2


class YearView(BaseView):
    KEY = "year"
    WATCHES = (kinds.GRADING, kinds.DISCIPLINE, kinds.BADGES, kinds.PEOPLE, kinds.BRANCHES, kinds.SETTINGS,
               kinds.ORGANISATION)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.year_label = QLabel(self)
        self.year = QSpinBox(self)
        self.year.setObjectName("gradingYear")
        self.year.setRange(rounds.FIRST_YEAR, context.today().year + 1)
        self.year.setValue(grading_year(context.today()) or context.today().year)
        self.year_label.setBuddy(self.year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.round_label = QLabel(self)
        self.round_label.setObjectName("summary")
        self.round_label.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_round)
        self.date_button = QPushButton(self)
        self.date_button.clicked.connect(self.change_date)
        for widget in (self.year_label, self.year):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.round_label, 1)
        bar.addWidget(self.date_button)
        bar.addWidget(self.open_button)
        layout.addLayout(bar)
        self.tabs = QTabWidget(self)
        self.grading = GradingSheet(context, self.tabs)
        self.branches = BranchGradingSheet(context, self.tabs)
        self.badges = BadgeSheet(context, self.tabs)
        for sheet in (self.grading, self.branches, self.badges):
            sheet.wrote.connect(self.mark_fresh)
            self.tabs.addTab(sheet, "")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        layout.addWidget(self.tabs, 1)
        self.found = None
        self.retranslate_ui()

    def title(self) -> str:
        return _("Grading and badges")

    def retranslate_ui(self) -> None:
        self.year_label.setText(_("Grading &year"))
        self.open_button.setText(_("&Open the round…"))
        self.date_button.setText(_("Grading &date…"))
        self.tabs.setTabText(GRADING, _("Members' grading"))
        self.tabs.setTabText(BRANCHES, _("Branches' grades"))
        self.tabs.setTabText(BADGES, _("Party badges"))
        for sheet in (self.grading, self.branches, self.badges):
            sheet.retranslate_ui()
        self._show_round()

    def _show_round(self) -> None:
        year = self.year.value()
        if self.found is None:
            self.round_label.setText(_("No grading round has been opened for {year}.").format(year=year))
        else:
            info = rounds.info(self.found)
            self.round_label.setText(_("Grading date {date} · {n} grades decided").format(
                date=format_date(info.grading_date), n=info.decided))
        self.open_button.setVisible(self.found is None)
        self.date_button.setVisible(self.found is not None)

    def refresh(self) -> None:
        self.found = rounds.find_round(self.year.value())
        year = self.year.value()
        for sheet in (self.grading, self.branches):
            sheet.set_round(year, self.found)
        self.grading.fill_branches(self.branch_id)
        self.badges.branch_id = self.branch_id
        self._show_round()
        self._refresh_tab(everything=True)

    def _refresh_tab(self, everything: bool = False) -> None:
        index = self.tabs.currentIndex()
        # The tab on screen reads now; the others when shown.
        self._pending = {GRADING, BRANCHES, BADGES} if everything else getattr(self, "_pending", set())
        if index in self._pending:
            (self.grading, self.branches, self.badges)[index].refresh()
            self._pending.discard(index)

    def open_round(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import OpenRoundDialog

        if OpenRoundDialog(self.year.value(), self).exec():
            self.refresh()
            self.mark_fresh()

    def change_date(self) -> None:
        from desktop_app.ui.dialogs.year_dialogs import GradingDateDialog

        if self.found is not None and GradingDateDialog(self.year.value(), self.found.grading_date, self).exec():
            self.refresh()
            self.mark_fresh()

    def open_record(self, kind: str, record_id: int) -> bool:
        """"grading_branch": that branch's grading screen; "badges": the badges of the year."""
        self.refresh_if_stale()
        if kind == "grading_branch":
            self.tabs.setCurrentIndex(GRADING)
            index = self.grading.branch.findData(record_id)
            if index >= 0:
                self.grading.branch.setCurrentIndex(index)
            self.grading.focus_table()
            return True
        if kind == "badges":
            self.tabs.setCurrentIndex(BADGES)
            return True
        return False

    def focus_first(self) -> None:
        if self.tabs.currentIndex() == GRADING:
            self.grading.focus_table()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F6:  # between the tabs from the keyboard
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + 1) % self.tabs.count())
            return
        super().keyPressEvent(event)
