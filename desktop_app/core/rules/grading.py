"""Annual quality grading of members and Party organisations (kiểm điểm, đánh giá, xếp loại chất lượng;
Regulation 366-QĐ/TW of 30/8/2025 and Guidance 43-HD/BTCTW; domain.md §6). Grades are
:class:`desktop_app.core.member_codes.Grade` (members) and ``OrganisationGrade`` (branches), best first.

How to call it::

    e = grading_eligibility(GradingFacts(...), grading_date)   # e.graded, e.reason (NotGradedReason), e.message,
                                                               # e.notes (GradingNote codes), e.graded_from
    check_member_grade(Grade.GOOD, facts, year=2026, grading_date=d)   # errors for a grade the rules refuse
    check_excellent_cap(excellent=4, good=15)                  # a warning naming the counts when over the cap
    excellent_cap(15)                                          # 3: the most "excellent" allowed beside 15 "good"
    good_or_better_share(grade_counts(grades))                 # Fraction: "hoàn thành tốt nhiệm vụ trở lên"
    failed_years_running({2025: "not_completed", 2026: "not_completed"}, 2026)   # True: a strike-off ground

The rules:

* not graded: exempt and suspended members, and members admitted less than 6 months before the grading date
  (admitted 15/06/2026: not graded on 14/12/2026, graded on 15/12/2026); the admission date is the one in the
  admission decision (Regulation 366-QĐ/TW, Article 5, point 2.1);
* sick for 3 months or more in the year, or on maternity leave: graded on the work actually done; temporarily
  active elsewhere: graded at the official branch with the host branch's comments (notes, Guidance 43-HD/BTCTW
  points 7.5 and 7.6);
* a discipline decided in the year (every kind is a reprimand or worse) means "did not complete tasks"
  (Article 11, point 4); when the member admitted and remedied the fault the competent level may judge
  otherwise, so the finding is then a warning;
* "excellent" at most 20 % of the number graded "good" in the comparable group (25 % where the unit is
  recognised as outstanding), not 20 % of the branch: 15 "good" allow 3 "excellent", exactly at the cap is
  allowed (Article 11, point 1.5);
* the share "good or better" is exact (a Fraction of those graded); the report rounds it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from desktop_app.core.enums import Status
from desktop_app.core.member_codes import DisciplineKind, Grade, GradingNote, NotGradedReason
from desktop_app.core.rules.findings import ERROR, WARNING, Findings
from desktop_app.core.rules.months import add_months
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_date


@dataclass(frozen=True)
class GradingFacts:
    """One member's year, as far as the grading rules care."""

    status: str  # Status code on the grading date
    admitted: dt.date | None = None  # date of the admission decision
    suspended: bool = False  # suspended from Party activities
    sick_months: int = 0  # total time on sick leave in the year, in whole months
    maternity: bool = False  # on maternity leave in the year
    temporarily_elsewhere: bool = False  # temporarily active in another branch
    disciplines: tuple[tuple[dt.date, str], ...] = ()  # (decision date, DisciplineKind code)
    remedied: bool = False  # the member admitted the fault, found it themselves and remedied it


@dataclass(frozen=True)
class Eligibility:
    graded: bool
    reason: str  # NotGradedReason code, "" when graded
    message: str  # translated, "" when graded
    notes: tuple[str, ...]  # GradingNote codes
    graded_from: dt.date | None  # a new member: the first day they can be graded
    rule_id: str
    source: str
    policy_version: str


def grading_eligibility(facts: GradingFacts, grading_date: dt.date, *, policy: Policy | None = None) -> Eligibility:
    """Whether the member is graded on *grading_date*, and why not. ValueError for someone not a member."""
    if facts.status not in Status.MEMBERS:
        raise ValueError(f"only Party members are graded, not status {facts.status!r}")
    policy = policy or policy_for(grading_date)
    notes = []
    if facts.sick_months >= policy.grading_sick_months:
        notes.append(GradingNote.SICK)
    if facts.maternity:
        notes.append(GradingNote.MATERNITY)
    if facts.temporarily_elsewhere:
        notes.append(GradingNote.ELSEWHERE)

    def result(graded: bool, reason: str, message: str, rule: str, start: dt.date | None = None) -> Eligibility:
        return Eligibility(graded, reason, message, tuple(notes), start, rule, policy.source(rule), policy.version)

    if facts.status == Status.EXEMPT:
        return result(False, NotGradedReason.EXEMPT, _("Exempt from Party work and activities: not graded."),
                      "not_graded")
    if facts.suspended:
        return result(False, NotGradedReason.SUSPENDED, _("Suspended from Party activities: not graded."),
                      "not_graded")
    if facts.admitted is not None:
        start = add_months(facts.admitted, policy.grading_min_membership_months)
        if grading_date < start:
            return result(False, NotGradedReason.NEW_MEMBER, _(
                "Admitted on {date}, less than {months} months before the grading: not graded.").format(
                date=format_date(facts.admitted), months=policy.grading_min_membership_months),
                "grading_min_membership_months", start)
    return result(True, "", "", "not_graded")


