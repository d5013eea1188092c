"""The options of a document in Reports: branch, year, month, meeting, vote and whether it is issued.

Which rows show follows the arguments the chosen kind takes (reports.REPORT_KINDS[kind].options): a
meeting or a vote is chosen within a branch and a year; "issue" shows for numbered documents only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from desktop_app.core.enums import DecisionKind
from desktop_app.i18n import _, format_date
from desktop_app.reports import REPORT_KINDS
from desktop_app.services.documents import report_data
from desktop_app.services.meetings import meetings
from desktop_app.services.organisation import branches
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.issue_options import IssueOptions

SHOWS_BRANCH = ("branch_id", "meeting_id", "decision_id")
SHOWS_YEAR = ("year", "month", "meeting_id", "decision_id")


class ReportOptions(QGroupBox):
    changed = Signal()  # what the document covers changed: what was issued of it may differ

    def __init__(self, today, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = ""
        form = QFormLayout(self)
        self.branch = compact(QComboBox(self), 14)
        self.branch.currentIndexChanged.connect(lambda _i: self.fill_choices())
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(lambda _v: self.fill_choices())
        self.month = QComboBox(self)
        for m in range(1, 13):
            self.month.addItem(f"{m:02d}", m)
        self.month.setCurrentIndex(max(today.month - 2, 0))
        self.month.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.meeting = compact(QComboBox(self), 14)
        self.decision = compact(QComboBox(self), 14)
        self.decision.setObjectName("decisionChoice")
        self.decision.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.issue_options = IssueOptions(self)
        self.rows: dict[str, QWidget] = {}
        self.row_labels: dict[str, QLabel] = {}
        for key, widget in (("branch", self.branch), ("year", self.year), ("month", self.month),
                            ("meeting", self.meeting), ("decision", self.decision), ("issue", self.issue_options)):
            self.rows[key] = widget
            label = QLabel(self)
            label.setBuddy(widget)
            self.row_labels[key] = label
            form.addRow(label, widget)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Options"))
        labels = {"branch": _("Branch"), "year": _("Year"), "month": _("Month"), "meeting": _("Meeting"),
                  "decision": _("Vote"), "issue": ""}
        for key, label in self.row_labels.items():
            label.setText(labels[key])
        self.issue_options.retranslate_ui()

    # ---- filling -----------------------------------------------------------------------------

    def refresh(self, preferred_branch: int | None) -> None:
        chosen = self.branch.currentData() if self.branch.count() else preferred_branch
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem(_("All branches"), None)
        for bid, label in branches.branch_choices():
            self.branch.addItem(label, bid)
        index = self.branch.findData(preferred_branch if preferred_branch is not None else chosen)
        self.branch.setCurrentIndex(max(index, 0))
        self.branch.blockSignals(False)
        self.fill_choices()

    def fill_choices(self) -> None:
        """The meetings and the votes with a resolution of the branch and year chosen."""
        for combo in (self.meeting, self.decision):
            combo.blockSignals(True)
            combo.clear()
        bid, year = self.branch.currentData(), self.year.value()
        if bid is None:
            self.meeting.addItem(_("(choose a branch first)"), None)
            self.decision.addItem(_("(choose a branch first)"), None)
        else:
            rows = meetings.list_meetings(bid, year)
            monthly = _("monthly meeting")
            for row in sorted(rows, key=lambda r: r.date, reverse=True):
                self.meeting.addItem(f"{format_date(row.date)} — {row.theme or monthly}", row.id)
            if not rows:
                self.meeting.addItem(_("(no meeting in {year})").format(year=year), None)
            votes = report_data.resolution_choices(bid, year)
            for vote in votes:
                what = _("admission") if vote.kind == DecisionKind.ADMISSION else _("recognition")
                self.decision.addItem(f"{format_date(vote.meeting_date)} — {vote.name} ({what})", vote.decision_id)
            if not votes:
                self.decision.addItem(_("(no admission or recognition voted in {year})").format(year=year), None)
        for combo in (self.meeting, self.decision):
            combo.blockSignals(False)
        self.changed.emit()

    def show_for(self, kind: str) -> None:
        self.kind = kind
        entry = REPORT_KINDS.get(kind)
        options = entry.options if entry else ()
        for key, visible in (("branch", any(o in options for o in SHOWS_BRANCH)),
                             ("year", any(o in options for o in SHOWS_YEAR)), ("month", "month" in options),
                             ("meeting", "meeting_id" in options), ("decision", "decision_id" in options),
                             ("issue", bool(entry and entry.numbered))):
            self.rows[key].setVisible(visible)
            self.row_labels[key].setVisible(visible)
        self.changed.emit()

    # ---- reading and choosing ----------------------------------------------------------------

    def arguments(self) -> dict:
        entry = REPORT_KINDS.get(self.kind)
        options = entry.options if entry else ()
        args = {"branch_id": self.branch.currentData(), "year": self.year.value()}
        if "month" in options:
            args["month"] = self.month.currentData()
        if "meeting_id" in options:
            args["meeting_id"] = self.meeting.currentData()
        if "decision_id" in options:
            args["decision_id"] = self.decision.currentData()
        return args

    def choose(self, branch_id: int | None, year: int, *, month: int | None = None, meeting_id: int | None = None,
               decision_id: int | None = None) -> bool:
        """Set the options (False when the branch, meeting or vote is not in the lists)."""
        branch = self.branch.findData(branch_id)
        if branch < 0:
            return False
        self.branch.setCurrentIndex(branch)
        self.year.setValue(year)
        self.fill_choices()
        if month is not None:
            self.month.setCurrentIndex(max(self.month.findData(month), 0))
        for combo, wanted in ((self.meeting, meeting_id), (self.decision, decision_id)):
            if wanted is not None:
                index = combo.findData(wanted)
                if index < 0:
                    return False
                combo.setCurrentIndex(index)
        return True
