"""The committee's grading of its branches (xếp loại chất lượng tổ chức đảng), in the same round as the members':
the four levels of core.member_codes.OrganisationGrade, the grade the branch proposes for itself, and the
committee's grade, locked once given (changed only through a dated correction).

``branch_rows`` is the round at a glance, a line per branch: its members' counts and shares and its own grade."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from desktop_app.core import rules
from desktop_app.core.member_codes import OrganisationGrade
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker
from desktop_app.services.year import rounds, summary
from desktop_app.services.year.roster import RosterRow, roster
from desktop_app.store.models import Branch, BranchGrading, GradeCorrection, GradingRound


@dataclass(frozen=True)
class BranchRow:
    branch_id: int
    code: str
    name: str
    members: summary.GradeSummary
    meeting_on: dt.date | None
    voters: int | None
    outstanding: bool
    self_grade: str  # the branch's own proposal
    grade: str  # the committee's grade ("" until given)
    graded_on: dt.date | None
    corrections: int

    @property
    def share(self) -> Fraction | None:
        return self.members.share


def _parts(found: GradingRound) -> dict[int, BranchGrading]:
    return {p.branch_id: p for p in BranchGrading.select().where(BranchGrading.round == found.id)}


def branch_rows(found: GradingRound, rows: list[RosterRow] | None = None) -> list[BranchRow]:
    """A line per branch of the organisation (active ones, and any graded in the round), by code. *rows* (the
    round's roster of every branch) saves reading it again."""
    rows = roster(found) if rows is None else rows
    by_branch: dict[int, list[RosterRow]] = defaultdict(list)
    for r in rows:
        by_branch[r.branch_id].append(r)
    parts = _parts(found)
    fixes: dict[int, int] = defaultdict(int)
    if parts:
        for (pid,) in GradeCorrection.select(GradeCorrection.branch_grading).where(
                GradeCorrection.branch_grading.in_([p.id for p in parts.values()])).tuples():
            fixes[pid] += 1
    wanted = set(by_branch) | set(parts)
    branches = Branch.select(Branch.id, Branch.code, Branch.name).where(
        (Branch.deleted_at.is_null() & (Branch.active == True)) | Branch.id.in_(list(wanted) or [0])  # noqa: E712
    ).order_by(Branch.code)
    result = []
    for bid, code, name in branches.tuples():
        part = parts.get(bid)
        result.append(BranchRow(
            bid, code, name, summary.summarise(by_branch.get(bid, [])), part.meeting_on if part else None,
            part.voters if part else None, bool(part and part.outstanding), part.self_grade if part else "",
            part.grade if part and part.graded_on else "", part.graded_on if part else None,
            fixes.get(part.id, 0) if part else 0))
    return result


def _locked(part: BranchGrading | None, branch: Branch, field: str) -> None:
    if part is not None and part.graded_on is not None:
        raise ValidationError({field: _(
            "The committee graded {branch} on {date}: the grade changes only through a dated correction.").format(
            branch=branch.name, date=format_date(part.graded_on))})


def _grade(value: Any, *, required: bool) -> str:
    check = Checker({"grade": value if value is not None else ""})
    check.choice("grade", OrganisationGrade.codes() if required else ("", *OrganisationGrade.codes()),
                 label=_("Grade"))
    return check.done()["grade"]


def propose(year: Any, branch_id: Any, grade: Any) -> BranchGrading:
    """The grade the branch proposes for itself ("" clears it)."""
    found = rounds.round_for(year)
    branch = rounds.live_branch(branch_id)
    _locked(rounds.branch_part(found, branch.id), branch, "self_grade")
    value = _grade(grade, required=False)
    with atomic():
        part = rounds.ensure_branch_part(found, branch.id)
        before = audit.snapshot(part)
        part.self_grade = value
        part.save()
        audit.record_change("update", part, before)
    return part


def grade_branch(year: Any, branch_id: Any, grade: Any, on: Any) -> list[str]:
    """The committee grades the branch on *on* (locked from then); returns the warning of the cap on "excellent"
    among the organisation's branches, if any."""
    found = rounds.round_for(year)
    branch = rounds.live_branch(branch_id)
    part = rounds.branch_part(found, branch.id)
    _locked(part, branch, "grade")
    value = _grade(grade, required=True)
    check = Checker({"graded_on": on})
    day = check.date("graded_on", required=True, not_future=True, label=_("Graded on"),
                     minimum=part.meeting_on if part and part.meeting_on else dt.date(found.year, 1, 1))
    check.done()
    with atomic():
        part = rounds.ensure_branch_part(found, branch.id)
        before = audit.snapshot(part)
        part.grade, part.graded_on = value, day
        part.save()
        audit.record_change("update", part, before)
    return cap_warnings(found)


def organisation_counts(found: GradingRound) -> dict[str, int]:
    """How many branches the committee gave each grade (every grade present, best first)."""
    grades = [p.grade for p in _parts(found).values() if p.graded_on is not None and p.grade]
    return rules.grade_counts(grades)


def cap_warnings(found: GradingRound) -> list[str]:
    """The cap on "excellent" among the organisation's branches (the comparable group of like organisations)."""
    return summary.cap_warnings(organisation_counts(found), on=found.grading_date)
