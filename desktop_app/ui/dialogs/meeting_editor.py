"""The minutes editor: a heading with the meeting's warnings and the Adopt button, and one tab for each
part of the meeting. Field edits are saved through the services after a short pause and whenever the
editor is left, so a crash keeps the last edit; adopted minutes open read-only, with their addenda."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.core import clock
from desktop_app.core.enums import MeetingKind, MeetingStatus
from desktop_app.i18n import _, format_date
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.meetings import meetings, minutes, removal
from desktop_app.ui import messages
from desktop_app.ui.dialogs.meeting_attendance import OpeningPage
from desktop_app.ui.dialogs.meeting_autosave import AutoSaver
from desktop_app.ui.dialogs.meeting_lists import DecisionsPage, TasksPage
from desktop_app.ui.dialogs.meeting_pages import ContentPage, PreparationPage, QualityPage
from desktop_app.ui.dialogs.meeting_reports import ReportsPage

PREPARATION, OPENING, CONTENT, REPORTS, VOTES, TASKS, QUALITY = range(7)


class MeetingEditor(QWidget):
    """Shows one meeting; ``changed`` is emitted after anything was written."""

    changed = Signal()
    print_requested = Signal(int)  # the meeting id: its minutes to preview and print
    resolution_requested = Signal(int)  # a decision id: its branch resolution to preview and print

    def __init__(self, today, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingEditor")
        self.today = today  # callable giving today's date (pinned in tests and screenshots)
        self.meeting = None
        self._stale: set[int] = set()  # pages to reload before they are shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        head = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        head.addWidget(self.heading, 1)
        self.save_state = QLabel(self)
        self.save_state.setObjectName("hint")
        head.addWidget(self.save_state)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printMinutesButton")
        self.print_button.clicked.connect(self.request_print)
        head.addWidget(self.print_button)
        self.adopt_button = QPushButton(self)
        self.adopt_button.setObjectName("adoptButton")
        self.adopt_button.clicked.connect(self.adopt)
        head.addWidget(self.adopt_button)
        layout.addLayout(head)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("warningText")
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("meetingTabs")
        self.preparation = PreparationPage(self.tabs)
        self.opening = OpeningPage(self.tabs)
        self.content = ContentPage(self.tabs)
        self.reports = ReportsPage(self.tabs)
        self.votes = DecisionsPage(self.tabs)
        self.tasks = TasksPage(self.tabs)
        self.quality = QualityPage(self.tabs)
        for page in (self.preparation, self.opening, self.content, self.reports, self.votes, self.tasks,
                     self.quality):
            self.tabs.addTab(page, "")
        self.tabs.setCurrentIndex(OPENING)  # attendance and the opening are what a meeting starts with
        layout.addWidget(self.tabs, 1)
        self.saver = AutoSaver(self._write, self)
        self.saver.saved.connect(self._on_saved)
        self.saver.invalid.connect(self._on_invalid)
        self.saver.failed.connect(lambda exc: messages.error(self, _("Minutes"), exc))
        self.opening.edited.connect(self._edited)
        self.content.edited.connect(self._edited)
        self.opening.attendance_changed.connect(self._attendance_changed)
        self.opening.fees_changed.connect(self.changed)  # the fee ledger was written: the view marks itself fresh
        self.reports.saved.connect(self._on_saved)
        self.votes.changed.connect(self._lists_changed)
        self.votes.resolution_requested.connect(self.resolution_requested)
        self.tasks.changed.connect(self._lists_changed)
        self.quality.add_addendum.connect(self.add_addendum)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for index, text in ((PREPARATION, _("Preparation")), (OPENING, _("Attendance")),
                            (CONTENT, _("Content")), (REPORTS, _("Helpers")), (VOTES, _("Votes")),
                            (TASKS, _("Tasks")), (QUALITY, _("Quality"))):
            self.tabs.setTabText(index, text)
        for index, tip in ((OPENING, _("Opening and attendance")), (REPORTS, _("Helpers' reports")),
                           (QUALITY, _("Quality and addenda"))):
            self.tabs.setTabToolTip(index, tip)
        self.opening.retranslate_headers()
        self.adopt_button.setText(_("&Adopt the minutes…"))
        self.print_button.setText(_("P&rint the minutes…"))
        self.print_button.setToolTip(_("Open these minutes in Reports and printing, ready to print"))
        if self.meeting is not None:
            self._show_heading()

    # ---- loading ------------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return self.meeting.id if self.meeting is not None else None

    @property
    def locked(self) -> bool:
        return self.meeting is not None and self.meeting.status == MeetingStatus.ADOPTED

    def load(self, meeting_id: int, tab: int | None = None) -> None:
        """Show a meeting: the heading at once, each tab's page when it is first looked at."""
        self.flush()  # what was typed in the meeting shown is written before anything is reloaded
        self.saver.discard()
        self.meeting = meetings.get_meeting(meeting_id)
        self.adopt_button.setVisible(not self.locked)
        self.save_state.setText("")
        self._stale = set(range(self.tabs.count()))
        self._show_derived()
        if tab is not None and tab != self.tabs.currentIndex():
            self.tabs.setCurrentIndex(tab)  # loads the page through _tab_changed
        else:
            self._load_page(self.tabs.currentIndex())

    def _load_page(self, index: int) -> None:
        if self.meeting is None or index not in self._stale:
            return
        self._stale.discard(index)
        m, locked = self.meeting, self.locked
        loaders = {
            PREPARATION: lambda: self.preparation.load(m.id),
            OPENING: lambda: self.opening.load(m, locked),
            CONTENT: lambda: self.content.load(m, locked),
            REPORTS: lambda: self.reports.load(m.id, locked),
            VOTES: lambda: self.votes.load(m.id, locked),
            TASKS: lambda: self.tasks.load(m.id, locked),
            QUALITY: lambda: self.quality.load(m, locked),
        }
        loaders[index]()

    def _show_derived(self) -> None:
        self._show_heading()
        warnings = meetings.meeting_warnings(self.meeting)
        self.warnings.setText("\n".join("⚠ " + w for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def _refresh_derived(self, *pages: int) -> None:
        """After a write: the heading and warnings, and the pages computed from what is saved (preparation,
        quality, and *pages*) are reloaded when shown."""
        self.meeting = meetings.get_meeting(self.meeting.id)
        self._show_derived()
        self._stale.update((PREPARATION, QUALITY, *pages))
        self._load_page(self.tabs.currentIndex())

    def _show_heading(self) -> None:
        m = self.meeting
        if self.locked:
            status = _("adopted on {date}, locked").format(date=format_date(m.adopted_on))
        else:
            status = _("draft, saved as you type")
        text = _("{kind} meeting of {date} — {status}").format(kind=MeetingKind.label(m.kind),
                                                               date=format_date(m.date), status=status)
        if m.theme:
            text += "\n" + _("Topic: {theme}").format(theme=m.theme)
        self.heading.setText(text)

    # ---- saving -------------------------------------------------------------------------------

    def _edited(self, values: dict) -> None:
        if self.locked:
            return
        if "kind" in values:
            self.content.set_kind(values["kind"])
        self.saver.queue_many(values)
        self.save_state.setText(_("Saving…"))

    def _write(self, pending: dict) -> None:
        if self.meeting is None:
            return
        values = dict(pending)
        for key in ("start_time", "end_time"):
            if key in values and isinstance(values[key], str):
                values[key] = values[key].strip()
        # The version the editor shows goes with the values: a meeting saved meanwhile elsewhere is not overwritten.
        self.meeting = meetings.update_meeting(self.meeting.id, {**values, "version": self.meeting.version})
        self.opening.mark_saved(pending)
        self.content.mark_saved(pending)

    def _on_saved(self) -> None:
        self.save_state.setText(_("Saved at {time}").format(time=clock.now().strftime("%H:%M")))
        if self.meeting is not None:
            self._refresh_derived()
        self.changed.emit()

    def _on_invalid(self, errors: dict) -> None:
        self.save_state.setText(_("Not saved: see the messages"))
        self.opening.form.set_errors({k: v for k, v in errors.items() if k in self.opening.form.fields})
        self.content.form.set_errors({k: v for k, v in errors.items() if k in self.content.form.fields})

    def _attendance_changed(self) -> None:
        self._refresh_derived(VOTES)  # a vote's denominator may no longer match the attendance
        self.changed.emit()

    def _lists_changed(self) -> None:
        self._refresh_derived()
        self.changed.emit()

    def _tab_changed(self, index: int) -> None:
        self.flush()
        self._load_page(index)

    def flush(self) -> bool:
        """Write every pending edit now; False when some could not be saved (their messages are shown)."""
        if self.meeting is None:
            return True
        ok = self.opening.flush()
        ok = self.reports.flush() and ok
        return self.saver.flush() and ok

    def has_pending(self) -> bool:
        return bool(self.saver.pending or self.opening.reasons.pending or self.reports.saver.pending)

    # ---- adoption and addenda -------------------------------------------------------------------

    def request_print(self) -> None:
        """The minutes as they are saved: the last edit is written first."""
        if self.meeting is not None and self.flush():
            self.print_requested.emit(self.meeting.id)

    def adopt(self) -> None:
        from desktop_app.ui.dialogs.meeting_new import AdoptDialog

        if self.meeting is None or self.locked or not self.flush():
            return
        problems = minutes.adoption_problems(self.meeting)
        if problems:
            messages.error(self, _("Adopt the minutes"),
                           _("Complete the minutes first:") + "\n" + "\n".join(problems.values()))
            return
        if AdoptDialog(self.meeting.id, self.today(), self).exec():
            self.load(self.meeting.id, QUALITY)
            self.changed.emit()

    def add_addendum(self) -> None:
        from desktop_app.ui.dialogs.meeting_new import AddendumDialog

        if self.meeting is None or not self.locked:
            return
        if AddendumDialog(self.meeting.id, self.today(), self).exec():
            self._refresh_derived()
            self.changed.emit()

    def delete(self) -> bool:
        """Delete this draft (asked first); True when it is gone."""
        if self.meeting is None or self.locked:
            return False
        if not messages.confirm(self, _("Delete the meeting"), _("Delete the draft of the meeting of {date}?").format(
                                    date=format_date(self.meeting.date))):
            return False
        self.saver.discard()
        try:
            removal.delete_meeting(self.meeting.id)
        except ServiceError as exc:
            messages.error(self, _("Delete the meeting"), exc)
            return False
        self.meeting = None
        self.changed.emit()
        return True
