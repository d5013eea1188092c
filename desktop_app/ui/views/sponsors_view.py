"""Who helps and introduces whom: the assignments (current or all), each official member's load and
history; assign and end assignments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import SponsorRole
from desktop_app.core.text import name_sort_key
from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.people import sponsorships
from desktop_app.ui import context as kinds
from desktop_app.ui.dialogs.sponsor_assign import SponsorAssignDialog
from desktop_app.ui.dialogs.sponsor_end import EndAssignmentDialog
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.table import RowTable

ASSIGNMENT_COLUMNS = (
    Column(N_("Person helped"), lambda r: r.person_name, sort=lambda r: name_sort_key(r.person_name)),
    Column(N_("Role"), lambda r: SponsorRole.label(r.role)),
    Column(N_("Official member"), lambda r: r.sponsor_name, sort=lambda r: name_sort_key(r.sponsor_name)),
    Column(N_("From"), lambda r: r.start),
    Column(N_("Until"), lambda r: r.end),
    Column(N_("Reason"), lambda r: r.end_reason),
)
LOAD_COLUMNS = (
    Column(N_("Official member"), lambda r: r[1], sort=lambda r: name_sort_key(r[1])),
    Column(N_("Current"), lambda r: r[2], numeric=True),
)


class SponsorsView(BaseView):
    KEY = "sponsors"
    WATCHES = (kinds.SPONSORSHIPS, kinds.PEOPLE, kinds.BRANCHES, kinds.MEETINGS)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.sponsor_filter: int | None = None
        self.dialog = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.show_ended = QCheckBox(self)
        self.show_ended.toggled.connect(lambda _v: self.refresh())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("summary")
        self.end_button = QPushButton(self)
        self.end_button.clicked.connect(self.end_current)
        self.assign_button = QPushButton(self)
        self.assign_button.setObjectName("primary")
        self.assign_button.clicked.connect(self.assign)
        bar.addWidget(self.show_ended)
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.end_button)
        bar.addWidget(self.assign_button)
        layout.addLayout(bar)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RowTableModel(ASSIGNMENT_COLUMNS, self)
        self.table = RowTable(self.model, split)
        self.table.enable_sorting()
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        split.addWidget(self.table)
        right = QWidget(split)
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        self.load_title = QLabel(right)
        self.load_title.setObjectName("sectionTitle")
        self.load_title.setWordWrap(True)
        box.addWidget(self.load_title)
        self.load_model = RowTableModel(LOAD_COLUMNS, right)
        self.load_table = RowTable(self.load_model, right, stretch=0)
        self.load_table.selectionModel().currentRowChanged.connect(self._on_member)
        box.addWidget(self.load_table, 1)
        self.clear_filter = QPushButton(right)
        self.clear_filter.clicked.connect(self._clear_member)
        box.addWidget(self.clear_filter)
        split.addWidget(right)
        split.setSizes([830, 300])
        split.setStretchFactor(0, 1)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.assign)
        self.retranslate_ui()

    def title(self) -> str:
        return _("Helpers and introducers")

    def retranslate_ui(self) -> None:
        self.show_ended.setText(_("Show ended assignments too"))
        self.end_button.setText(_("End assignment…"))
        self.assign_button.setText(_("&Assign (Ctrl+N)"))
        self.load_title.setText(_("Load of each official member (select one to see their history)"))
        self.clear_filter.setText(_("Show everyone's assignments"))
        self.model.retranslate()
        self.load_model.retranslate()

    def refresh(self) -> None:
        current_only = not self.show_ended.isChecked()
        if self.sponsor_filter is not None:
            rows = sponsorships.by_sponsor(self.sponsor_filter, current_only=current_only)
        else:
            rows = sponsorships.list_assignments(self.branch_id, current_only=current_only)
        self.model.set_rows(rows)
        self.table.fit_columns(widest=210)
        loads = sponsorships.loads(self.branch_id)
        selection = self.load_table.selectionModel()
        selection.blockSignals(True)
        self.load_model.set_rows(loads)
        self.load_table.fit_columns()
        if self.sponsor_filter is not None:
            self.load_table.select_where(lambda r: r[0] == self.sponsor_filter)
        selection.blockSignals(False)
        self.count_label.setText(ngettext("{n} assignment", "{n} assignments", len(rows)).format(n=len(rows)))
        self.clear_filter.setVisible(self.sponsor_filter is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        self.end_button.setEnabled(row is not None and row.end is None)

    def _on_member(self, current, _previous) -> None:
        row = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.sponsor_filter = row[0] if row else None
        if self.sponsor_filter is not None:
            self.show_ended.setChecked(True)
        self.refresh()

    def _clear_member(self) -> None:
        self.sponsor_filter = None
        self.load_table.clearSelection()
        self.refresh()

    def set_branch(self, branch_id: int | None) -> None:
        self.sponsor_filter = None
        super().set_branch(branch_id)

    # ---- actions ------------------------------------------------------------------------------

    def assign_dialog(self, person_id: int | None = None) -> SponsorAssignDialog:
        self.dialog = SponsorAssignDialog(self.context.today(), self, branch_id=self.branch_id, person_id=person_id)
        return self.dialog

    def assign(self) -> None:
        self.assign_dialog().exec()

    def end_current(self) -> None:
        row = self.table.current_row()
        if row is None or row.end is not None:
            return
        EndAssignmentDialog(row, self.context.today(), self).exec()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "sponsorship":
            return False
        self.show_ended.setChecked(True)
        self.refresh_if_stale()
        return self.table.select_where(lambda r: r.id == record_id)

    def screenshot_dialog(self) -> SponsorAssignDialog:
        dialog = self.assign_dialog()
        first = dialog.person_combo.count() > 1
        if first:
            dialog.person_combo.setCurrentIndex(1)
            dialog.sponsor_combo.setCurrentIndex(min(1, dialog.sponsor_combo.count() - 1))
            dialog.check()
        return dialog
