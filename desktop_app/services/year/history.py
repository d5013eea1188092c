"""A member's grades over the years: the grade that counts in each round, and the history on the member's record.

The grade that counts is the committee's once it has decided (corrections included: they change it); before
that, the branch's proposal, marked as such."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from desktop_app.services.year import rounds
from desktop_app.store import raw
from desktop_app.store.models import Branch, GradeCorrection, GradingRound, MemberGrade

M = MemberGrade
_CHUNK = 500


def effective(committee_grade: str, committee_on: dt.date | None, branch_grade: str) -> tuple[str, bool]:
    """(the grade that counts, decided by the committee)."""
    if committee_on is not None and committee_grade:
        return committee_grade, True
    return branch_grade or "", False


def grades_by_year(person_ids: Iterable[int], years: Iterable[int] | None = None, *,
                   decided_only: bool = False) -> dict[int, dict[int, str]]:
    """{person: {year: grade}} in the organisation's rounds (of *years* when given): the committee's grades, and
    the branches' proposals not yet decided unless *decided_only*."""
    ids = list(dict.fromkeys(person_ids))
    org_rounds = {r.id: r.year for r in rounds.rounds()}
    wanted = [rid for rid, year in org_rounds.items() if years is None or year in set(years)]
    result: dict[int, dict[int, str]] = defaultdict(dict)
    if not wanted or not ids:
        return {}
    for first in range(0, len(ids), _CHUNK):
        query = (M.select(M.person, M.round, M.committee_grade, M.committee_on, M.branch_grade)
                 .where(M.person.in_(ids[first:first + _CHUNK]) & M.round.in_(wanted)))
        for pid, rid, committee, decided_on, proposed in raw.rows(query):
            grade, decided = effective(committee, raw.to_date(decided_on), proposed)
            if grade and (decided or not decided_only):
                result[pid][org_rounds[rid]] = grade
    return dict(result)


@dataclass(frozen=True)
class GradeHistoryRow:
    year: int
    branch_name: str
    self_grade: str
    branch_grade: str
    branch_on: dt.date | None
    committee_grade: str
    committee_on: dt.date | None
    grade: str  # the grade that counts
    decided: bool
    corrections: int


def member_history(person_id: int) -> list[GradeHistoryRow]:
    """The member's grading in each round, the latest year first."""
    corrections = (GradeCorrection.select(fn.COUNT(GradeCorrection.id))
                   .where(GradeCorrection.member_grade == M.id))
    query = (M.select(GradingRound.year, Branch.name, M.self_grade, M.branch_grade, M.branch_on, M.committee_grade,
                      M.committee_on, corrections)
             .join(GradingRound, on=(M.round == GradingRound.id)).switch(M)
             .join(Branch, on=(M.branch == Branch.id))
             .where(M.person == person_id).order_by(GradingRound.year.desc()))
    result = []
    for year, branch, own, proposed, proposed_on, committee, decided_on, fixes in raw.rows(query):
        day = raw.to_date(decided_on)
        grade, decided = effective(committee, day, proposed)
        if grade or own:
            result.append(GradeHistoryRow(year, branch or "", own, proposed, raw.to_date(proposed_on),
                                          committee if day else "", day, grade, decided, fixes or 0))
    return result
