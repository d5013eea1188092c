"""What the year-end grading documents state: the grading report of a branch or of the organisation, its
workbook, and the branch's grading resolution (services.year gathers it; nothing here writes).

The grade of a member is the one that counts (the committee's once decided, else the branch's proposal, and the
documents say which); the counts and the share "completed tasks well or better" are of the members the rules
grade; those not graded are listed with their reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from desktop_app.core.member_codes import Grade
from desktop_app.services.year import branch_grades, rounds, summary
from desktop_app.services.year.branch_grades import BranchRow
from desktop_app.services.year.roster import RosterRow, roster
from desktop_app.services.year.summary import GradeSummary
from desktop_app.store.models import Branch


@dataclass(frozen=True)
class GradedMember:
    person_id: int
    name: str
    branch_id: int
    status: str
    standing: str  # official or probationary
    self_grade: str
    branch_grade: str
    branch_yes: int | None
    branch_voters: int | None
    committee_grade: str  # "" until decided
    committee_on: dt.date | None
    grade: str  # the grade that counts ("" not yet graded)
    remarks: tuple[str, ...]  # notes, discipline (translated when gathered)
    corrections: int  # dated corrections of the committee's grade


@dataclass(frozen=True)
class NotGraded:
    person_id: int
    name: str
    branch_id: int
    branch_name: str
    reason: str  # NotGradedReason code
    reason_text: str  # translated


@dataclass(frozen=True)
class GradingData:
    year: int
    grading_date: dt.date
    branch_id: int | None  # None: the organisation
    branch_name: str
    totals: GradeSummary
    official: int  # of the members on the grading date, official ones (exempt ones by their standing)
    probationary: int
    members: tuple[GradedMember, ...]  # those graded by the rules, in name order (a branch's report)
    not_graded: tuple[NotGraded, ...]
    branches: tuple[BranchRow, ...]  # a line per branch (the organisation's report; the branch's own line)
    branch_counts: dict[str, int]  # the committee's grades of the branches, every grade present
    meeting_on: dt.date | None  # a branch's report: the meeting that proposed the grades
    voters: int | None
    decided_on: dt.date | None  # the last day the committee decided a grade of those covered
    cap_warnings: tuple[str, ...]

    @property
    def share(self) -> Fraction | None:
        return self.totals.share

    @property
    def branches_graded(self) -> int:
        return sum(self.branch_counts.values())


def _member(row: RosterRow) -> GradedMember:
    e = row.entry
    return GradedMember(row.person_id, row.name, row.branch_id, row.status, row.standing, e.self_grade, e.branch_grade,
                        e.branch_yes, e.branch_voters, e.committee_grade if e.committee_on else "", e.committee_on,
                        row.grade, tuple(row.remarks()), e.corrections)


def grading_data(year: int, branch_id: int | None = None) -> GradingData:
    """The grading of *year* for one branch or (None) the organisation; ValidationError when no round is open."""
    found = rounds.round_for(year)
    rows = roster(found, branch_id)
    lines = branch_grades.branch_rows(found, rows if branch_id is None else roster(found))
    names = dict(Branch.select(Branch.id, Branch.name).tuples())
    if branch_id is not None:
        lines = [line for line in lines if line.branch_id == branch_id]
    totals = summary.summarise(rows)
    not_graded = tuple(NotGraded(r.person_id, r.name, r.branch_id, names.get(r.branch_id, ""), r.reason, r.reason_text)
                       for r in rows if not r.graded)
    decided = [r.entry.committee_on for r in rows if r.graded and r.entry.committee_on]
    own = lines[0] if branch_id is not None and lines else None
    counts = branch_grades.organisation_counts(found) if branch_id is None else _own_grade(own)
    outstanding = bool(own and own.outstanding)
    warnings = summary.cap_warnings(totals.counts, outstanding=outstanding, on=found.grading_date)
    return GradingData(
        found.year, found.grading_date, branch_id, names.get(branch_id, "") if branch_id else "", totals,
        sum(1 for r in rows if r.standing == "official"), sum(1 for r in rows if r.standing == "probationary"),
        tuple(_member(r) for r in rows if r.graded), not_graded, tuple(lines), counts,
        own.meeting_on if own else None, own.voters if own else None, max(decided) if decided else None,
        tuple(warnings))


def _own_grade(line: BranchRow | None) -> dict[str, int]:
    """A branch's report: its own grade, counted as the organisation's report counts every branch's."""
    counts = dict.fromkeys(Grade.codes(), 0)
    if line is not None and line.grade:
        counts[line.grade] += 1
    return counts
