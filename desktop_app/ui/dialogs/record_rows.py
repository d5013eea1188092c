"""Small forms for the rows a member record lists: an award, and the residence branch's comment on a year. Each
writes through its service when saved and shows a refusal beside the field."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCompleter, QVBoxLayout, QWidget

from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import awards, residence
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.form import Form


class _RowDialog(BaseDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = Form(self)
        self.section = self.form.section(title)
        self.layout_.addWidget(self.section)

    def finish(self, values: dict | None) -> None:
        self.layout_.addWidget(self.make_buttons())
        if values:
            self.form.set_values(values)
        self.form.changed.connect(self.mark_dirty)
        self.form.changed.connect(self._update)
        self._update()
        self.restore_size(560, 300)

    def _update(self) -> None:
        self.save_button().setEnabled(self.form.complete())

    def write(self, values: dict) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        if not self.save_button().isEnabled():
            return
        try:
            self.write(self.form.values())
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()


class AwardDialog(_RowDialog):
    """Add an award to *person_id*, or change the award *row* (an awards.AwardRow)."""

    def __init__(self, person_id: int, row: awards.AwardRow | None = None, parent: QWidget | None = None):
        super().__init__(_("Award") if row is None else _("Change the award"), parent)
        self.person_id, self.row = person_id, row
        names = awards.labels()
        kind = self.form.add_text("kind", names["kind"], required=True)
        completer = QCompleter(list(awards.COMMON_KINDS), kind)
        completer.setFilterMode(completer.filterMode().MatchContains)
        kind.setCompleter(completer)
        self.form.add_date("date", names["date"])
        self.form.add_text("decision", names["decision"], max_length=100, placeholder=_("e.g. 1234/QĐ-UBND"))
        self.form.add_text("by_whom", names["by_whom"])
        self.form.add_note("note", names["note"], height=56)
        self.finish(None if row is None else {"kind": row.kind, "date": row.date, "decision": row.decision,
                                              "by_whom": row.by_whom, "note": row.note})

    def write(self, values: dict) -> None:
        if self.row is None:
            awards.add_award(self.person_id, values)
        else:
            awards.update_award(self.row.id, values)


class CommentDialog(_RowDialog):
    """Record the residence branch's comment on *person_id* for a year, or change *row* (residence.CommentRow)."""

    def __init__(self, person_id: int, today: dt.date, row: residence.CommentRow | None = None,
                 parent: QWidget | None = None, *, author: str = ""):
        super().__init__(_("Comment of the residence branch"), parent)
        self.person_id, self.row = person_id, row
        names = residence.labels()
        self.form.add_number("year", names["year"], minimum=1990, maximum=2200)
        self.form.add_date("received_on", names["received_on"])
        self.form.add_text("author", names["author"], placeholder=_("e.g. Chi ủy chi bộ bản Co Muông"))
        self.form.add_note("text", names["text"], height=110)
        self.form.fields["text"].required = True
        self.form.fields["text"].label.setText(names["text"] + " *")
        default_year = today.year if today.month >= 10 else today.year - 1
        self.finish({"year": default_year, "author": author} if row is None else
                    {"year": row.year, "received_on": row.received_on, "author": row.author, "text": row.text})

    def write(self, values: dict) -> None:
        if self.row is None:
            residence.add_comment(self.person_id, values)
        else:
            residence.update_comment(self.row.id, values)
