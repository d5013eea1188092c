"""The meetings of a branch as a plain list, shown while the meetings editor is not part of the build."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from desktop_app.core.enums import MeetingKind, MeetingStatus
from desktop_app.i18n import N_, _, ngettext
from desktop_app.services.meetings import meetings
from desktop_app.services.organisation import branches
from desktop_app.ui import context as kinds
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.table import RowTable

COLUMNS = (
    Column(N_("Date"), lambda r: r.date),
    Column(N_("Kind"), lambda r: MeetingKind.label(r.kind)),
    Column(N_("Status"), lambda r: MeetingStatus.label(r.status)),
    Column(N_("Time"), lambda r: f"{r.start_time or ''}–{r.end_time or ''}" if r.start_time else ""),
    Column(N_("Theme"), lambda r: r.theme),
    Column(N_("Warnings"), lambda r: "; ".join(r.warnings), color=lambda r: "#8a5a00" if r.warnings else None),
)


class MeetingListView(BaseView):
    KEY = "meetings"
    WATCHES = (kinds.MEETINGS, kinds.BRANCHES)

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(context.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.year)
        layout.addLayout(bar)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, self, stretch=5)
        layout.addWidget(self.table, 1)

    def title(self) -> str:
        return _("Meetings")

    def refresh(self) -> None:
        choices = branches.branch_choices()
        branch_id = self.branch_id if self.branch_id is not None else (choices[0][0] if choices else None)
        label = dict(choices).get(branch_id, "")
        rows = meetings.list_meetings(branch_id, self.year.value()) if branch_id is not None else []
        self.model.set_rows(sorted(rows, key=lambda r: r.date, reverse=True))
        self.table.fit_columns()
        self.heading.setText(ngettext("{branch}: {n} meeting", "{branch}: {n} meetings", len(rows)).format(
            branch=label, n=len(rows)) if label else _("No branch yet."))

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "meeting":
            return False
        self.refresh_if_stale()
        return self.table.select_where(lambda r: r.id == record_id)
