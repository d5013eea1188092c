"""The year's admissions against the quota, with the breakdowns reported upward (domain.md §4).

One aggregate query grouped by branch does all the counting, so 300 branches and 10,000 people
take milliseconds. "Admitted" is an admission decision dated in the year (as services.quotas
counts it); each person counts once. Ethnicity and religion are free text: the spellings that mean
"Kinh" and "no religion" are found by accent-insensitive comparison and passed to the query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core.enums import Category, Stage
from desktop_app.core.text import fold
from desktop_app.store import raw
from desktop_app.store.db import database
from desktop_app.store.models import Branch, Quota

MAJORITY = {"kinh"}
NO_RELIGION = {"", "khong", "khong co", "khong ton giao", "none", "no"}
COUNTERS = ("admitted", "women", "ethnic", "religious", "youth", "age_18_30")


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
    categories: dict[str, int] = field(default_factory=dict)

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
    def target(self) -> int | None:
        """The plan of the year: the organisation's own quota, else the branches' added up."""
        return self.organisation_target if self.organisation_target is not None else self.total.target


def _spellings(column: str, folded: set[str]) -> list[str]:
    """The stored spellings of *column* whose accent-folded form is in *folded*."""
    rows = database.execute_sql(f"SELECT DISTINCT {column} FROM person").fetchall()
    return [value for (value,) in rows if fold(value or "") in folded]


def quota_data(year: int, as_of: dt.date | None = None) -> QuotaData:
    end = min(as_of or dt.date(year, 12, 31), dt.date(year, 12, 31))
    majority = _spellings("ethnicity", MAJORITY) or ["Kinh"]
    no_religion = _spellings("religion", NO_RELIGION) or [""]
    codes = Category.codes()
    category_sums = ", ".join(
        "SUM(CASE WHEN (',' || p.categories || ',') LIKE ? THEN 1 ELSE 0 END)" for _code in codes)
    # Ages from the ISO text of the dates: the same arithmetic on both engines.
    year_of, day_of = "CAST(substr(CAST({} AS TEXT), 1, 4) AS INTEGER)", "substr(CAST({} AS TEXT), 6, 5)"
    age = (f"{year_of.format('a.day')} - {year_of.format('p.birth_date')} - "
           f"CASE WHEN {day_of.format('a.day')} < {day_of.format('p.birth_date')} THEN 1 ELSE 0 END")
    sql = f"""
        SELECT p.branch_id,
               COUNT(*),
               SUM(CASE WHEN p.gender = 'female' THEN 1 ELSE 0 END),
               SUM(CASE WHEN p.ethnicity NOT IN ({", ".join("?" * len(majority))}) THEN 1 ELSE 0 END),
               SUM(CASE WHEN p.religion NOT IN ({", ".join("?" * len(no_religion))}) THEN 1 ELSE 0 END),
               SUM(CASE WHEN p.youth_union THEN 1 ELSE 0 END),
               SUM(CASE WHEN p.birth_date IS NOT NULL AND ({age}) BETWEEN 18 AND 30 THEN 1 ELSE 0 END),
               {category_sums}
        FROM (SELECT person_id, MIN(date) AS day FROM stageevent
              WHERE stage = ? AND date BETWEEN ? AND ? GROUP BY person_id) AS a
        JOIN person AS p ON p.id = a.person_id
        WHERE p.deleted_at IS NULL
        GROUP BY p.branch_id
    """
    params = [*majority, *no_religion, *(f"%,{c},%" for c in codes), Stage.ADMISSION_DECISION,
              dt.date(year, 1, 1).isoformat(), end.isoformat()]
    targets = {branch: target for branch, target in
               Quota.select(Quota.branch, Quota.target).where(Quota.year == year).tuples()}
    lines: dict[int | None, QuotaLine] = {}
    for bid, code, name in (Branch.select(Branch.id, Branch.code, Branch.name)
                            .where(Branch.deleted_at.is_null() & (Branch.active == True))  # noqa: E712 - SQL
                            .order_by(Branch.code).tuples()):
        lines[bid] = QuotaLine(bid, code, name, targets.get(bid))
    for row in raw.execute(sql, params).fetchall():
        bid, counts, per_category = row[0], row[1:1 + len(COUNTERS)], row[1 + len(COUNTERS):]
        line = lines.get(bid)
        if line is None:  # an inactive or deleted branch, or people with no branch, still admitted someone
            line = lines[bid] = QuotaLine(bid, *_branch_label(bid), targets.get(bid))
        for name, value in zip(COUNTERS, counts, strict=True):
            setattr(line, name, int(value or 0))
        line.categories = {c: int(v or 0) for c, v in zip(codes, per_category, strict=True)}
    total = QuotaLine(None, "", "", None)
    for line in lines.values():
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
