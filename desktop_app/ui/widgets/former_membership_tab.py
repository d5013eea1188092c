"""The candidate's "Former member" tab: how and when a person who was a Party member before left (the date of the
decision, the way, the circumstances, a conviction and when its record was cleared), and what the re-admission rules
say about it as it is typed (Regulation 294-QĐ/TW point 3.5: 36 months after leaving, 60 after a cleared record;
never for some). The same findings show at each step of the pipeline, as errors when the branch votes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.member_codes import ConvictionKind, LeavingGround, LeavingKind
from desktop_app.i18n import _, format_date
from desktop_app.services.people import readmission
from desktop_app.ui.widgets.findings_list import FindingsList


class FormerMembershipTab(QWidget):
    def __init__(self, person_form, today: dt.date):
        super().__init__(person_form)
        self.person_form, self.today = person_form, today
        form = person_form.form
        from desktop_app.services.people import people

        names = people.field_labels()
        box = QVBoxLayout(self)
        hint = QLabel(_("Fill this in only for a person who was a Party member before and left: the rules on "
                        "re-admission apply to them."), self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        box.addWidget(hint)
        section = form.section(_("Leaving the Party"))
        form.add_date("left_party_on", names["left_party_on"])
        form.add_choice("left_party_how", names["left_party_how"],
                        [("", _("(never a member)"))] + LeavingKind.choices())
        form.add_multi("left_party_grounds", names["left_party_grounds"], LeavingGround.choices(), columns=1)
        form.add_choice("conviction", names["conviction"], ConvictionKind.choices())
        form.add_date("record_cleared_on", names["record_cleared_on"])
        right = QVBoxLayout()
        title = QLabel(_("What the rules say about re-admission"), self)
        title.setObjectName("sectionTitle")
        right.addWidget(title)
        self.findings = FindingsList(self)
        right.addWidget(self.findings, 1)
        left = QVBoxLayout()
        left.addWidget(section)
        left.addStretch(1)  # the section keeps its height: the circumstances' boxes stay together
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        box.addLayout(row, 1)
        form.changed.connect(self.check)
        person_form.addTab(self, _("Former member"))

    def check(self) -> None:
        fields = ("left_party_on", "left_party_how", "left_party_grounds", "conviction", "record_cleared_on")
        values = self.person_form.form.values(fields)
        found = readmission.check_values(values, self.today)
        if found is None:
            self.findings.show_note(_("Not a former member: nothing to check."), colour="#555555")
            return
        possible = readmission.possible_from_values(values)
        ok = _("Re-admission is possible from {date}.").format(date=format_date(possible)) if possible else None
        self.findings.show_findings(found, ok_text=ok)
