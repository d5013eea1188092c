"""Recording a vote: who it concerns, the counts, and — live — the denominator, the votes needed and
whether the decision carries (Party Charter Articles 4.3, 5.2, 9.5; Regulation 294-QĐ/TW point 9.3.2)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from desktop_app.core.enums import DecisionKind, Status
from desktop_app.i18n import _
from desktop_app.services.meetings import attendance, decisions
from desktop_app.ui import messages
from desktop_app.ui.dialogs.meeting_new import _FormDialog

PASS_COLOUR = "#1d6b2a"
FAIL_COLOUR = "#a00000"


class VoteDialog(_FormDialog):
    """*row* is a DecisionRow when editing; its vote is read-only once it changed someone's record."""

    def __init__(self, meeting_id: int, row=None, parent: QWidget | None = None):
        self.save_text = _("&Record the vote")
        super().__init__(_("Vote") if row is None else _("Edit the decision"), parent)
        self.meeting_id = meeting_id
        self.row = row
        self.confirmed = False  # the user confirmed the rules' warnings
        form = self.form
        self.kind = form.add_choice("kind", _("Kind of decision"), DecisionKind.choices(), required=True)
        self.subject = form.add_choice("subject", _("Concerning"), [])
        self.sponsor = form.add_choice("sponsor", _("Helper assigned"),
                                       [(None, "")] + decisions.sponsor_choices(meeting_id))
        self.yes = form.add_number("yes", _("Votes for"), maximum=10_000)
        self.no = form.add_number("no", _("Votes against"), maximum=10_000)
        self.abstain = form.add_number("abstain", _("Abstentions"), maximum=10_000)
        self.title_edit = form.add_text("title", _("Title"), max_length=300,
                                        placeholder=_("Filled in from the kind and the person when left empty"))
        self.text = form.add_note("text", _("Content"), height=110)
        self.layout_.addWidget(self._outcome_box())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for spin in (self.yes, self.no, self.abstain):
            spin.valueChanged.connect(self.update_outcome)
        if row is not None:
            self._fill_subjects(row.kind, keep=(row.subject_id, row.subject_name))
            form.set_values({"kind": row.kind, "subject": row.subject_id, "sponsor": row.sponsor_id,
                             "yes": row.yes, "no": row.no, "abstain": row.abstain, "title": row.title,
                             "text": row.text})
            locked = row.passed and row.kind != DecisionKind.ORDINARY
            for widget in (self.kind, self.subject, self.sponsor, self.yes, self.no, self.abstain):
                widget.setEnabled(not locked)
                if locked:
                    widget.setToolTip(_("This vote already updated the person's record. To correct it, delete "
                                        "the decision and record the vote again."))
        else:
            self._kind_changed()
        self._show_sponsor()
        self.update_outcome()
        self.finish(720, 640)

    def _outcome_box(self) -> QGroupBox:
        box = QGroupBox(_("Result"), self)
        grid = QGridLayout(box)
        self.counts_label = QLabel(box)
        self.counts_label.setWordWrap(True)
        self.result_label = QLabel(box)
        self.result_label.setObjectName("voteResult")
        self.result_label.setWordWrap(True)
        font = self.result_label.font()
        font.setPointSize(font.pointSize() + 2)
        self.result_label.setFont(font)
        self.source_label = QLabel(box)
        self.source_label.setWordWrap(True)
        self.source_label.setObjectName("hint")
        grid.addWidget(self.counts_label, 0, 0)
        grid.addWidget(self.result_label, 1, 0)
        grid.addWidget(self.source_label, 2, 0)
        return box

    def _fill_subjects(self, kind: str, keep: tuple[int, str] | None = None) -> None:
        self.subject.blockSignals(True)
        self.subject.clear()
        if kind == DecisionKind.ORDINARY:
            self.subject.addItem(_("(the whole branch)"), None)
        for pid, name, status in decisions.subject_choices(self.meeting_id, kind):
            self.subject.addItem(f"{name} — {Status.label(status)}", pid)
        if keep and keep[0] is not None and self.subject.findData(keep[0]) < 0:
            self.subject.addItem(keep[1], keep[0])
        self.subject.blockSignals(False)

    def _kind_changed(self, *_args) -> None:
        if self.row is None or self.kind.isEnabled():
            self._fill_subjects(self.kind.currentData())
        self._show_sponsor()
        self.update_outcome()

    def _show_sponsor(self) -> None:
        kind = self.kind.currentData()
        helper = kind == DecisionKind.HELPER_ASSIGNMENT
        self.sponsor.setVisible(helper)
        self.form.fields["sponsor"].label.setVisible(helper)
        if self.kind.isEnabled():  # not a locked vote
            self.subject.setEnabled(kind != DecisionKind.ORDINARY)

    def update_outcome(self, *_args) -> None:
        kind = self.kind.currentData()
        yes, no, abstain = self.yes.value(), self.no.value(), self.abstain.value()
        counts = attendance.attendance_counts(self.meeting_id)
        outcome = decisions.preview(self.meeting_id, kind, yes)
        self.counts_label.setText(_(
            "Official members: {official}; not counted: {not_counted}; denominator: {den}. "
            "Official members present (who vote): {voters}; votes cast: {cast}.").format(
            official=counts.official, not_counted=counts.not_counted, den=outcome.denominator,
            voters=counts.voters, cast=yes + no + abstain))
        if outcome.needed is None:
            text, colour = _("No vote can carry: nobody is counted."), FAIL_COLOUR
        elif outcome.passed:
            text, colour = _("CARRIED: {yes} for, {needed} needed ({rule}).").format(
                yes=yes, needed=outcome.needed, rule=outcome.rule), PASS_COLOUR
        else:
            text, colour = _("NOT CARRIED: {yes} for, {needed} needed ({rule}).").format(
                yes=yes, needed=outcome.needed, rule=outcome.rule), FAIL_COLOUR
        if yes + no + abstain > counts.voters:
            text += "\n" + _("More votes than official members present.")
            colour = FAIL_COLOUR
        self.result_label.setText(text)
        self.result_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.source_label.setText(_("Source: {source}").format(source=outcome.source))

    def confirm_warnings(self, exc) -> bool:
        if self.confirmed or any(f.is_error for f in exc.findings):
            return False
        text = messages.explain(exc) + "\n\n" + _("Record the vote all the same?")
        self.confirmed = messages.confirm(self, _("Check the warnings"), text)
        return self.confirmed

    def save(self):
        values = self.form.values()
        if values["kind"] != DecisionKind.HELPER_ASSIGNMENT:
            values.pop("sponsor")
        if self.row is None:
            return decisions.record_decision(self.meeting_id, values, confirm_warnings=self.confirmed)
        changed = {k: v for k, v in values.items() if v != getattr(self.row, f"{k}_id" if k in ("subject", "sponsor")
                                                                    else k)}
        return decisions.update_decision(self.row.id, changed, confirm_warnings=self.confirmed)
