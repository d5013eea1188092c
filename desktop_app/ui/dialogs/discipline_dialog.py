"""Recording (or correcting) a disciplinary measure on a member's record; the rules refuse beside their field what
cannot be decided (a probationary member expelled, a branch removing from post, the branch committee deciding)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.member_codes import DisciplineAuthority, DisciplineKind
from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.year import discipline
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.form import Form


class DisciplineDialog(BaseDialog):
    """A new measure for *person_id*, or the record *row* to correct."""

    def __init__(self, person_id: int, name: str, today: dt.date, parent: QWidget | None = None, *, row=None):
        super().__init__(parent)
        self.person_id, self.row = person_id, row
        self.setWindowTitle(_("Disciplinary measure"))
        layout = QVBoxLayout(self)
        heading = QLabel(name, self)
        heading.setObjectName("dialogTitle")
        layout.addWidget(heading)
        labels = discipline.labels()
        self.form = Form(self)
        section = self.form.section("")
        self.form.add_choice("kind", labels["kind"], list(DisciplineKind.choices()), required=True)
        self.form.add_date("decided_on", labels["decided_on"], required=True)
        self.form.add_text("decision_number", labels["decision_number"], max_length=100)
        self.form.add_choice("decided_by", labels["decided_by"], list(DisciplineAuthority.choices()), required=True)
        self.form.add_text("body", labels["body"], max_length=300,
                           placeholder=_("e.g. Chi bộ bản Co Muông; Ủy ban Kiểm tra Đảng ủy xã"))
        self.form.add_note("reason", labels["reason"], height=70)
        self.form.add_check("holds_post", _("The member holds a post (for removal from post)"))
        self.form.add_check("higher_level_task", _("The violation concerns a task assigned by a higher level"))
        self.form.add_check("remedied", _("The member admitted the fault, found it and remedied it"))
        layout.addWidget(section)
        layout.addWidget(self.make_buttons())
        if row is not None:
            self.form.set_values({"kind": row.kind, "decided_on": row.decided_on,
                                  "decision_number": row.decision_number, "decided_by": row.decided_by,
                                  "body": row.body, "reason": row.reason, "remedied": row.remedied})
        else:
            self.form.set_values({"decided_on": today, "decided_by": DisciplineAuthority.BRANCH})
        self.form.changed.connect(self.mark_dirty)
        self.form.changed.connect(self._update)
        self._update()
        self.restore_size(680, 560)

    def _update(self) -> None:
        self.save_button().setEnabled(self.form.complete() and bool(self.form.values(["reason"])["reason"].strip()))

    def accept(self) -> None:
        values = self.form.values()
        try:
            if self.row is None:
                discipline.record(self.person_id, values)
            else:
                discipline.update(self.row.id, values)
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
