"""Meetings of the chosen branch: the list with kind, date, status and warnings on the left, the minutes
editor of the selected meeting on the right, and "New meeting" to prepare the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import MeetingKind, MeetingStatus
from desktop_app.i18n import N_, _, format_date, ngettext
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.meetings import meetings
from desktop_app.services.organisation import branches
from desktop_app.ui import messages
from desktop_app.ui.context import BRANCHES, FEES, MEETINGS, PEOPLE, SPONSORSHIPS
from desktop_app.ui.dialogs.meeting_editor import MeetingEditor
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.table import RowTable

WARNING_COLOUR = "#8a5a00"


def _date_cell(row: meetings.MeetingRow) -> str:
    return ("⚠ " if row.warnings else "") + format_date(row.date)


COLUMNS = (
    Column(N_("Date"), _date_cell, sort=lambda r: r.date, color=lambda r: WARNING_COLOUR if r.warnings else None,
           tooltip=lambda r: "\n".join(r.warnings)),
    Column(N_("Kind"), lambda r: MeetingKind.label(r.kind), tooltip=lambda r: MeetingKind.label(r.kind)),
    Column(N_("Status"), lambda r: MeetingStatus.label(r.status),
           tooltip=lambda r: format_date(r.adopted_on) if r.adopted_on else ""),
)


class MeetingsView(BaseView):
    KEY = "meetings"
    WATCHES = (MEETINGS, PEOPLE, SPONSORSHIPS, BRANCHES, FEES)

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.list_branch: int | None = None  # the branch listed (the filter, or the first one for screenshots)
        self._selecting = False
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left.setMinimumWidth(350)
        self.branch_name = QLabel(left)
        self.branch_name.setObjectName("sectionHeading")
        self.branch_name.setWordWrap(True)
        left_layout.addWidget(self.branch_name)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(self.model, left, stretch=1)
        self.table.setObjectName("meetingList")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        left_layout.addWidget(self.table, 1)
        buttons = QVBoxLayout()  # stacked: the list stays narrow and the editor gets the width
        self.new_button = QPushButton(left)
        self.new_button.setObjectName("newMeeting")
        self.new_button.clicked.connect(self.new_meeting)
        self.delete_button = QPushButton(left)
        self.delete_button.clicked.connect(self.delete_meeting)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        self.summary = QLabel(left)
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        left_layout.addWidget(self.summary)

        self.right = QStackedWidget(splitter)
        self.placeholder = QLabel(self.right)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.editor = MeetingEditor(context.today, self.right)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.editor)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 770])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.editor.changed.connect(self._editor_changed)
        self.editor.print_requested.connect(lambda mid: self.context.request_open("meeting_minutes", mid))
        self.editor.resolution_requested.connect(lambda did: self.context.request_open("decision_resolution", did))
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_meeting,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_now,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.editor.flush)
        self.retranslate_ui()

    # ---- the view contract ------------------------------------------------------------------------

    def title(self) -> str:
        return _("Meetings")

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("&New meeting…"))
        self.new_button.setToolTip(_("Prepare the next meeting (Ctrl+N)"))
        self.delete_button.setText(_("Delete the draft"))
        self.model.retranslate()
        self.editor.retranslate_ui()
        self._show_branch_name()
        if self.editor.meeting is None:
            self._show_placeholder()

    def set_branch(self, branch_id: int | None) -> None:
        if branch_id != self.branch_id:
            self.editor.flush()
        super().set_branch(branch_id)

    def refresh(self) -> None:
        self.editor.flush()
        self.list_branch = self.branch_id
        self._load_list(keep=self.editor.meeting_id)

    def has_unsaved_changes(self) -> bool:
        """Edits are saved as they are made: only an edit the services refused is left unsaved."""
        return not self.editor.flush()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "meeting":
            return False
        try:
            meeting = meetings.get_meeting(record_id)
        except ServiceError:
            return False
        if meeting.branch_id != self.branch_id:
            self.context.set_branch(meeting.branch_id)
        self.list_branch = meeting.branch_id
        self._load_list(keep=record_id)
        return True

    def hideEvent(self, event) -> None:
        self.editor.flush()
        super().hideEvent(event)

    # ---- list ---------------------------------------------------------------------------------

    def _show_branch_name(self) -> None:
        if self.list_branch is None:
            self.branch_name.setText(_("No branch chosen"))
            return
        try:
            branch = branches.get_branch(self.list_branch)
        except ServiceError:
            self.branch_name.setText("")
            return
        self.branch_name.setText(_("Meetings of {branch}").format(branch=branch.name))

    def _show_placeholder(self) -> None:
        if self.list_branch is None:
            text = _("Choose a branch in the Branch box at the top to see its meetings.")
        elif not self.model.rows:
            text = _("No meeting yet. Press “New meeting” to prepare the first one.")
        else:
            text = _("Choose a meeting in the list to open its minutes.")
        self.placeholder.setText(text)
        self.right.setCurrentWidget(self.placeholder)

    def _load_list(self, keep: int | None = None) -> None:
        rows = meetings.list_meetings(self.list_branch) if self.list_branch is not None else []
        self._selecting = True
        self.model.set_rows(rows)
        self._selecting = False
        self._show_branch_name()
        has_branch = self.list_branch is not None
        self.new_button.setEnabled(has_branch)
        self.delete_button.setEnabled(has_branch and bool(rows))
        drafts = sum(1 for r in rows if r.status == MeetingStatus.DRAFT)
        self.summary.setText(ngettext("{n} meeting", "{n} meetings", len(rows)).format(n=len(rows))
                             + (" · " + ngettext("{n} draft", "{n} drafts", drafts).format(n=drafts) if drafts
                                else ""))
        target = keep if keep is not None and any(r.id == keep for r in rows) else (rows[0].id if rows else None)
        if target is None:
            self.editor.meeting = None
            self._show_placeholder()
            return
        self._selecting = True
        self.table.select_where(lambda r: r.id == target)
        self._selecting = False
        self._open(target)

    def _on_current(self, current, _previous) -> None:
        row = self.table.current_row()
        if not self._selecting and row is not None and row.id != self.editor.meeting_id:
            self._open(row.id)

    def _open(self, meeting_id: int, tab: int | None = None) -> None:
        try:
            self.editor.load(meeting_id, tab)
        except ServiceError as exc:
            messages.error(self, _("Meetings"), exc)
            return
        self.right.setCurrentWidget(self.editor)

    # ---- actions ------------------------------------------------------------------------------

    def _editor_changed(self) -> None:
        """The editor wrote (its edits, attendance, votes, tasks…): the list follows, and what was written
        changes nothing else here (the editor shows it already)."""
        rows = meetings.list_meetings(self.list_branch) if self.list_branch is not None else []
        current = self.editor.meeting_id
        self._selecting = True
        self.model.set_rows(rows)
        if current is not None:
            self.table.select_where(lambda r: r.id == current)
        self._selecting = False
        self.mark_fresh()

    def save_now(self) -> None:
        if self.editor.flush():
            self.context.message(_("The minutes are saved."))

    def new_meeting(self) -> None:
        from desktop_app.ui.dialogs.meeting_editor import OPENING
        from desktop_app.ui.dialogs.meeting_new import NewMeetingDialog

        if self.list_branch is None:
            messages.info(self, _("New meeting"), _("Choose a branch in the Branch box at the top first."))
            return
        self.editor.flush()
        dialog = NewMeetingDialog(self.list_branch, self.context.today(), self)
        if not dialog.exec():
            return
        meeting = dialog.result_value
        self._load_list(keep=meeting.id)
        self._open(meeting.id, OPENING)
        self.mark_fresh()

    def delete_meeting(self) -> None:
        if self.editor.delete():
            self._load_list()
            self.mark_fresh()

    def open_latest_for_screenshot(self) -> None:
        """Open the most recent meeting of the branch shown (or of the first branch) in the editor."""
        from desktop_app.ui.dialogs.meeting_editor import OPENING

        branch_id = self.branch_id
        if branch_id is None:
            choices = branches.branch_choices()
            branch_id = choices[0][0] if choices else None
        if branch_id is None:
            return
        self._stale = False
        self.list_branch = branch_id
        self._load_list(keep=meetings.latest_meeting_id(branch_id))
        if self.editor.meeting is not None:
            self.editor.tabs.setCurrentIndex(OPENING)
