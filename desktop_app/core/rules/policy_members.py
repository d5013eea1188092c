"""The parameters of a member's life after admission, with their sources (domain.md §1.7, §6, §7).

Party fees (Decision 342-QĐ/TW of 28/12/2010 and Guidance 03-HD/VPTW of 06/7/2016), re-admission
(Regulation 294-QĐ/TW point 3.5), striking off (Party Charter Article 8.2), annual grading (Regulation
366-QĐ/TW and Guidance 43-HD/BTCTW) and Party badges (Guidance 01-HD/TW, point 18). Every policy has
these fields (:class:`.policy.Policy` inherits them); the transfer deadlines sit with the meeting rules
in :mod:`.policy`. Rules that are not numbers are in :data:`MEMBER_RULES`.

Third-party material mentions a 2026 regulation on Party fees replacing 342-QĐ/TW; it was not verified
and is not encoded. When it is, it becomes a new policy in :mod:`.registry` with its own values.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.rules.params import param
from desktop_app.i18n import N_

# A share as (numerator, denominator): 1 % is (1, 100), 0.5 % is (1, 200). Exact, no floats.
Share = tuple[int, int]
# A row of the fixed-fee table: (FeeGroup code, FeeArea code, đồng a month).
FeeRow = tuple[str, str, int]

_FEES = N_("Decision 342-QĐ/TW (28/12/2010), Part I")
_BADGES = N_("Guidance 01-HD/TW (2021), point 18 (unconfirmed under 06-HD/TW)")
_EVALUATION_BEFORE_366 = N_("Annual evaluation rules before Regulation 366-QĐ/TW (values unconfirmed)")
_GUIDANCE_25 = N_("Guidance 25-HD/BTCTW (2023) (point unconfirmed)")


@dataclass(frozen=True, kw_only=True)
class MemberLifeParameters:
    """Fees, striking off, re-admission, grading and badges; see each field's source."""

    # ---- Party fees (domain.md §6) -------------------------------------------------------------
    # Salaried staff of agencies, the armed forces and the political system: 1 % of salary and allowances.
    fee_salary_rate: Share = param((1, 100), _FEES)
    # Members drawing a pension or monthly social-insurance allowance: 0.5 % of it.
    fee_pension_rate: Share = param((1, 200), _FEES)
    # Members working in enterprises and public service units: 1 % of their income from the wage fund.
    fee_wage_income_rate: Share = param((1, 100), _FEES)
    # Other members: a fixed amount from 2,000 to 30,000 đồng a month, by group and area.
    fee_fixed_table: tuple[FeeRow, ...] = param(
        (("other", "area_1", 10_000), ("other", "area_2", 8_000), ("other", "area_3", 6_000),
         ("other", "area_4", 4_000)),
        N_("Decision 342-QĐ/TW, Part I (2,000 to 30,000 đồng); Guidance 03-HD/VPTW (table unconfirmed)"),
        configurable=True, unconfirmed=True, label=N_("Fixed monthly Party fee by group and area (đồng)"),
        minimum=2_000, maximum=30_000, shape="fee_table")
    # A member of the fixed-amount groups beyond working age pays half the table amount.
    fee_beyond_working_age_percent: int = param(50, N_("Guidance 03-HD/VPTW"))
    # A suspended member is still a member and pays (the duty to pay fees).
    fee_suspended_members_pay: bool = param(True, N_("Party Charter, Article 2.4"))
    # Whether members exempt from Party work and activities still pay (UNCONFIRMED).
    fee_exempt_members_pay: bool = param(
        True, N_("Decision 342-QĐ/TW (unconfirmed for exempt members)"), configurable=True, unconfirmed=True,
        label=N_("Members exempt from Party activities still pay Party fees"))
    # Amounts are rounded half up to a multiple of this many đồng (whole đồng unless set otherwise).
    fee_rounding_dong: int = param(
        1, N_("Guidance 03-HD/VPTW (rounding unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Round Party fees to a multiple of (đồng)"), minimum=1, maximum=1_000)
    # A branch under a grassroots committee remits 70 % of the fees it collects and keeps 30 %.
    fee_remit_percent: int = param(70, N_("Decision 342-QĐ/TW, Part II, point 1"))
    # A grassroots branch (no grassroots committee above it) remits this share upward (UNCONFIRMED: not set).
    fee_grassroots_remit_percent: int | None = param(
        None, N_("Decision 342-QĐ/TW, Part II, point 1 (share unconfirmed)"), configurable=True,
        unconfirmed=True, label=N_("Share of Party fees a grassroots branch remits upward (%)"),
        minimum=0, maximum=100, optional=True)

    # ---- striking off (domain.md §6) ---------------------------------------------------------
    # Whether months without activity and months without fees add up to the three months (UNCONFIRMED).
    strike_off_counts_together: bool = param(
        False, N_("Party Charter, Article 8.2 (reading unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Count months without activity and months without fees together towards striking off"))
    # Years running graded "did not complete tasks" before the branch considers striking off.
    strike_off_failed_years: int = param(
        2, N_("Regulation {regulation}, point 8.1 (reading unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Years running graded “did not complete tasks” before striking off is considered"),
        minimum=1, maximum=5)

    # ---- re-admission (domain.md §1.1 and §1.7) -----------------------------------------------
    # At least 36 months after leaving the Party.
    readmission_wait_months: int = param(36, N_("Regulation {regulation}, point 3.5.1"))
    # At least 60 months after the criminal record of a less serious offence is cleared.
    readmission_record_cleared_months: int = param(60, N_("Regulation {regulation}, point 3.5.1"))

    # ---- annual grading (domain.md §6) ---------------------------------------------------------
    # Not graded: admitted less than 6 months before the grading (also exempt and suspended members).
    grading_min_membership_months: int = param(6, N_("Regulation 366-QĐ/TW, Article 5, point 2.1"))
    # Sick for 3 months or more in the year (or on maternity leave): graded on the work actually done.
    grading_sick_months: int = param(3, N_("Guidance 43-HD/BTCTW, point 7.5"))
    # "Excellent" at most 20 % of those graded "good" in the comparable group; 25 % in outstanding units.
    excellent_cap_percent: int = param(20, N_("Regulation 366-QĐ/TW, Article 11, point 1.5"))
    excellent_cap_outstanding_percent: int = param(25, N_("Regulation 366-QĐ/TW, Article 11, point 1.5"))

    # ---- Party badges (domain.md §6; UNCONFIRMED whether 06-HD/TW restates them) ----------------
    badge_milestones_years: tuple[int, ...] = param(
        (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90), _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge milestones (years of party age)"), minimum=1, maximum=100, shape="ints")
    # Award days as (day, month): 3/2, 19/5, 2/9 and 7/11.
    badge_award_days: tuple[tuple[int, int], ...] = param(
        ((3, 2), (19, 5), (2, 9), (7, 11)), _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge award days (day/month)"), shape="day_months")
    # A seriously ill member may be considered early: up to 12 months for 30–65 years, 24 for 70–90.
    badge_ill_early_months: int = param(
        12, _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge: seriously ill members considered early by up to (months)"), minimum=0, maximum=24)
    badge_senior_from_years: int = param(
        70, _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge: longer early consideration from the milestone of (years)"), minimum=1, maximum=100)
    badge_ill_early_months_senior: int = param(
        24, _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge: seriously ill members considered early from that milestone by up to (months)"),
        minimum=0, maximum=36)
    # A deceased member may be awarded posthumously up to 12 months early.
    badge_posthumous_early_months: int = param(
        12, _BADGES, configurable=True, unconfirmed=True,
        label=N_("Party badge: awarded posthumously up to (months) early"), minimum=0, maximum=24)


# Rules that are not numbers, with their sources (joined into policy.RULES).
MEMBER_RULES: dict[str, str] = {
    "fee_status": N_("Party Charter, Article 2.4"),
    "fee_decided": N_("Decision 342-QĐ/TW (28/12/2010)"),
    "transfer_under_inspection": N_("Regulation {regulation}, point 6.3.1"),
    "readmission_barred": N_("Regulation {regulation}, point 3.5.2"),
    "discipline_kinds": N_("Party Charter, Article 35"),
    "discipline_branch": N_("Party Charter, Article 36"),
    "discipline_grade": N_("Regulation 366-QĐ/TW, Article 11, point 4"),
    "not_graded": N_("Regulation 366-QĐ/TW, Article 5, point 2.1"),
    "graded_elsewhere": N_("Guidance 43-HD/BTCTW, point 7.6"),
}

# Policies in force before Regulation 366-QĐ/TW (30/8/2025): the grading values are assumed the same.
EVALUATION_BEFORE_366: tuple[tuple[str, str], ...] = tuple(
    (name, _EVALUATION_BEFORE_366) for name in (
        "grading_min_membership_months", "grading_sick_months", "excellent_cap_percent",
        "excellent_cap_outstanding_percent", "discipline_grade", "not_graded", "graded_elsewhere"))
# From 366-QĐ/TW until Guidance 43-HD/BTCTW (31/10/2025) the guidance was still 25-HD/BTCTW (2023).
GUIDANCE_BEFORE_43: tuple[tuple[str, str], ...] = (
    ("grading_sick_months", _GUIDANCE_25), ("graded_elsewhere", _GUIDANCE_25))