def check_member_grade(grade: str, facts: GradingFacts, *, year: int, grading_date: dt.date,
                       policy: Policy | None = None) -> Findings:
    """Findings for giving *grade* to the member for *year*: errors when the rules refuse it."""
    if grade not in Grade.codes():
        raise ValueError(f"unknown grade {grade!r}")
    policy = policy or policy_for(grading_date)
    found = Findings(policy)
    eligibility = grading_eligibility(facts, grading_date, policy=policy)
    if not eligibility.graded:
        found.error(eligibility.rule_id, f"{eligibility.message} ({eligibility.source})")
        return found
    in_year = sorted((day, kind) for day, kind in facts.disciplines if day.year == year)
    if in_year and grade != Grade.NOT_COMPLETED:
        day, kind = in_year[-1]
        found.add(WARNING if facts.remedied else ERROR, "discipline_grade", _(
            "Disciplined in {year} (“{kind}”, {date}): the grade is “{grade}” ({source}).").format(
            year=year, kind=DisciplineKind.label(kind), date=format_date(day),
            grade=Grade.label(Grade.NOT_COMPLETED), source=policy.source("discipline_grade")))
    return found


# ---- the cap on "excellent" and the published share ------------------------------------------


def _cap_rule(outstanding_unit: bool) -> str:
    return "excellent_cap_outstanding_percent" if outstanding_unit else "excellent_cap_percent"


def excellent_cap(good: int, *, outstanding_unit: bool = False, policy: Policy | None = None,
                  on: dt.date | None = None) -> int:
    """The most "excellent" allowed in a group where *good* are graded "good": 20 % (25 %) of them, rounded down."""
    if good < 0:
        raise ValueError("counts cannot be negative")
    policy = policy or policy_for(on)
    return good * getattr(policy, _cap_rule(outstanding_unit)) // 100


def check_excellent_cap(excellent: int, good: int, *, outstanding_unit: bool = False, policy: Policy | None = None,
                        on: dt.date | None = None) -> Findings:
    """A warning naming the counts when *excellent* exceed the cap set by *good* (exactly at the cap is allowed).

    The counts are those of one comparable group (members of like position and role, or like organisations).
    """
    if excellent < 0 or good < 0:
        raise ValueError("counts cannot be negative")
    policy = policy or policy_for(on)
    found = Findings(policy)
    rule = _cap_rule(outstanding_unit)
    percent = getattr(policy, rule)
    if excellent * 100 > percent * good:
        found.warning(rule, _(
            "Graded “{excellent_label}”: {excellent}, more than {percent}% of those graded “{good_label}” ({good}); "
            "at most {cap} in this group ({source}).").format(
            excellent_label=Grade.label(Grade.EXCELLENT), excellent=excellent, percent=percent,
            good_label=Grade.label(Grade.GOOD), good=good, cap=good * percent // 100, source=policy.source(rule)))
    return found


def grade_counts(grades: Iterable[str]) -> dict[str, int]:
    """How many of each grade (every grade present, best first). ValueError for an unknown code."""
    counts = dict.fromkeys(Grade.codes(), 0)
    for grade in grades:
        if grade not in counts:
            raise ValueError(f"unknown grade {grade!r}")
        counts[grade] += 1
    return counts


def good_or_better_share(counts: Mapping[str, int]) -> Fraction | None:
    """The exact share graded "good" or "excellent" among those graded; None when nobody is graded."""
    if any(code not in Grade.codes() for code in counts) or any(n < 0 for n in counts.values()):
        raise ValueError("counts are non-negative numbers of known grades")
    total = sum(counts.values())
    if total == 0:
        return None
    return Fraction(sum(counts.get(code, 0) for code in Grade.GOOD_OR_BETTER), total)


def failed_years_running(grades_by_year: Mapping[int, str], year: int, *, policy: Policy | None = None) -> bool:
    """Whether the member was graded "did not complete tasks" in *year* and the years just before it, as many
    years running as the strike-off rule asks (2): a ground for the branch to consider striking off."""
    policy = policy or policy_for(dt.date(year, 12, 31))
    years = range(year - policy.strike_off_failed_years + 1, year + 1)
    return all(grades_by_year.get(y) == Grade.NOT_COMPLETED for y in years)
