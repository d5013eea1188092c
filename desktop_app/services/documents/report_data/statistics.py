"""The year's admissions against the quota, with the breakdowns reported upward (domain.md §4).

"Admitted" is an admission decision dated in the year (the earliest, should there be two); each person counts
once, in the branch they belonged to on the day of the decision (services.people.membership), so a member who
moved on since still counts where they were admitted. Ethnicity and religion are free text: the spellings that
mean "Kinh" and "no religion" are found by accent-insensitive comparison. Rural or not is the branch's flag.
Queries are plain peewee expressions over the year's few hundred admissions; the counting is done here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import fn

from desktop_app.core.enums import Category, Stage
from desktop_app.core.rules import complete_months
from desktop_app.core.text import fold
from desktop_app.services.people import membership
from desktop_app.store import raw
from desktop_app.store.models import Branch, Person, Quota, StageEvent

MAJORITY = {"kinh"}
NO_RELIGION = {"", "khong", "khong co", "khong ton giao", "none", "no"}
COUNTERS = ("admitted", "women", "ethnic", "religious", "youth", "age_18_30", "rural")


@dataclass
class QuotaLine:
    branch_id: int | None
    code: str
    name: str
    target: int | None
    admitted: int = 0
    women: int = 0
    ethnic: int = 0
    religious: int = 0
    youth: int = 0
    age_18_30: int = 0
    rural: int = 0  # admitted in branches of rural areas
    categories: dict[str, int] = field(default_factory=dict)

    @property
    def not_rural(self) -> int:
        return self.admitted - self.rural

    @property
    def share_of_plan(self) -> float | None:
        return self.admitted / self.target if self.target else None


@dataclass(frozen=True)
class QuotaData:
    year: int
    as_of: dt.date  # admissions counted up to this day
    organisation_target: int | None  # the quota set for the organisation as a whole
    branches: tuple[QuotaLine, ...]  # every active branch, by code
    total: QuotaLine  # sums over the branches (target: the branches' targets added up)

    @property
    def branches_admitting(self) -> int:
        return sum(1 for line in self.branches if line.admitted)

    @property
    def branch_targets(self) -> int | None:
        """The branches' targets added up (None when no branch has one)."""
        return self.total.target

    @property
    def target(self) -> int | None:
        """The plan of the year: the organisation's own quota, else the branches' added up."""
        return self.organisation_target if self.organisation_target is not None else self.total.target

    @property
    def targets_differ(self) -> bool:
        """The organisation's target is set and is not what the branches' targets add up to."""
        return self.organisation_target is not None and self.organisation_target != (self.total.target or 0)


def _admitted(year: int, end: dt.date):
    """The ids of the people with an admission decision dated 1 January..*end* of *year* (a subquery)."""
    return (StageEvent.select(StageEvent.person)
            .where((StageEvent.stage == Stage.ADMISSION_DECISION) & StageEvent.date.between(dt.date(year, 1, 1), end)))


def _admissions(year: int, end: dt.date) -> list[tuple[int, dt.date]]:
    """(person, day of their admission decision) for the decisions dated 1 January..*end* of *year*."""
    first = fn.MIN(StageEvent.date)
    query = (StageEvent.select(StageEvent.person, first).join(Person, on=(StageEvent.person == Person.id))
             .where((StageEvent.stage == Stage.ADMISSION_DECISION) & StageEvent.date.between(dt.date(year, 1, 1), end)
                    & Person.deleted_at.is_null())
             .group_by(StageEvent.person))
    return [(pid, raw.to_day(day)) for pid, day in raw.rows(query)]


def _people(among) -> dict[int, tuple]:
    """{person: (gender, ethnicity, religion, youth union, birth date, categories)} of the people *among* selects."""
    query = (Person.select(Person.id, Person.gender, Person.ethnicity, Person.religion, Person.youth_union,
                           Person.birth_date, Person.categories).where(Person.id.in_(among)))
    return {pid: (gender, ethnicity, religion, bool(youth), raw.to_date(birth), categories or "")
            for pid, gender, ethnicity, religion, youth, birth, categories in raw.rows(query)}


def quota_data(year: int, as_of: dt.date | None = None) -> QuotaData:
    end = min(as_of or dt.date(year, 12, 31), dt.date(year, 12, 31))
    codes = Category.codes()
    targets = {branch: target for branch, target in
               Quota.select(Quota.branch, Quota.target).where(Quota.year == year).tuples()}
    rural = dict(Branch.select(Branch.id, Branch.rural).tuples())
    lines: dict[int | None, QuotaLine] = {}
    for bid, code, name in (Branch.select(Branch.id, Branch.code, Branch.name)
                            .where(Branch.deleted_at.is_null() & (Branch.active == True))  # noqa: E712 - SQL
                            .order_by(Branch.code).tuples()):
        lines[bid] = QuotaLine(bid, code, name, targets.get(bid))
    admissions = _admissions(year, end)
    where = membership.branch_at_each(admissions, among=_admitted(year, end))
    people = _people(_admitted(year, end))
    for pid, day in admissions:
        bid = where[(pid, day)]
        line = lines.get(bid)
        if line is None:  # an inactive or deleted branch, or someone with no branch, still admitted someone
            line = lines[bid] = QuotaLine(bid, *_branch_label(bid), targets.get(bid))
        gender, ethnicity, religion, youth, birth, categories = people[pid]
        line.admitted += 1
        line.women += gender == "female"
        line.ethnic += fold(ethnicity or "").strip() not in MAJORITY
        line.religious += fold(religion or "").strip() not in NO_RELIGION
        line.youth += youth
        line.age_18_30 += birth is not None and 18 <= complete_months(birth, day) // 12 <= 30
        line.rural += bool(rural.get(bid))
        held = set(categories.split(","))
        for code in codes:
            if code in held:
                line.categories[code] = line.categories.get(code, 0) + 1
    total = QuotaLine(None, "", "", None)
    for line in lines.values():
        line.categories = {c: line.categories.get(c, 0) for c in codes}
        for name in COUNTERS:
            setattr(total, name, getattr(total, name) + getattr(line, name))
        for c, v in line.categories.items():
            total.categories[c] = total.categories.get(c, 0) + v
    branch_targets = [line.target for line in lines.values() if line.target is not None]
    total.target = sum(branch_targets) if branch_targets else None
    return QuotaData(year, end, targets.get(None), tuple(lines.values()), total)


def _branch_label(branch_id: int | None) -> tuple[str, str]:
    if branch_id is None:
        return "", ""
    row = Branch.get_or_none(Branch.id == branch_id)
    return (row.code, row.name) if row else ("", "")
