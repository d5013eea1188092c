"""Ages, validity periods and deadlines of the admission pipeline (domain.md §1, §7).

Periods in months follow :mod:`.months` (the Civil Code convention). Limits in working days follow
:mod:`desktop_app.core.calendar`: "within 30 working days of X" ends on the 30th working day after
X, X itself not counted. Every function takes ``policy=``; by default the policy in force on the
date the rule is applied (the vote date, the ceremony date, the resolution date…).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import calendar as _calendar
from desktop_app.core.rules.months import add_months, complete_months
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import format_date

KINDS = ("admission", "recognition")


@dataclass(frozen=True)
class Deadline:
    """A computed date, the rule (policy parameter) that set it, its source and the policy version."""

    date: dt.date
    rule_id: str
    source: str  # translated citation, e.g. "Quy định 294-QĐ/TW, điểm 4.1"
    policy_version: str

    def __str__(self) -> str:
        return format_date(self.date)

    def days_left(self, on: dt.date) -> int:
        """Calendar days from *on* to the deadline (negative once it has passed)."""
        return (self.date - on).days

    def working_days_left(self, on: dt.date, calendar: _calendar.WorkCalendar | None = None) -> int:
        return _calendar.working_days_between(on, self.date, calendar)


def _deadline(day: dt.date, rule_id: str, policy: Policy) -> Deadline:
    return Deadline(day, rule_id, policy.source(rule_id), policy.version)


# ---- age ------------------------------------------------------------------------------------


def age_in_months(birth: dt.date, on: dt.date) -> int:
    """Completed months of age on *on* (see :mod:`.months`: born 31/01 → one month on 28/02).

    Someone born on 29/02 completes each year on 28/02 in common years.
    """
    return complete_months(birth, on)


def admission_age_ok(birth: dt.date, vote_date: dt.date, *, policy: Policy | None = None) -> bool:
    """From fully 18 to fully 60 years, counted in months, on the day the branch votes.

    Regulation 294-QĐ/TW point 1.1.1 ("đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)"): 216 to 720
    completed months inclusive. Someone of 60 years and 0 months (up to the day before 60 years and
    1 month) is still "fully 60"; from 721 months the person is over 60, and admission then needs the
    written consent of the provincial standing board (point 1.1.2) — not covered by this check.
    """
    policy = policy or policy_for(vote_date)
    months = age_in_months(birth, vote_date)
    return policy.min_age_months <= months <= policy.max_age_months


def youth_age(birth: dt.date, on: dt.date, *, policy: Policy | None = None) -> bool:
    """Whether the person is of Youth Union age (up to the configured limit, 30 by default)."""
    policy = policy or policy_for(on)
    return age_in_months(birth, on) < policy.youth_age_max_years * 12 + 12


# ---- awareness-class certificate and dossier -------------------------------------------------


def certificate_expiry(issued: dt.date, *, policy: Policy | None = None, on: dt.date | None = None) -> Deadline:
    """The first day the awareness-class certificate is no longer valid: 60 months after issue.

    Guidance 06-HD/TW point 5.4 (and its worked example: a certificate of 15/01/2020 "đến ngày
    15/01/2025 là hết hạn"). The last valid day is the day before. The rule is the one in force on
    *on*, the day validity is judged (by default the issue date).
    """
    policy = policy or policy_for(on or issued)
    return _deadline(add_months(issued, policy.certificate_valid_months), "certificate_valid_months", policy)


def certificate_valid(issued: dt.date, on: dt.date, *, policy: Policy | None = None) -> bool:
    """Valid from the issue date up to the day before 60 months have run (15/01/2020 → last valid 14/01/2025)."""
    policy = policy or policy_for(on)
    return issued <= on < add_months(issued, policy.certificate_valid_months)


def dossier_stale_after(created: dt.date, *, policy: Policy | None = None, on: dt.date | None = None) -> Deadline:
    """The last day a dossier document (introduction, union resolution, opinion summary) is still current.

    "More than 12 months without the branch considering admission": on the anniversary it is still
    current, the day after it must be redone (UNCONFIRMED under 06-HD/TW; the months are configurable).
    The rule is the one in force on *on*, the day staleness is judged (by default *created*).
    """
    policy = policy or policy_for(on or created)
    return _deadline(add_months(created, policy.dossier_stale_months), "dossier_stale_months", policy)


def dossier_stale(created: dt.date, on: dt.date, *, policy: Policy | None = None) -> bool:
    """True once more than ``dossier_stale_months`` (12) months have passed since *created*."""
    policy = policy or policy_for(on)
    return on > add_months(created, policy.dossier_stale_months)


def introducer_eligible(is_official: bool, together_since: dt.date | None, on: dt.date, *,
                        policy: Policy | None = None) -> bool:
    """An official member who has worked, studied or lived alongside the applicant at least 12 months.

    Party Charter Article 4.2; Regulation 294-QĐ/TW point 3.2.1. The 12 months are of co-working,
    not of the introducer's own official membership. Complete on the same day of month 12 months later.
    """
    if not is_official or together_since is None:
        return False
    policy = policy or policy_for(on)
    return complete_months(together_since, on) >= policy.introducer_months


# ---- after the branch resolution ------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")


def decision_deadline(branch_resolution_date: dt.date, kind: str = "admission", *, extended: bool = False,
                      policy: Policy | None = None) -> Deadline:
    """Last day for the competent committee's decision: 60 working days (admission) or 30 (recognition)
    after the branch resolution; *extended* adds the at most 30 working days allowed in special cases.

    Regulation 294-QĐ/TW point 4.3.1.
    """
    _check_kind(kind)
    policy = policy or policy_for(branch_resolution_date)
    days = policy.decision_admission_working_days if kind == "admission" else policy.decision_recognition_working_days
    if extended:
        days += policy.decision_extension_working_days
    rule = "decision_admission_working_days" if kind == "admission" else "decision_recognition_working_days"
    return _deadline(_calendar.add_working_days(branch_resolution_date, days), rule, policy)


def ceremony_deadline(decision_date: dt.date, *, policy: Policy | None = None) -> Deadline:
    """Last day for the admission ceremony: 30 working days after the decision is received (point 4.1)."""
    policy = policy or policy_for(decision_date)
    return _deadline(_calendar.add_working_days(decision_date, policy.ceremony_working_days),
                     "ceremony_working_days", policy)


def probation_end(ceremony: dt.date, *, policy: Policy | None = None) -> dt.date:
    """The day the 12 months of probation are complete (Party Charter Article 5.1): 15/03/2025 → 15/03/2026."""
    policy = policy or policy_for(ceremony)
    return add_months(ceremony, policy.probation_months)


def official_from(ceremony: dt.date, *, policy: Policy | None = None) -> Deadline:
    """The date a recognised member is official from: the end of the 12 months, even if the vote or the
    decision came late (Regulation 294-QĐ/TW point 4.2.2)."""
    policy = policy or policy_for(ceremony)
    return _deadline(probation_end(ceremony, policy=policy), "official_at_probation_end", policy)


def history_declaration_deadline(ceremony: dt.date, *, policy: Policy | None = None) -> Deadline:
    """Party-member history and record slip declared within 30 working days of the ceremony (12-HD/BTCTW)."""
    policy = policy or policy_for(ceremony)
    return _deadline(_calendar.add_working_days(ceremony, policy.history_declaration_working_days),
                     "history_declaration_working_days", policy)


def recognition_vote_deadline(ceremony: dt.date, *, policy: Policy | None = None) -> Deadline:
    """Last day for the branch's recognition vote: 30 working days after the 12 months (point 4.2.1)."""
    policy = policy or policy_for(ceremony)
    end = probation_end(ceremony, policy=policy)
    return _deadline(_calendar.add_working_days(end, policy.recognition_vote_working_days),
                     "recognition_vote_working_days", policy)


def party_age_months(admission_date: dt.date, on: dt.date, *, policy: Policy | None = None) -> int:
    """Completed months of party age: from the date written in the admission decision (Charter Article 5.4)."""
    return max(complete_months(admission_date, on), 0)


# ---- working days (no policy involved; ``policy=`` is accepted for a uniform signature) -------


def is_working_day(day: dt.date, *, policy: Policy | None = None,
                   calendar: _calendar.WorkCalendar | None = None) -> bool:
    return _calendar.is_working_day(day, calendar)


def add_working_days(start: dt.date, n: int, *, policy: Policy | None = None,
                     calendar: _calendar.WorkCalendar | None = None) -> dt.date:
    """The *n*-th working day after *start* (start itself not counted)."""
    return _calendar.add_working_days(start, n, calendar)
