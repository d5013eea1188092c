"""Ending a help or introduction assignment: the date and the reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.enums import SponsorRole
from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import sponsorships
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.form import Form


class EndAssignmentDialog(BaseDialog):
    def __init__(self, row, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(_("End assignment"))
        layout = QVBoxLayout(self)
        text = QLabel(_("{sponsor} — {role} — {person}").format(
            sponsor=row.sponsor_name, role=SponsorRole.label(row.role), person=row.person_name), self)
        text.setWordWrap(True)
        text.setObjectName("dialogTitle")
        layout.addWidget(text)
        self.form = Form(self)
        section = self.form.section("")
        self.form.add_date("end", _("Until"), required=True)
        self.form.add_text("end_reason", _("Reason"), placeholder=_("e.g. admitted; recognised; transferred"))
        layout.addWidget(section)
        layout.addWidget(self.make_buttons(_("&End assignment")))
        self.form.set_values({"end": today})
        self.form.changed.connect(self.mark_dirty)
        self.form.changed.connect(lambda: self.save_button().setEnabled(self.form.complete()))
        self.restore_size(620, 300)

    def accept(self) -> None:
        values = self.form.values()
        try:
            sponsorships.end(self.row.id, values["end"], values["end_reason"])
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
