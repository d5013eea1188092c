"""What the member record and the candidate file share: a heading over the person's fields, the unsaved-edit
state and the saving of those fields through the people service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core.enums import Stage, Status
from desktop_app.i18n import N_
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import people
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.models.row_table import Column
from desktop_app.ui.widgets.person_form import PersonForm

# The dated steps of a person (people.history), as both dialogs list them.
HISTORY_COLUMNS = (
    Column(N_("Date"), lambda e: e.date),
    Column(N_("Step"), lambda e: Stage.label(e.stage)),
    Column(N_("Document"), lambda e: e.document_ref),
    Column(N_("Decision received"), lambda e: e.received_on),
    Column(N_("Note"), lambda e: e.note),
)
# Left blank on a new person, these take the stored defaults (Kinh, Không) rather than an empty text.
DEFAULTED_FIELDS = ("religion", "ethnicity")


class PersonDialog(BaseDialog):
    """Subclasses set ``heading`` and ``person_form`` and call ``watch_form()``. ``saved(person_id)`` after
    every write."""

    saved = Signal(int)
    heading: QLabel
    person_form: PersonForm

    def __init__(self, person_id: int | None, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.person_id = person_id
        self.today = today

    def watch_form(self) -> None:
        """Edits mark the dialog dirty and Ctrl+S saves."""
        self.person_form.form.changed.connect(self._on_edit)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def show_title(self, person, new_title: str, branch_id: int | None) -> None:
        """The window title and heading for *person*; a new person starts in *branch_id* when given."""
        if person is None:
            if branch_id is not None:
                self.person_form.form.set_values({"branch": branch_id})
            self.setWindowTitle(new_title)
            self.heading.setText(new_title)
        else:
            self.loaded_version = person.version  # sent back on save: no one else's save is overwritten
            self.setWindowTitle(person.full_name)
            self.heading.setText(f"{person.full_name} — {Status.label(person.status)}")

    def _on_edit(self) -> None:
        self.dirty = True
        self._update_save()

    def _update_save(self) -> None:
        self.save_button().setEnabled(self.dirty and self.person_form.form.complete())

    def save(self) -> bool:
        if not self.save_button().isEnabled():
            return False
        creating = self.person_id is None
        data = self.person_form.values(creating=creating)
        if creating:
            for field in DEFAULTED_FIELDS:
                if not (data.get(field) or "").strip():
                    data.pop(field, None)
        try:
            if creating:
                self.person_id = people.create_person(data).id
            else:
                saved = people.update_person(self.person_id, {**data, "version": getattr(self, "loaded_version", None)})
                self.loaded_version = saved.version
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.person_form.show_errors)
            return False
        self.dirty = False
        self.saved.emit(self.person_id)
        return True

    def accept(self) -> None:
        if self.dirty and not self.save():
            return
        super().accept()

