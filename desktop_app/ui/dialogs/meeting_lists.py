"""The votes and the tasks of a meeting, each a table with its buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.enums import DecisionKind
from desktop_app.i18n import N_, _, format_date, ngettext
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.meetings import action_items, decisions
from desktop_app.ui import messages
from desktop_app.ui.models.row_table import Column, RowTableModel
from desktop_app.ui.widgets.table import RowTable

PASS_COLOUR = "#1d6b2a"
FAIL_COLOUR = "#a00000"


def _result(row) -> str:
    return _("Carried") if row.passed else _("Not carried")


DECISION_COLUMNS = (
    Column(N_("Decision"), lambda r: r.title),
    Column(N_("For / against / abstain"), lambda r: f"{r.yes} / {r.no} / {r.abstain}", sort=lambda r: r.yes),
    Column(N_("Needed"), lambda r: _("{needed} of {denominator}").format(
        needed=r.needed if r.needed is not None else "—", denominator=r.denominator), sort=lambda r: r.denominator),
    Column(N_("Result"), _result, color=lambda r: PASS_COLOUR if r.passed else FAIL_COLOUR,
           tooltip=lambda r: _("{rule} — {source}").format(rule=r.rule, source=r.source)),
)

def _due(row) -> str:
    if row.due is None:
        return ""
    return _("{date} (overdue)").format(date=format_date(row.due)) if row.overdue else format_date(row.due)


def _origin(row) -> str:
    """Carried over from an earlier meeting (with the day it was set), or set at this one."""
    if row.is_carried:
        return _("Carried over from {date}").format(date=format_date(row.carried_from))
    return _("This meeting")


TASK_COLUMNS = (
    Column(N_("Task"), lambda r: r.text),
    Column(N_("Responsible"), lambda r: r.responsible_name),
    Column(N_("Due"), _due, sort=lambda r: r.due or dt.date.max, color=lambda r: FAIL_COLOUR if r.overdue else None,
           tooltip=lambda r: _("Still open and due before this meeting.") if r.overdue else ""),
    Column(N_("Done"), lambda r: format_date(r.done_on) if r.done else "",
           color=lambda r: PASS_COLOUR if r.done else None),
    Column(N_("Set at"), _origin, sort=lambda r: r.carried_from or dt.date.max),
)


class _ListPage(QWidget):
    changed = Signal()

    def __init__(self, columns, stretch: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.locked = False
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("warningText")
        self.note.setVisible(False)
        layout.addWidget(self.note)
        self.model = RowTableModel(columns, self)
        self.table = RowTable(self.model, self, stretch=stretch)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.buttons = QGridLayout()  # three buttons a row, so the page stays narrow
        layout.addLayout(self.buttons)

    def button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.clicked.connect(slot)
        n = self.buttons.count()
        self.buttons.addWidget(b, n // 3, n % 3)
        return b

    def run(self, title: str, call, *args) -> bool:
        try:
            call(*args)
        except ServiceError as exc:
            messages.error(self, title, exc)
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def editor(self) -> type[QDialog]:
        """The dialog editing one row, called as ``editor()(meeting_id, row or None, parent)``."""
        raise NotImplementedError

    def open_editor(self, row) -> None:
        """Edit *row* (None: a new one) and reload after a save."""
        if self.editor()(self.meeting_id, row, self).exec():
            self._after_change()

    def edit(self) -> None:
        row = self.table.current_row()
        if row is None or self.locked:
            return
        self.open_editor(row)

    def load(self, meeting_id: int, locked: bool) -> None:
        self.meeting_id = meeting_id
        self.locked = locked
        for i in range(self.buttons.count()):
            widget = self.buttons.itemAt(i).widget()
            if widget is not None:
                widget.setVisible(not locked)
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError


def has_resolution(row) -> bool:
    """A vote that carried a proposal to admit or recognise someone: the branch resolution (6-KNĐ, 13-KNĐ)."""
    return row is not None and row.passed and row.subject_id is not None and row.kind in (
        DecisionKind.ADMISSION, DecisionKind.RECOGNITION)


class DecisionsPage(_ListPage):
    resolution_requested = Signal(int)  # the decision id: its branch resolution to preview and print

    def __init__(self, parent: QWidget | None = None):
        super().__init__(DECISION_COLUMNS, 0, parent)
        self.table.setWordWrap(False)
        self.button(_("&Record a vote…"), self.new_vote)
        self.button(_("Edit…"), self.edit)
        self.button(_("Delete"), self.delete)
        self.print_button = self.button(_("Print the &resolution…"), self.print_resolution)
        self.print_button.setObjectName("printResolutionButton")
        self.print_button.setToolTip(_("Open the branch resolution of this vote in Reports and printing, ready "
                                       "to print"))
        self.table.activated_row.connect(lambda _row: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update_print())

    def load(self, meeting_id: int, locked: bool) -> None:
        super().load(meeting_id, locked)
        self.print_button.setVisible(True)  # adopted minutes are read-only, their resolutions still print

    def _update_print(self) -> None:
        self.print_button.setEnabled(has_resolution(self.table.current_row()))

    def print_resolution(self) -> None:
        row = self.table.current_row()
        if has_resolution(row):
            self.resolution_requested.emit(row.id)

    def reload(self) -> None:
        self.model.set_rows(decisions.decisions(self.meeting_id))
        self.table.fit_columns()
        self._update_print()
        stale = decisions.stale_votes(self.meeting_id)
        self.note.setText(_("Attendance changed after these votes were recorded; delete them and record them "
                            "again before adopting: {titles}").format(titles="; ".join(stale)))
        self.note.setVisible(bool(stale))

    def editor(self) -> type[QDialog]:
        from desktop_app.ui.dialogs.meeting_vote import VoteDialog

        return VoteDialog

    def new_vote(self) -> None:
        self.open_editor(None)

    def delete(self) -> None:
        row = self.table.current_row()
        if row is None:
            return
        text = _("Delete the decision “{title}”?").format(title=row.title)
        if row.passed and row.kind != DecisionKind.ORDINARY:
            text += "\n" + _("What the vote changed in the person's record is undone.")
        if messages.confirm(self, _("Delete"), text):
            self.run(_("Delete"), decisions.delete_decision, row.id)


class TasksPage(_ListPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(TASK_COLUMNS, 0, parent)
        self.button(_("&New task…"), self.new_task)
        self.button(_("Edit…"), self.edit)
        self.done_button = self.button(_("Done / not done"), self.toggle_done)
        self.button(_("Delete"), self.delete)
        self.button(_("Bring in open tasks"), self.carry)
        self.table.activated_row.connect(lambda _row: self.edit())

    def reload(self) -> None:
        rows = action_items.action_items(self.meeting_id)
        self.model.set_rows(rows)
        self.table.fit_columns()
        carried = sum(1 for r in rows if r.carried_to_id)
        self.note.setText(ngettext("{n} task of this meeting was carried into the next one.",
                                       "{n} tasks of this meeting were carried into the next one.",
                                       carried).format(n=carried))
        self.note.setVisible(bool(carried))

    def editor(self) -> type[QDialog]:
        from desktop_app.ui.dialogs.meeting_new import TaskDialog

        return TaskDialog

    def new_task(self) -> None:
        self.open_editor(None)

    def toggle_done(self) -> None:
        row = self.table.current_row()
        if row is not None:
            self.run(_("Tasks"), action_items.set_done, row.id, not row.done)

    def delete(self) -> None:
        row = self.table.current_row()
        if row is not None and messages.confirm(self, _("Delete"), _("Delete the task “{task}”?").format(
                task=row.text)):
            self.run(_("Delete"), action_items.delete_action_item, row.id)

    def carry(self) -> None:
        self.run(_("Tasks"), action_items.carry_open_items, self.meeting_id)
