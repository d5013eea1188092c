"""Small dialogs of the meeting editor: a new meeting, adoption, an addendum, a task, a guest."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.core import clock
from desktop_app.core.enums import MeetingKind, Status
from desktop_app.i18n import _
from desktop_app.services.common.errors import RuleViolation, ServiceError, ValidationError
from desktop_app.services.meetings import action_items, attendance, meeting_prep, meetings, minutes
from desktop_app.services.people import search
from desktop_app.ui import messages
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.widgets.form import Form


class _FormDialog(BaseDialog):
    """A dialog holding one Form section and Save/Cancel; subclasses implement ``save()``."""

    def __init__(self, title: str, parent: QWidget | None, save_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = Form(self)
        self.section = self.form.section("")
        self.section.setFlat(True)
        self.layout_.addWidget(self.section)
        self.general_error = QLabel("", self)
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.result_value = None

    def finish(self, width: int = 560, height: int = 320) -> None:
        self.layout_.addWidget(self.general_error)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.make_buttons(getattr(self, "save_text", None)))
        self.form.changed.connect(self.mark_dirty)
        self.restore_size(width, height)

    def accept(self) -> None:
        try:
            self.result_value = self.save()
        except ValidationError as exc:
            orphans = self.form.set_errors(exc.errors)
            self.general_error.setText("\n".join(orphans))
            self.general_error.setVisible(bool(orphans))
            return
        except RuleViolation as exc:
            if self.confirm_warnings(exc):
                self.accept()
                return
            self.general_error.setText(messages.explain(exc))
            self.general_error.setVisible(True)
            return
        except ServiceError as exc:
            self.general_error.setText(messages.explain(exc))
            self.general_error.setVisible(True)
            return
        self.dirty = False
        super().accept()

    def save(self):
        raise NotImplementedError

    def confirm_warnings(self, exc: RuleViolation) -> bool:
        """Whether to try again with the warnings of *exc* confirmed (the user was asked)."""
        return False


class NewMeetingDialog(_FormDialog):
    """Date (the next meeting day by default), kind and topic; the draft is prepared on Save."""

    def __init__(self, branch_id: int, today: dt.date, parent: QWidget | None = None):
        self.save_text = _("&Prepare the meeting")
        super().__init__(_("New meeting"), parent)
        self.branch_id = branch_id
        self.date = self.form.add_date("date", _("Meeting date"), required=True)
        self.kind = self.form.add_choice("kind", _("Kind of meeting"), MeetingKind.choices(), required=True)
        self.theme = self.form.add_text("theme", _("Topic"), max_length=500,
                                        placeholder=_("Topic of the thematic meeting"))
        hint = QLabel(_("The draft lists every member for attendance, brings in the tasks still open and the "
                        "people whose helpers report. Regular meetings are held on the 3rd of each month."), self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.layout_.addWidget(hint)
        self.form.set_values({"date": meetings.next_meeting_date(today), "kind": MeetingKind.REGULAR})
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish(600, 360)

    def _kind_changed(self, *_args) -> None:
        thematic = self.kind.currentData() in (MeetingKind.THEMATIC, MeetingKind.COMBINED)
        self.theme.setEnabled(thematic)

    def save(self):
        values = self.form.values()
        theme = values.pop("theme") if values["kind"] in (MeetingKind.THEMATIC, MeetingKind.COMBINED) else ""
        date = values["date"]
        if not isinstance(date, dt.date):
            raise ValidationError({"date": _("{field}: “{value}” is not a date (dd/mm/yyyy).").format(
                field=_("Meeting date"), value=date or "")})
        return meeting_prep.prepare_meeting(self.branch_id, date, values["kind"], theme=theme)


class AdoptDialog(_FormDialog):
    """The adoption date, with what adoption means said plainly."""

    def __init__(self, meeting_id: int, today: dt.date, parent: QWidget | None = None):
        self.save_text = _("&Adopt the minutes")
        super().__init__(_("Adopt the minutes"), parent)
        self.meeting_id = meeting_id
        meeting = meetings.get_meeting(meeting_id)
        warning = QLabel(_("Once adopted, the minutes are locked: nothing in them can be changed any more. "
                           "Later corrections are added as dated addenda."), self)
        warning.setWordWrap(True)
        warning.setObjectName("warningText")
        self.layout_.insertWidget(0, warning)
        self.on = self.form.add_date("adopted_on", _("Adoption date"), required=True)
        self.form.set_values({"adopted_on": max(meeting.date, min(today, clock.today()))})
        self.finish(600, 300)

    def save(self):
        value = self.form.values()["adopted_on"]
        return minutes.adopt(self.meeting_id, value if isinstance(value, dt.date) else None)


class AddendumDialog(_FormDialog):
    def __init__(self, meeting_id: int, today: dt.date, parent: QWidget | None = None):
        super().__init__(_("Add an addendum"), parent)
        self.meeting_id = meeting_id
        self.on = self.form.add_date("date", _("Date"), required=True)
        self.text = self.form.add_note("text", _("Addendum"), height=180)
        self.form.set_values({"date": min(today, clock.today())})
        self.finish(680, 380)

    def save(self):
        values = self.form.values()
        return minutes.add_addendum(self.meeting_id, values["date"] if isinstance(values["date"], dt.date)
                                     else None, values["text"])


class TaskDialog(_FormDialog):
    """A task with its responsible member and due date; *item* is an ActionItemRow when editing."""

    def __init__(self, meeting_id: int, item=None, parent: QWidget | None = None):
        super().__init__(_("Edit task") if item else _("New task"), parent)
        self.meeting_id = meeting_id
        self.item = item
        self.form.add_note("text", _("Task"), height=100)
        choices = [(None, _("(nobody named)"))] + attendance.member_choices(meeting_id)
        self.form.add_choice("responsible", _("Responsible"), choices)
        self.form.add_date("due", _("Due date"))
        if item is not None:
            self.form.set_values({"text": item.text, "responsible": item.responsible_id, "due": item.due})
        self.finish(620, 340)

    def save(self):
        values = self.form.values()
        if self.item is None:
            return action_items.add_action_item(self.meeting_id, values["text"], values["responsible"],
                                                values["due"])
        return action_items.update_action_item(self.item.id, values)


class GuestDialog(BaseDialog):
    """Find a Party member of another branch (accent-insensitive) to add as a guest."""

    def __init__(self, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a guest"))
        self.meeting_id = meeting_id
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Type part of the name (accents are not needed):"), self))
        self.query = QComboBox(self)
        self.query.setEditable(True)
        self.query.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.query.lineEdit().textEdited.connect(self._search)
        layout.addWidget(self.query)
        self.results = QListWidget(self)
        layout.addWidget(self.results, 1)
        self.note = Form(self)
        section = self.note.section("")
        section.setFlat(True)
        self.note.add_text("reason", _("Note"), max_length=300, placeholder=_("e.g. in temporary activity here"))
        layout.addWidget(section)
        self.error = QLabel("", self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(self.make_buttons(_("&Add")))
        self.restore_size(560, 480)

    def _search(self, text: str) -> None:
        self.results.clear()
        for hit in search.search_people(text, limit=30):
            if hit.detail not in Status.MEMBERS:
                continue
            item = QListWidgetItem(f"{hit.title} — {Status.label(hit.detail)}")
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.error.setText(_("Choose a person from the list."))
            return
        try:
            attendance.add_guest(self.meeting_id, item.data(Qt.ItemDataRole.UserRole),
                                 self.note.values()["reason"])
        except ServiceError as exc:
            self.error.setText(messages.explain(exc))
            return
        super().accept()
