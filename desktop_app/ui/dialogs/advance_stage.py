"""Recording a dated step for a person (admission pipeline, exemption, transfer, striking off) through
the Party rules: the findings show as the user fills the dialog; errors block the step, warnings must
be acknowledged before it is recorded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.enums import MeetingKind, Stage, Status
from desktop_app.i18n import _, format_date
from desktop_app.services.common.errors import RuleViolation, ServiceError, ValidationError
from desktop_app.services.people import people
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.findings_list import FindingsList
from desktop_app.ui.widgets.form import Form

# Steps that are votes: the dialog asks for the counts the threshold is judged on.
VOTE_STAGES = (Stage.BRANCH_RESOLUTION, Stage.RECOGNITION_RESOLUTION, Stage.COMMITTEE_RESOLUTION)


def _pipeline():
    try:
        from desktop_app.services.people import pipeline
    except ImportError:
        return None
    return pipeline


def next_stages(person) -> list[str]:
    """The pipeline steps that may come next for *person*: every step after the furthest one recorded
    (the first is the usual next one; optional steps may be skipped). The rules then judge the choice."""
    if person.status not in Status.CANDIDATES and person.status != Status.PROBATIONARY:
        return []
    done = {event.stage for event in people.history(person.id)}
    furthest = max((Stage.PIPELINE.index(s) for s in done if s in Stage.PIPELINE), default=-1)
    if person.status == Status.PROBATIONARY:
        furthest = max(furthest, Stage.PIPELINE.index(Stage.CEREMONY))
    return [s for s in Stage.PIPELINE[furthest + 1:] if s not in done]


class AdvanceStageDialog(BaseDialog):
    """``stages``: the steps offered (the first is preselected)."""

    def __init__(self, person_id: int, stages: list[str], today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.person = people.get_person(person_id)
        self.today = today
        self.findings = None
        self.setWindowTitle(_("Record a step — {name}").format(name=self.person.full_name))
        layout = QVBoxLayout(self)
        head = QLabel(_("{name} — now: {status}").format(name=self.person.full_name,
                                                        status=Status.label(self.person.status)), self)
        head.setObjectName("dialogTitle")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.form = Form(self)
        section = self.form.section(_("Step"))
        self.stage_combo = self.form.add_choice("stage", _("Step"), [(s, Stage.label(s)) for s in stages],
                                                required=True)
        self.form.add_date("date", _("Date"), required=True)
        self.form.add_text("document_ref", _("Document"), max_length=100,
                           placeholder=_("number and date of the resolution or decision"))
        self.form.add_date("received_on", _("Decision received by the branch on"))
        self.form.add_choice("meeting", _("Branch meeting"), self._meeting_choices())
        self.form.add_note("note", _("Note"), height=56)
        layout.addWidget(section)
        self.vote_section = self.form.section(_("Vote of the branch"))
        self.form.add_number("official_members", _("Official members of the branch"), maximum=10000)
        self.form.add_number("not_counted", _("Not counted (elsewhere, exempt and absent…)"), maximum=10000)
        self.form.add_number("yes", _("In favour"), maximum=10000)
        self.form.add_number("no", _("Against"), maximum=10000)
        self.form.add_number("abstain", _("Abstaining"), maximum=10000)
        layout.addWidget(self.vote_section)
        self.consent_section = self.form.section(_("Written consent"))
        self.form.add_date("decision_received", _("Admission decision received on"))
        self.form.add_check("over_age_consent", _("Provincial standing board agreed in writing (over 60)"))
        self.form.add_check("late_ceremony_consent", _("Committee above agreed to a late ceremony"))
        layout.addWidget(self.consent_section)
        findings_title = QLabel(_("What the rules say"), self)
        findings_title.setObjectName("sectionTitle")
        layout.addWidget(findings_title)
        self.findings_list = FindingsList(self)
        self.findings_list.setMinimumHeight(120)
        layout.addWidget(self.findings_list, 1)
        self.acknowledge = QCheckBox(_("I have read the warnings and want to record this step"), self)
        self.acknowledge.setObjectName("acknowledge")
        self.acknowledge.toggled.connect(self._update_buttons)
        layout.addWidget(self.acknowledge)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.make_buttons(_("&Record step")))
        layout.addLayout(row)
        self.form.set_values({"date": today, "stage": stages[0] if stages else None})
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.check)
        self.form.changed.connect(self._timer.start)
        self.form.changed.connect(self.mark_dirty)
        self.form.changed.connect(self._update_sections)
        self._update_sections()
        self.check()
        self.restore_size(760, 720)

    def stage(self) -> str:
        return self.stage_combo.currentData()

    def _meeting_choices(self) -> list[tuple[int | None, str]]:
        """The branch's meetings of this year and the last, newest first (the vote may come from one)."""
        from desktop_app.services.meetings import meetings

        choices: list[tuple[int | None, str]] = [(None, _("(none)"))]
        if self.person.branch_id is None:
            return choices
        rows = []
        for year in (self.today.year, self.today.year - 1):
            rows += meetings.list_meetings(self.person.branch_id, year)
        for row in sorted(rows, key=lambda r: r.date, reverse=True):
            choices.append((row.id, f"{format_date(row.date)} — {MeetingKind.label(row.kind)}"))
        return choices

    def meeting_id(self) -> int | None:
        return self.form.fields["meeting"].widget.currentData()

    def _update_sections(self) -> None:
        stage = self.stage()
        self.vote_section.setVisible(stage in VOTE_STAGES)
        self.consent_section.setVisible(stage in (Stage.BRANCH_RESOLUTION, Stage.CEREMONY))
        for name in ("decision_received",):
            field = self.form.fields[name]
            for widget in (field.widget, field.label):
                widget.setVisible(stage == Stage.CEREMONY)
        # A decision records the day it reached the branch: the ceremony's 30 working days run from it.
        field = self.form.fields["received_on"]
        for widget in (field.widget, field.label):
            widget.setVisible(stage in (Stage.ADMISSION_DECISION, Stage.RECOGNITION_DECISION))

    def details(self) -> dict:
        values = self.form.values()
        details = {}
        if self.stage() in VOTE_STAGES and values["official_members"]:
            details.update({k: values[k] for k in ("official_members", "not_counted", "yes", "no", "abstain")})
        for flag in ("over_age_consent", "late_ceremony_consent"):
            if values[flag]:
                details[flag] = True
        received = self.form.fields["decision_received"].widget.date()
        if self.stage() == Stage.CEREMONY and received is not None:
            details["decision_received"] = received
        return details

    def _date(self) -> dt.date | None:
        return self.form.fields["date"].widget.date()

    def check(self) -> None:
        """Ask the rules about the step as filled in so far."""
        pipeline = _pipeline()
        day = self._date()
        if pipeline is None:
            self.findings = None
            self.findings_list.show_note(_("The rule checks are not available in this version."))
        elif day is None or not self.stage():
            self.findings = None
            self.findings_list.show_note(_("Enter the date of the step to see what the rules say."))
        else:
            try:
                self.findings = pipeline.check_advance(self.person.id, self.stage(), day, meeting_id=self.meeting_id(),
                                                       **self.details())
                self.findings_list.show_findings(self.findings)
            except ValidationError as exc:
                self.findings = None
                self.form.set_errors(exc.errors)
                self.findings_list.show_note("\n".join(exc.errors.values()))
            except ServiceError as exc:
                self.findings = None
                self.findings_list.show_note(str(exc))
        self._update_buttons()

    def _has(self, kind: str) -> bool:
        return bool(self.findings is not None and getattr(self.findings, kind))

    def _update_buttons(self) -> None:
        warnings = self._has("warnings")
        self.acknowledge.setVisible(warnings)
        allowed = (self.findings is not None and not self._has("errors") and self.form.complete()
                   and (not warnings or self.acknowledge.isChecked()))
        self.save_button().setEnabled(allowed)

    def accept(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.check()
        if not self.save_button().isEnabled():
            return
        pipeline = _pipeline()
        values = self.form.values()
        try:
            received = values.get("received_on") \
                if self.stage() in (Stage.ADMISSION_DECISION, Stage.RECOGNITION_DECISION) else None
            pipeline.advance(self.person.id, self.stage(), self._date(), document_ref=values["document_ref"],
                             note=values["note"], meeting_id=self.meeting_id(),
                             confirm_warnings=self.acknowledge.isChecked(), received_on=received, **self.details())
        except RuleViolation as exc:
            self.findings_list.show_findings(exc.findings)
            self.save_button().setEnabled(False)
            return
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
