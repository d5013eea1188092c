"""Deleted people, branches and draft meetings, with a way back: nothing deleted is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core.enums import MeetingKind, Status
from desktop_app.i18n import N_, _, format_date, format_datetime, pgettext
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.datafile import recycle
from desktop_app.services.meetings import removal
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import error
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

PEOPLE_COLUMNS = (
    Column(N_("Full name"), lambda r: r.name),
    Column(N_("Status"), lambda r: Status.label(r.detail)),
    Column(N_("Deleted on"), lambda r: format_datetime(r.deleted_at), sort=lambda r: r.deleted_at.isoformat()),
)
BRANCH_COLUMNS = (
    Column(N_("Code"), lambda r: r.detail),
    Column(N_("Branch"), lambda r: r.name),
    Column(N_("Deleted on"), lambda r: format_datetime(r.deleted_at), sort=lambda r: r.deleted_at.isoformat()),
)
MEETING_COLUMNS = (
    Column(N_("Meeting date"), lambda r: format_date(r.date), sort=lambda r: r.date.isoformat()),
    Column(N_("Kind"), lambda r: MeetingKind.label(r.kind)),
    Column(N_("Deleted on"), lambda r: format_datetime(r.deleted_at), sort=lambda r: r.deleted_at.isoformat()),
    Column(N_("Branch"), lambda r: r.branch),
)


class RecycleDialog(BaseDialog):
    """``restored`` is True once something came back (the caller refreshes its lists)."""

    def __init__(self, branch_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.branch_id = branch_id
        self.restored = False
        self.setWindowTitle(_("Deleted records"))
        layout = QVBoxLayout(self)
        hint = QLabel(_("Deleted people, branches and draft meetings keep their history and can be brought back."),
                      self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tabs = QTabWidget(self)
        self.people_model = RowTableModel(PEOPLE_COLUMNS, self)
        self.branch_model = RowTableModel(BRANCH_COLUMNS, self)
        self.people_table = self._tab(self.people_model, pgettext("deleted records", "People"),
                                      self.restore_person)
        self.branch_table = self._tab(self.branch_model, _("Branches"), self.restore_branch)
        self.meeting_model = RowTableModel(MEETING_COLUMNS, self)
        self.meeting_table = self._tab(self.meeting_model, _("Meetings"), self.restore_meeting)
        layout.addWidget(self.tabs, 1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.load()
        self.restore_size(840, 560)

    def _tab(self, model: RowTableModel, title: str, restore) -> RowTable:
        page = QWidget(self.tabs)
        box = QVBoxLayout(page)
        table = RowTable(model, page)
        table.activated_row.connect(lambda _row: restore())
        box.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        button = QPushButton(_("Restore"), page)
        button.setObjectName("primary")
        button.clicked.connect(restore)
        row.addWidget(button)
        box.addLayout(row)
        self.tabs.addTab(page, title)
        return table

    def load(self) -> None:
        self.people_model.set_rows(recycle.deleted_people(self.branch_id))
        self.people_table.fit_columns()
        self.branch_model.set_rows(recycle.deleted_branches())
        self.branch_table.fit_columns()
        self.meeting_model.set_rows(recycle.deleted_meetings(self.branch_id))
        self.meeting_table.fit_columns()

    def _restore(self, table: RowTable, action) -> None:
        row = table.current_row()
        if row is None:
            return
        try:
            action(row.id)
        except ServiceError as exc:
            error(self, self.windowTitle(), exc)
            return
        self.restored = True
        self.load()

    def restore_person(self) -> None:
        self._restore(self.people_table, people.restore_person)

    def restore_branch(self) -> None:
        self._restore(self.branch_table, branches.restore_branch)

    def restore_meeting(self) -> None:
        self._restore(self.meeting_table, removal.restore_meeting)
