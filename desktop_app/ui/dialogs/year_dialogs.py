"""The small dialogs of the Party year: opening a grading round, the committee's decision on a branch's grades,
a dated correction of a decided grade, the committee's grade of a branch, a member's facts for the grading, and
a Party badge awarded. Each writes through its service; a refusal shows beside its field and writes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.member_codes import Grade, OrganisationGrade
from desktop_app.i18n import _
from desktop_app.services.common.errors import ServiceError
from desktop_app.ui.dialogs.base import BaseDialog
from desktop_app.ui.messages import show_write_error
from desktop_app.ui.widgets.form import Form


class _FormDialog(BaseDialog):
    """A heading, one form and Save/Cancel; ``write(values)`` is the service call, its result kept in ``result``."""

    def __init__(self, title: str, heading: str, parent: QWidget | None, save_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result: Any = None
        layout = QVBoxLayout(self)
        text = QLabel(heading, self)
        text.setWordWrap(True)
        text.setObjectName("dialogTitle")
        layout.addWidget(text)
        self.form = Form(self)
        self.section = self.form.section("")
        layout.addWidget(self.section)
        self.note = QLabel(self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout.addWidget(self.note)
        layout.addWidget(self.make_buttons(save_text))
        self.form.changed.connect(self.mark_dirty)
        self.form.changed.connect(self._update)

    def ready(self, values: dict[str, Any], width: int = 620, height: int = 320) -> None:
        self.form.set_values(values)
        self._update()
        self.restore_size(width, height)

    def _update(self) -> None:
        self.save_button().setEnabled(self.form.complete())

    def write(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result = self.write(self.form.values())
        except ServiceError as exc:
            show_write_error(self, self.windowTitle(), exc, self.form.set_errors)
            return
        self.dirty = False
        super().accept()


def _grades(codes=Grade) -> list[tuple[str, str]]:
    return list(codes.choices())


class OpenRoundDialog(_FormDialog):
    def __init__(self, year: int, parent: QWidget | None = None):
        from desktop_app.services.year import rounds

        super().__init__(_("Open the grading round"), _("The grading of members and branches for {year}").format(
            year=year), parent, _("&Open the round"))
        self.year = year
        self.form.add_date("grading_date", _("Grading date"), required=True)
        self.note.setText(_("A member admitted less than six months before the grading date is not graded."))
        self.note.setVisible(True)
        self.ready({"grading_date": rounds.default_grading_date(year)}, height=260)

    def write(self, values):
        from desktop_app.services.year import rounds

        return rounds.open_round(self.year, values["grading_date"])


class GradingDateDialog(_FormDialog):
    def __init__(self, year: int, current: dt.date, parent: QWidget | None = None):
        super().__init__(_("Grading date"), _("The grading of {year}").format(year=year), parent)
        self.year = year
        self.form.add_date("grading_date", _("Grading date"), required=True)
        self.ready({"grading_date": current}, height=240)

    def write(self, values):
        from desktop_app.services.year import rounds

        return rounds.set_grading_date(self.year, values["grading_date"])


class DecideDialog(_FormDialog):
    """The committee decides the grades of a branch: one date; each member's grade is locked."""

    def __init__(self, year: int, branch_id: int, branch_name: str, today: dt.date, parent: QWidget | None = None):
        super().__init__(_("Committee's decision"), _("The committee decides the grades of {branch} for {year}")
                         .format(branch=branch_name, year=year), parent, _("&Decide"))
        self.year, self.branch_id = year, branch_id
        self.form.add_date("decided_on", _("Decided on"), required=True)
        self.note.setText(_("Each member takes the committee's grade where one was entered, else the branch's "
                            "proposal. Decided grades change only through a dated correction."))
        self.note.setVisible(True)
        self.ready({"decided_on": today}, height=280)

    def write(self, values):
        from desktop_app.services.year import member_grades

        return member_grades.decide(self.year, self.branch_id, values["decided_on"])


