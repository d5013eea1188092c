"""Assigning an official member to help or introduce a candidate, or to help a probationary member, with
the eligibility rules shown as the choice is made (Điều lệ Đảng, Điều 4 and 5; Quy định 294-QĐ/TW 3.2.1)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core import rules
from desktop_app.core.enums import SponsorRole, Status
from desktop_app.i18n import _, format_date, ngettext
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.people import people, sponsorships
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.findings_list import FindingsList
from desktop_app.ui.widgets.form import Form

BUSY = 3  # open assignments from which a member counts as busy (a warning only)


class _Note:
    """A finding-shaped line for FindingsList: severity "error", "warning" or "ok" (a rule that is met)."""

    def __init__(self, message: str, severity: str, source: str = ""):
        self.message, self.severity, self.source = message, severity, source

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class SponsorAssignDialog(BaseDialog):
    def __init__(self, today: dt.date, parent: QWidget | None = None, *, branch_id: int | None = None,
                 person_id: int | None = None):
        super().__init__(parent)
        self.today = today
        self.setWindowTitle(_("Assign a helper or introducer"))
        self.loads = {pid: count for pid, _name, count in sponsorships.loads(branch_id)}
        layout = QVBoxLayout(self)
        title = QLabel(_("Assign a helper or introducer"), self)
        title.setObjectName("dialogTitle")
        layout.addWidget(title)
        self.form = Form(self)
        section = self.form.section(_("Assignment"))
        sponsored = people.list_people(branch_id=branch_id, statuses=Status.CANDIDATES + (Status.PROBATIONARY,))
        self.person_status = {p.id: p.status for p in sponsored}
        self.person_combo = self.form.add_choice(
            "person", _("Person helped"), [(None, _("(choose)"))] +
            [(p.id, f"{p.full_name} — {Status.label(p.status)}") for p in sponsored], required=True)
        self.role_combo = self.form.add_choice("role", _("Role"), SponsorRole.choices(), required=True)
        officials = people.list_people(branch_id=branch_id, statuses=(Status.OFFICIAL,))
        self.sponsor_combo = self.form.add_choice(
            "sponsor", _("Official member"), [(None, _("(choose)"))] +
            [(p.id, self._sponsor_label(p)) for p in officials], required=True)
        self.form.add_date("start", _("From"), required=True)
        self.together = self.form.add_date("together_since", _("Worked or lived alongside since"))
        layout.addWidget(section)
        rules_title = QLabel(_("Eligibility"), self)
        rules_title.setObjectName("sectionTitle")
        layout.addWidget(rules_title)
        self.findings = FindingsList(self)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.make_buttons(_("&Assign")))
        self.form.set_values({"start": today, "person": person_id})
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.check)
        self.form.changed.connect(self._timer.start)
        self.form.changed.connect(self.mark_dirty)
        self.person_combo.currentIndexChanged.connect(self._suggest_role)
        self._suggest_role()
        self.check()
        self.restore_size(760, 640)

    def _sponsor_label(self, person) -> str:
        count = self.loads.get(person.id, 0)
        return _("{name} ({n} current)").format(name=person.full_name, n=count) if count else person.full_name

    def _suggest_role(self) -> None:
        status = self.person_status.get(self.person_combo.currentData())
        if status == Status.PROBATIONARY:
            wanted = SponsorRole.PROBATION_HELPER
        elif status == Status.APPLICANT:
            wanted = SponsorRole.INTRODUCER
        else:
            wanted = SponsorRole.HELPER
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(wanted), 0))

    def notes(self) -> list[_Note]:
        """What the rules say about the current choice (errors block Assign)."""
        values = self.form.values()
        notes: list[_Note] = []
        person, role, sponsor = values["person"], values["role"], values["sponsor"]
        start = self.form.fields["start"].widget.date()
        if person is None or sponsor is None or start is None:
            return notes
        allowed = sponsorships.SPONSORED_STATUSES.get(role, ())
        if self.person_status.get(person) not in allowed:
            notes.append(_Note(_("This role does not fit the person's current status ({status}).").format(
                status=Status.label(self.person_status.get(person))), "error"))
        notes.append(_Note(_("The helper is an official Party member."), "ok",
                           _("Party Charter, Article 4 and 5")))
        if role == SponsorRole.INTRODUCER:
            since = self.together.date()
            if since is None:
                notes.append(_Note(_("Enter since when they have worked, studied or lived alongside the applicant: "
                                     "an introducer needs at least 12 months."), "error",
                                   _("Party Charter, Article 4.2; Regulation 294-QĐ/TW, point 3.2.1")))
            elif not rules.introducer_eligible(True, since, start):
                ready = rules.add_months(since, rules.policy_for(start).introducer_months)
                notes.append(_Note(_("Together only since {since}: eligible to introduce from {ready}.").format(
                    since=format_date(since), ready=format_date(ready)), "error",
                    _("Party Charter, Article 4.2; Regulation 294-QĐ/TW, point 3.2.1")))
            else:
                notes.append(_Note(_("Together since {since}: at least 12 months.").format(
                    since=format_date(since)), "ok", _("Regulation 294-QĐ/TW, point 3.2.1")))
        count = self.loads.get(sponsor, 0)
        if count >= BUSY:
            text = ngettext("This member already helps or introduces {n} person.",
                            "This member already helps or introduces {n} people.", count).format(n=count)
            notes.append(_Note(text, "warning"))
        return notes

    def check(self) -> None:
        notes = self.notes()
        if notes:
            self.findings.show_findings(notes, ok_text="")
        else:
            self.findings.show_note(_("Choose the person, the role and the official member."))
        self.save_button().setEnabled(self.form.complete() and not any(n.is_error for n in notes))

    def accept(self) -> None:
        self.check()
        if not self.save_button().isEnabled():
            return
        values = self.form.values()
        try:
            sponsorships.assign(values["sponsor"], values["person"], values["role"],
                                self.form.fields["start"].widget.date(),
                                together_since=self.together.date())
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()
