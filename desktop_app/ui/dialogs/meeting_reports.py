"""Helpers' reports at the meeting: for each sympathiser, applicant and probationary member, the assigned
official member's report (strengths, weaknesses, recommendation), saved as it is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.enums import Status
from desktop_app.i18n import _
from desktop_app.services.meetings import decisions, progress_notes
from desktop_app.ui import messages
from desktop_app.ui.dialogs.meeting_autosave import AutoSaver
from desktop_app.ui.widgets.form import Form


class ReportsPage(QWidget):
    saved = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.person_id: int | None = None
        self.locked = False
        self._due: dict[int, progress_notes.ReportDue] = {}
        row = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.people = QListWidget(splitter)
        self.people.setObjectName("reportPeople")
        self.people.setWordWrap(True)
        self.people.currentItemChanged.connect(self._person_chosen)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        self.heading = QLabel(right)
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        right_layout.addWidget(self.heading)
        self.form = Form(right)
        section = self.form.section("")
        section.setFlat(True)
        self.form.add_choice("author", _("Reported by"), [])
        self.form.add_note("strengths", _("Strengths"), height=110)
        self.form.add_note("weaknesses", _("Weaknesses"), height=110)
        self.form.add_note("recommendation", _("Recommendation"), height=90)
        right_layout.addWidget(section)
        right_layout.addStretch(1)
        splitter.addWidget(self.people)
        splitter.addWidget(right)
        splitter.setSizes([300, 600])
        row.addWidget(splitter)
        self.saver = AutoSaver(self._write, self)
        self.saver.saved.connect(self.saved)
        self.saver.invalid.connect(lambda errors: self.form.set_errors(errors))
        self.saver.failed.connect(lambda exc: messages.error(self, _("Helpers' reports"), exc))
        self.form.changed.connect(lambda: self.saver.queue_many(self.form.values()))

    def load(self, meeting_id: int, locked: bool) -> None:
        self.flush()
        self.meeting_id = meeting_id
        self.locked = locked
        self._due = {r.person_id: r for r in progress_notes.reports_due(meeting_id)}
        authors = self.form.fields["author"].widget
        authors.blockSignals(True)
        authors.clear()
        authors.addItem("", None)
        for pid, name in decisions.sponsor_choices(meeting_id):
            authors.addItem(name, pid)
        authors.blockSignals(False)
        current = self.person_id
        self.people.blockSignals(True)
        self.people.clear()
        for due in self._due.values():
            helpers = ", ".join(due.helper_names) or _("no helper assigned yet")
            mark = "✓ " if due.note else ""
            item = QListWidgetItem(f"{mark}{due.person_name}\n{Status.label(due.status)} — {helpers}")
            item.setData(Qt.ItemDataRole.UserRole, due.person_id)
            self.people.addItem(item)
        self.people.blockSignals(False)
        self.person_id = None
        rows = [self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())]
        if rows:
            self.people.setCurrentRow(rows.index(current) if current in rows else 0)
        else:
            self._show(None)

    def _person_chosen(self, item, _previous=None) -> None:
        self.flush()
        self._show(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)

    def _show(self, person_id: int | None) -> None:
        self.person_id = person_id
        due = self._due.get(person_id) if person_id is not None else None
        enabled = due is not None and not self.locked
        for field in self.form.fields.values():
            field.widget.setEnabled(enabled)
        if due is None:
            self.heading.setText(_("No sympathiser, applicant or probationary member in the branch."))
            self.form.set_values({"author": None, "strengths": "", "weaknesses": "", "recommendation": ""})
            return
        self.heading.setText(_("Report on {name} ({status})").format(name=due.person_name,
                                                                    status=Status.label(due.status)))
        note = due.note
        author = note.author_id if note and note.author_id else (due.helper_ids[0] if due.helper_ids else None)
        self.form.set_values({"author": author, "strengths": note.strengths if note else "",
                              "weaknesses": note.weaknesses if note else "",
                              "recommendation": note.recommendation if note else ""})

    def _write(self, pending: dict) -> None:
        if self.person_id is None or self.meeting_id is None:
            return
        progress_notes.save_report(self.meeting_id, self.person_id, pending)
        item = self.people.currentItem()
        if item is not None and not item.text().startswith("✓"):
            item.setText("✓ " + item.text())

    def flush(self) -> bool:
        return self.saver.flush()
