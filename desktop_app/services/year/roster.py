"""The members a branch grades in a round, each as the grading sees them on the grading date.

Who: the branch's members on the grading date, from the membership history (exempt members and those away for a
while included: they are the branch's). For each: whether the rules grade them and why not (exempt, suspended,
admitted less than six months before; core.rules.grading), the notes that apply (long sick leave, maternity leave,
temporarily active elsewhere during the year), the measures of discipline that took effect in the year, the
grades of the two years before, and what has been recorded in the round so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core import rules
from desktop_app.core.enums import MembershipKind
from desktop_app.core.member_codes import DisciplineKind, Grade, GradingNote
from desktop_app.core.text import name_sort_key
from desktop_app.i18n import _, format_date
from desktop_app.services.people import membership
from desktop_app.services.people.membership import MemberOnDay
from desktop_app.services.year import discipline, history
from desktop_app.store import raw
from desktop_app.store.models import Branch, GradingRound, MemberGrade, MembershipEvent, Person

_CHUNK = 500


@dataclass(frozen=True)
class Entry:
    """What is recorded for a member in a round (all empty before anything is)."""

    id: int | None = None
    self_grade: str = ""
    self_text: str = ""
    self_on: dt.date | None = None
    branch_grade: str = ""
    branch_yes: int | None = None
    branch_voters: int | None = None
    branch_on: dt.date | None = None
    committee_grade: str = ""
    committee_on: dt.date | None = None
    suspended: bool = False
    sick_months: int = 0
    maternity: bool = False
    host_comment: str = ""
    corrections: int = 0


@dataclass(frozen=True)
class RosterRow:
    person_id: int
    name: str
    sort_key: str
    branch_id: int
    status: str  # on the grading date: official, probationary or exempt
    standing: str  # official or probationary (an exempt member's too)
    admitted: dt.date | None
    graded: bool
    reason: str  # NotGradedReason code, "" when graded
    reason_text: str  # translated, "" when graded
    graded_from: dt.date | None  # a new member: the first day they could be graded
    notes: tuple[str, ...]  # GradingNote codes
    disciplines: tuple[tuple[dt.date, str, bool], ...]  # (day, DisciplineKind, remedied) in the year
    previous: dict[int, str] = field(default_factory=dict)  # {year: grade} of the two years before
    entry: Entry = Entry()

    @property
    def locked(self) -> bool:
        """The committee has decided: changed only through a dated correction."""
        return self.entry.committee_on is not None

    @property
    def grade(self) -> str:
        """The grade that counts now: the committee's once decided, else the branch's proposal."""
        return history.effective(self.entry.committee_grade, self.entry.committee_on, self.entry.branch_grade)[0]

    @property
    def disciplined(self) -> bool:
        return bool(self.disciplines)

    @property
    def must_fail(self) -> bool:
        """Disciplined in the year without having remedied it: "did not complete tasks" is the only grade."""
        return self.disciplined and not any(remedied for _day, _kind, remedied in self.disciplines)

    def facts(self) -> rules.GradingFacts:
        return rules.GradingFacts(self.status, self.admitted, self.entry.suspended, self.entry.sick_months,
                                  self.entry.maternity, GradingNote.ELSEWHERE in self.notes,
                                  tuple((day, kind) for day, kind, _r in self.disciplines),
                                  any(remedied for _day, _kind, remedied in self.disciplines))

    def remarks(self) -> list[str]:
        """What the grading must know of this member, translated: why not graded, the notes, the discipline."""
        items = [self.reason_text] if not self.graded else []
        items += [GradingNote.label(code) for code in self.notes]
        for day, kind, remedied in self.disciplines:
            text = _("Disciplined: {kind}, {date}.").format(kind=DisciplineKind.label(kind), date=format_date(day))
            items.append(text + (" " + _("The fault was admitted and remedied.") if remedied else ""))
        if self.must_fail:
            items.append(_("Graded “{grade}”.").format(grade=Grade.label(Grade.NOT_COMPLETED)))
        return items


def _entry(row: MemberGrade, corrections: int) -> Entry:
    return Entry(row.id, row.self_grade, row.self_text, row.self_on, row.branch_grade, row.branch_yes,
                 row.branch_voters, row.branch_on, row.committee_grade, row.committee_on, bool(row.suspended),
                 row.sick_months or 0, bool(row.maternity), row.host_comment, corrections)


def entries(found: GradingRound, person_ids: Iterable[int]) -> dict[int, Entry]:
    """{person: what the round holds for them}."""
    from desktop_app.store.models import GradeCorrection

    ids = list(dict.fromkeys(person_ids))
    result: dict[int, Entry] = {}
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        rows = list(MemberGrade.select().where((MemberGrade.round == found.id) & MemberGrade.person.in_(chunk)))
        fixes: dict[int, int] = {}
        if rows:
            for (mid,) in GradeCorrection.select(GradeCorrection.member_grade).where(
                    GradeCorrection.member_grade.in_([r.id for r in rows])).tuples():
                fixes[mid] = fixes.get(mid, 0) + 1
        for row in rows:
            result[row.person_id] = _entry(row, fixes.get(row.id, 0))
    return result


def _away_in_year(members: list[MemberOnDay], year: int, until: dt.date) -> set[int]:
    """The members away for temporary activity elsewhere at some time of *year* up to *until*."""
    away = {m.person_id for m in members if m.away}
    ids = [m.person_id for m in members if not m.away]
    start = dt.date(year, 1, 1)
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        # Away on 1 January (introduced before the year, back during it), or introduced elsewhere during it.
        query = (MembershipEvent.select(MembershipEvent.person, MembershipEvent.kind, MembershipEvent.date)
                 .where(MembershipEvent.person.in_(chunk)
                        & MembershipEvent.kind.in_((MembershipKind.ELSEWHERE_FROM, MembershipKind.ELSEWHERE_UNTIL))
                        & (MembershipEvent.date <= until))
                 .order_by(MembershipEvent.person, MembershipEvent.date, MembershipEvent.id))
        state: dict[int, bool] = {}
        for pid, kind, day in raw.rows(query):
            day = raw.to_day(day)
            if day < start:
                state[pid] = kind == MembershipKind.ELSEWHERE_FROM
            elif kind == MembershipKind.ELSEWHERE_FROM or state.get(pid):
                away.add(pid)
        away.update(pid for pid, out in state.items() if out)
    return away


def members_graded(found: GradingRound, branch_id: int | None) -> dict[int, list[MemberOnDay]]:
    """{branch: its members on the grading date} (one branch, or every branch when None)."""
    day = found.grading_date
    if branch_id is not None:
        return {branch_id: membership.members_on(branch_id, day)}
    return membership.members_by_branch(day)


def roster(found: GradingRound, branch_id: int | None = None) -> list[RosterRow]:
    """The members graded in *branch_id* (every branch when None), in Vietnamese name order within each branch."""
    by_branch = members_graded(found, branch_id)
    everyone = [m for members in by_branch.values() for m in members]
    ids = [m.person_id for m in everyone]
    people: dict[int, tuple[str, str, dt.date | None]] = {}
    for first in range(0, len(ids), _CHUNK):
        for pid, name, key, admitted in raw.rows(Person.select(Person.id, Person.full_name, Person.sort_key,
                                                               Person.admission_date)
                                                 .where(Person.id.in_(ids[first:first + _CHUNK]))):
            people[pid] = (name, key or name_sort_key(name), raw.to_date(admitted))
    recorded = entries(found, ids)
    disciplined = discipline.in_year(ids, found.year)
    away = _away_in_year(everyone, found.year, found.grading_date)
    previous = history.grades_by_year(ids, (found.year - 1, found.year - 2))
    policy = rules.policy_for(found.grading_date)
    result = []
    for bid, members in by_branch.items():
        for m in members:
            name, key, admitted = people.get(m.person_id, ("", "", None))
            entry = recorded.get(m.person_id, Entry())
            facts = rules.GradingFacts(m.status, admitted, entry.suspended, entry.sick_months, entry.maternity,
                                       m.person_id in away or bool(entry.host_comment),
                                       tuple((d, k) for d, k, _r in disciplined.get(m.person_id, ())))
            e = rules.grading_eligibility(facts, found.grading_date, policy=policy)
            result.append(RosterRow(m.person_id, name, key, bid, m.status, m.standing, admitted, e.graded, e.reason,
                                    e.message, e.graded_from, e.notes, tuple(disciplined.get(m.person_id, ())),
                                    previous.get(m.person_id, {}), entry))
    branch_order = _branch_order(list(by_branch))
    result.sort(key=lambda r: (branch_order.get(r.branch_id, 0), r.sort_key, r.person_id))
    return result


def _branch_order(branch_ids: list[int]) -> dict[int, int]:
    codes = dict(Branch.select(Branch.id, Branch.code).where(Branch.id.in_(branch_ids)).tuples()) if branch_ids \
        else {}
    return {bid: n for n, bid in enumerate(sorted(branch_ids, key=lambda b: (codes.get(b, ""), b)))}


def row_for(found: GradingRound, person_id: int) -> RosterRow | None:
    """The member's row in the round (in the branch they belong to on the grading date), None if not a member."""
    branches = membership.branches_on([person_id], found.grading_date)
    branch_id = branches.get(person_id)
    if branch_id is None:
        return None
    return next((r for r in roster(found, branch_id) if r.person_id == person_id), None)
