"""What the member register and the candidate list share: a table of people, each opened in its own dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.person_dialog import PersonDialog
from desktop_app.ui.views.base import BaseView


class PeopleView(BaseView):
    """Subclasses set ``DIALOG`` (the person dialog to open) and build ``self.table`` (rows with an ``id``)."""

    DIALOG: type[PersonDialog]

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.dialog: PersonDialog | None = None  # the last one opened, kept for tests and screenshots

    def _dialog(self, person_id: int | None) -> PersonDialog:
        dialog = self.DIALOG(person_id, self.context.today(), self, branch_id=self.branch_id)
        self.dialog = dialog
        return dialog

    def open_person(self, person_id: int) -> None:
        self._dialog(person_id).exec()

    def open_current(self) -> None:
        row = self.table.current_row()
        if row is not None:
            self.open_person(row.id)
