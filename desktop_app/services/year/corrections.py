"""The only change a decided grade accepts: a dated correction with its reason (as adopted minutes accept only
dated addenda). The grade that counts becomes the corrected one; the grade decided first and every correction
stay on record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.core.member_codes import Grade, OrganisationGrade
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.year import member_grades, rounds
from desktop_app.store.models import BranchGrading, GradeCorrection, MemberGrade


@dataclass(frozen=True)
class CorrectionRow:
    id: int
    corrected_on: dt.date
    before: str  # grade code
    after: str
    reason: str
    document_ref: str


def _checked(data: dict[str, Any], grades: list[str], current: str, decided_on: dt.date) -> dict[str, Any]:
    check = Checker(data)
    check.choice("grade", grades, required=True, label=_("Corrected grade"))
    check.date("corrected_on", required=True, not_future=True, label=_("Date of the correction"),
               minimum=decided_on)
    check.text("reason", required=True, max_length=2000, label=_("Reason for the correction"))
    check.text("document_ref", max_length=100, name=True, label=_("Document"))
    values = check.done()
    if values["grade"] == current:
        raise ValidationError({"grade": _("The grade is “{grade}” already.").format(grade=Grade.label(current))})
    return values


def _data(grade: Any, on: Any, reason: Any, document_ref: Any) -> dict[str, Any]:
    data = {"grade": grade, "corrected_on": on, "reason": reason}
    if document_ref is not None:
        data["document_ref"] = document_ref
    return data


def correct_member(year: Any, person_id: Any, grade: Any, on: Any, reason: Any,
                   document_ref: Any = None) -> member_grades.Saved:
    """Correct the committee's decided grade of the member, dated *on* (not before the decision) with *reason*."""
    found = rounds.round_for(year)
    row = member_grades.member_row(found, person_id)
    decided_on = row.entry.committee_on
    if decided_on is None or row.entry.id is None:
        raise ValidationError({"grade": _("The grade of {name} is not decided yet: change it in the grading "
                                          "itself.").format(name=row.name)})
    values = _checked(_data(grade, on, reason, document_ref), Grade.codes(), row.entry.committee_grade, decided_on)
    warnings = member_grades.check_grade(row, values["grade"], found.year, found.grading_date, "grade")
    with atomic():
        entry = MemberGrade.get_by_id(row.entry.id)
        fix = GradeCorrection.create(member_grade=entry.id, corrected_on=values["corrected_on"],
                                     before=entry.committee_grade, after=values["grade"], reason=values["reason"],
                                     document_ref=values.get("document_ref") or "")
        audit.record_change("create", fix, None)
        member_grades.save_entry(entry, {"committee_grade": values["grade"]})
    return member_grades.Saved(member_grades.member_row(found, row.person_id), warnings)


def correct_branch(year: Any, branch_id: Any, grade: Any, on: Any, reason: Any, document_ref: Any = None) \
        -> BranchGrading:
    """Correct the committee's grade of the branch, dated *on* with *reason*."""
    found = rounds.round_for(year)
    branch = rounds.live_branch(branch_id)
    part = rounds.branch_part(found, branch.id)
    if part is None or part.graded_on is None:
        raise ValidationError({"grade": _("The committee has not graded {branch} yet: grade it first.").format(
            branch=branch.name)})
    values = _checked(_data(grade, on, reason, document_ref), OrganisationGrade.codes(), part.grade, part.graded_on)
    with atomic():
        fix = GradeCorrection.create(branch_grading=part.id, corrected_on=values["corrected_on"], before=part.grade,
                                     after=values["grade"], reason=values["reason"],
                                     document_ref=values.get("document_ref") or "")
        audit.record_change("create", fix, None)
        before = audit.snapshot(part)
        part.grade = values["grade"]
        part.save()
        audit.record_change("update", part, before)
    return part


def _rows(query) -> list[CorrectionRow]:
    return [CorrectionRow(c.id, c.corrected_on, c.before, c.after, c.reason, c.document_ref)
            for c in query.order_by(GradeCorrection.corrected_on, GradeCorrection.id)]


def of_member(year: int, person_id: int) -> list[CorrectionRow]:
    found = rounds.find_round(year)
    if found is None:
        return []
    entry = MemberGrade.get_or_none((MemberGrade.round == found.id) & (MemberGrade.person == person_id))
    if entry is None:
        return []
    return _rows(GradeCorrection.select().where(GradeCorrection.member_grade == entry.id))


def of_branch(year: int, branch_id: int) -> list[CorrectionRow]:
    found = rounds.find_round(year)
    part = rounds.branch_part(found, branch_id) if found else None
    if part is None:
        return []
    return _rows(GradeCorrection.select().where(GradeCorrection.branch_grading == part.id))


def describe(fix: CorrectionRow) -> str:
    """'15/01/2027: Completed tasks → Completed tasks well (reason)'."""
    return _("{date}: “{before}” corrected to “{after}” ({reason})").format(
        date=format_date(fix.corrected_on), before=Grade.label(fix.before), after=Grade.label(fix.after),
        reason=fix.reason)