class CorrectionDialog(_FormDialog):
    """A dated correction of a decided grade: of a member (*person_id*) or of a branch (*branch_id*)."""

    def __init__(self, year: int, who: str, current: str, today: dt.date, parent: QWidget | None = None, *,
                 person_id: int | None = None, branch_id: int | None = None):
        codes = OrganisationGrade if branch_id is not None else Grade
        super().__init__(_("Correct a decided grade"), _("{who}: decided “{grade}”").format(
            who=who, grade=codes.label(current)), parent, _("&Correct"))
        self.year, self.person_id, self.branch_id = year, person_id, branch_id
        self.form.add_choice("grade", _("Corrected grade"), [(c, label) for c, label in _grades(codes) if c != current],
                             required=True)
        self.form.add_date("corrected_on", _("Date of the correction"), required=True)
        self.form.add_text("reason", _("Reason for the correction"), required=True, max_length=2000)
        self.form.add_text("document_ref", _("Document"), max_length=100)
        self.ready({"corrected_on": today}, height=380)

    def write(self, values):
        from desktop_app.services.year import corrections

        if self.branch_id is not None:
            return corrections.correct_branch(self.year, self.branch_id, values["grade"], values["corrected_on"],
                                              values["reason"], values["document_ref"])
        return corrections.correct_member(self.year, self.person_id, values["grade"], values["corrected_on"],
                                          values["reason"], values["document_ref"])


class BranchGradeDialog(_FormDialog):
    """The committee grades a branch (locked once saved)."""

    def __init__(self, year: int, branch_id: int, branch_name: str, proposed: str, today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(_("Grade the branch"), _("{branch}, {year}").format(branch=branch_name, year=year), parent,
                         _("&Grade"))
        self.year, self.branch_id = year, branch_id
        self.form.add_choice("grade", _("Committee's grade"), _grades(OrganisationGrade), required=True)
        self.form.add_date("graded_on", _("Graded on"), required=True)
        self.note.setText(_("The branch proposes: {grade}.").format(grade=OrganisationGrade.label(proposed))
                          if proposed else _("The branch has not proposed a grade for itself."))
        self.note.setVisible(True)
        self.ready({"grade": proposed or Grade.GOOD, "graded_on": today}, height=300)

    def write(self, values):
        from desktop_app.services.year import branch_grades

        return branch_grades.grade_branch(self.year, self.branch_id, values["grade"], values["graded_on"])


class MemberFactsDialog(_FormDialog):
    """What the grading weighs for one member: the self-assessment text and the facts the records hold nowhere
    else."""

    def __init__(self, year: int, row, parent: QWidget | None = None):
        super().__init__(_("Grading of a member"), _("{name}, {year}").format(name=row.name, year=year), parent)
        self.year, self.person_id = year, row.person_id
        e = row.entry
        self.form.add_note("self_text", _("Self-assessment"), height=70)
        self.form.add_number("sick_months", _("Months of sick leave"), maximum=12)
        self.form.add_check("maternity", _("On maternity leave in the year"))
        self.form.add_check("suspended", _("Suspended from Party activities (not graded)"))
        self.form.add_note("host_comment", _("Host branch's comments"), height=60)
        self.note.setText("\n".join(row.remarks()))
        self.note.setVisible(bool(self.note.text()))
        self.ready({"self_text": e.self_text, "sick_months": e.sick_months, "maternity": e.maternity,
                    "suspended": e.suspended, "host_comment": e.host_comment}, width=680, height=480)

    def write(self, values):
        from desktop_app.services.year import member_grades

        member_grades.set_self_text(self.year, self.person_id, values["self_text"])
        return member_grades.set_facts(self.year, self.person_id, suspended=values["suspended"],
                                       sick_months=values["sick_months"], maternity=values["maternity"],
                                       host_comment=values["host_comment"])


class BadgeDialog(_FormDialog):
    """Record a Party badge awarded."""

    def __init__(self, person_id: int, name: str, years: int | None, day: dt.date, parent: QWidget | None = None):
        from desktop_app.core import rules

        super().__init__(_("Party badge awarded"), name, parent, _("&Record"))
        self.person_id = person_id
        milestones = rules.policy_for(day).badge_milestones_years
        self.form.add_choice("years", _("Milestone (years of party age)"),
                             [(y, _("{years} years").format(years=y)) for y in milestones], required=True)
        self.form.add_date("awarded_on", _("Awarded on"), required=True)
        self.form.add_text("decision_number", _("Decision number"), max_length=100)
        self.form.add_check("seriously_ill", _("Seriously ill: considered early, as the rules allow"))
        self.ready({"years": years, "awarded_on": day}, height=320)

    def write(self, values):
        from desktop_app.services.year import badges

        return badges.award(self.person_id, values["years"], values["awarded_on"],
                            decision_number=values["decision_number"], seriously_ill=bool(values["seriously_ill"]))


def run(dialog: _FormDialog, done: Callable[[Any], None] | None = None) -> bool:
    """Show *dialog*; call *done* with what it wrote when saved."""
    if dialog.exec() and done is not None:
        done(dialog.result)
        return True
    return bool(dialog.result is not None)
