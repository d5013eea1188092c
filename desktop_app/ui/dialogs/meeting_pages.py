"""Pages of the meeting editor: what to prepare, the content sections, quality and addenda."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.enums import DecisionKind, MeetingKind, Status
from desktop_app.i18n import N_, _, format_date
from desktop_app.services.meetings import meeting_prep, minutes
from desktop_app.services.meetings.meeting_quality import quality
from desktop_app.ui.widgets.findings_list import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from desktop_app.ui.widgets.form import Form


def _list(title: str, lines: list[str], empty: str) -> str:
    if not lines:
        return f"<h3>{html.escape(title)}</h3><p><i>{html.escape(empty)}</i></p>"
    return f"<h3>{html.escape(title)}</h3><ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ul>"


class PreparationPage(QTextBrowser):
    """What the chi ủy brings to the meeting (domain.md §3.2), always current."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingPreparation")
        self.setOpenLinks(False)

    def load(self, meeting_id: int) -> None:
        prep = meeting_prep.preparation(meeting_id)
        pending = [f"{p.person_name}: {DecisionKind.label(p.kind)}. {p.detail}" for p in prep.pending]
        reports = []
        for r in prep.reports_due:
            helpers = ", ".join(r.helper_names) or _("no helper assigned yet")
            state = _("report recorded") if r.note else _("report to hear")
            reports.append(f"{r.person_name} ({Status.label(r.status)}) — {helpers}: {state}")
        deadlines = [(_("Overdue since {date}: {text}") if d.overdue else _("By {date}: {text}")).format(
            date=format_date(d.date), text=d.text) for d in prep.deadlines]
        carried = [(_("{task} (set on {date}, overdue since {due}){who}") if t.overdue else
                    _("{task} (set on {date}){who}")).format(
            task=t.text, date=format_date(t.carried_from), due=format_date(t.due),
            who=f" — {t.responsible_name}" if t.responsible_name else "") for t in prep.carried]
        self.setHtml(
            _list(_("Personnel items for a vote"), pending, _("No admission or recognition is due."))
            + _list(_("Helpers' reports"), reports, _("No candidate or probationary member in the branch."))
            + _list(_("Deadlines of the month"), deadlines, _("No deadline falls due."))
            + _list(_("Tasks carried from earlier meetings"), carried, _("No task was left open.")))


SECTIONS = (
    ("evaluation", N_("Evaluation of last month")),
    ("current_affairs", N_("Current affairs and new policies")),
    ("next_tasks", N_("Tasks for next month")),
    ("discussion", N_("Discussion")),
    ("conclusion", N_("Conclusion")),
)


class ContentPage(QScrollArea):
    """The sections of the minutes as large text boxes; emits ``edited(values)``."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        self.form = Form(inner)
        section = self.form.section("")
        section.setFlat(True)
        self.theme = self.form.add_text("theme", _("Topic of the thematic meeting"), max_length=500)
        for name, label in SECTIONS:
            box = self.form.add_note(name, _(label), height=170)
            box.setTabChangesFocus(False)
        layout.addWidget(section)
        self.setWidget(inner)
        self._saved: dict = {}
        self.form.changed.connect(self._changed)

    def load(self, meeting, locked: bool) -> None:
        values = {name: getattr(meeting, name) for name, _label in SECTIONS}
        values["theme"] = meeting.theme
        self.form.set_values(values)
        self._saved = self.form.values()
        self.set_kind(meeting.kind)
        for field in self.form.fields.values():
            field.widget.setReadOnly(locked)

    def set_kind(self, kind: str) -> None:
        thematic = kind in (MeetingKind.THEMATIC, MeetingKind.COMBINED)
        self.form.fields["theme"].widget.setVisible(thematic)
        self.form.fields["theme"].label.setVisible(thematic)

    def _changed(self) -> None:
        values = self.form.values()
        changed = {k: v for k, v in values.items() if v != self._saved.get(k)}
        if changed:
            self.edited.emit(changed)

    def mark_saved(self, values: dict) -> None:
        self._saved.update({k: v for k, v in values.items() if k in self._saved})


class QualityPage(QWidget):
    """The quality indicators with their sources, and the dated addenda of adopted minutes."""

    add_addendum = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        box = QGroupBox(_("Quality of the meeting"), self)
        inner = QVBoxLayout(box)
        self.indicators = QListWidget(box)
        self.indicators.setObjectName("qualityIndicators")
        self.indicators.setWordWrap(True)
        self.indicators.setSpacing(6)
        inner.addWidget(self.indicators)
        layout.addWidget(box, 2)
        self.addenda_box = QGroupBox(_("Addenda"), self)
        addenda_layout = QVBoxLayout(self.addenda_box)
        self.addenda = QTextBrowser(self.addenda_box)
        addenda_layout.addWidget(self.addenda)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add an addendum…"), self.addenda_box)
        self.add_button.clicked.connect(self.add_addendum)
        self.addenda_hint = QLabel(_("Addenda are added after the minutes are adopted."), self.addenda_box)
        self.addenda_hint.setObjectName("hint")
        self.addenda_hint.setWordWrap(True)
        row.addWidget(self.add_button)
        row.addWidget(self.addenda_hint, 1)
        addenda_layout.addLayout(row)
        layout.addWidget(self.addenda_box, 1)

    def load(self, meeting, locked: bool) -> None:
        self.indicators.clear()
        for ind in quality(meeting.id).indicators:
            if ind.passed is None:
                mark, colour = _("Not known yet"), WARNING_COLOUR
            elif ind.passed:
                mark, colour = _("Met"), OK_COLOUR
            else:
                mark, colour = _("Not met"), ERROR_COLOUR
            text = f"{mark}: {ind.label}"
            if ind.value:
                text += f" — {ind.value}"
            if ind.detail:
                text += f"\n{ind.detail}"
            text += "\n" + _("Source: {source}").format(source=ind.source)
            item = QListWidgetItem(text)
            item.setForeground(QBrush(QColor(colour)))
            self.indicators.addItem(item)
        items = minutes.addenda(meeting)
        none = html.escape(_("No addendum."))
        self.addenda.setHtml("".join(f"<p><b>{format_date(a.date)}</b>: {html.escape(a.text)}</p>" for a in items)
                             or f"<p><i>{none}</i></p>")
        self.add_button.setEnabled(locked)
        self.addenda_hint.setVisible(not locked)
