"""The day the branch received a person's admission decision: the ceremony's 30 working days run from it
(Regulation 294-QĐ/TW point 4.1), so it is recorded when the decision arrives, or added later."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.i18n import _, format_date
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import people
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.form import Form


class DecisionReceivedDialog(BaseDialog):
    def __init__(self, person_id: int, decided: dt.date, received: dt.date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.person_id = person_id
        self.setWindowTitle(_("Decision received"))
        layout = QVBoxLayout(self)
        note = QLabel(_("The admission decision of {date}: the ceremony is due within 30 working days of the day "
                        "the branch received it.").format(date=format_date(decided)), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.form = Form(self)
        section = self.form.section("")
        self.form.add_date("received_on", _("Decision received by the branch on"), required=True)
        layout.addWidget(section)
        layout.addWidget(self.make_buttons())
        self.form.set_values({"received_on": received or decided})
        self.form.changed.connect(self.mark_dirty)
        self.restore_size(460, 200)

    def accept(self) -> None:
        try:
            people.set_received(self.person_id, self.form.values()["received_on"])
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
