"""The parameters of a member's life after admission, with their sources (domain.md §1.7, §6, §7).

Party fees, re-admission (Regulation 294-QĐ/TW point 3.5), striking off (Party Charter Article 8.2), annual
grading (Regulation 366-QĐ/TW and Guidance 43-HD/BTCTW) and Party badges (Guidance 01-HD/TW, point 18). Every
policy has these fields (:class:`.policy.Policy` inherits them); the transfer deadlines sit with the meeting rules
in :mod:`.policy`. Rules that are not numbers are in :data:`MEMBER_RULES`.

Party fees follow two regulations, chosen by ``fee_regulation``:

* months to 01/2026: Decision 342-QĐ/TW (28/12/2010) and Guidance 03-HD/VPTW (06/7/2016), the values of
  :data:`FEES_342` (the policies in :mod:`.registry` before 01/02/2026 carry them);
* months from 02/2026: Regulation 01-QĐ/TW of the Politburo (03/02/2026, in force from 01/02/2026), which
  replaced 342-QĐ/TW. The field defaults below are its values. What the sources say (press reports of
  06–09/02/2026 in vietnamnet.vn, dantri.com.vn, thanhnien.vn, baophutho.vn, baogialai.com.vn; the
  legal digests of thuvienphapluat.vn "09 quy định mới về Thẻ Đảng và Đảng phí từ tháng 02/2026" and
  "Đóng đảng phí theo lương tối thiểu vùng từ 02/2026"; luatvietnam.vn; phapluatvacuocsong.vn "Các nhóm được
  miễn, giảm đảng phí"; the notice of the Party committee of Phạm Ngọc Thạch University, khoaduoc.pnt.edu.vn):

  - Article 3, point 1: a member in compulsory social insurance pays 1 % of the salary on which social insurance
    was paid the month before; on sickness or maternity leave, 1 % of the allowance social insurance pays;
  - Article 3, point 2: a member outside compulsory social insurance who draws a pension pays 0.5 % of it; a
    pupil or student 5,000 đồng a month; (point 2.2) any other member a share of the monthly regional minimum
    wage of the area where they are active in the Party: below retirement age 0.3 % (01/01/2026–31/12/2027),
    0.5 % from 01/01/2028; at or beyond retirement age 0.2 %, then 0.3 % from 01/01/2028;
  - Article 5, point 1: exempt are members with 50 or more years of party age, members drawing the social
    retirement allowance, and, on application to the branch, members in special hardship (poor or near-poor
    household, grave illness); other members in hardship may be exempted or have the fee reduced by 30 %, 50 %
    or 70 %, each time for at most 12 months, decided by the committee above (a grassroots branch decides
    itself); point 2: members exempt from activities because they work far away may pay late or in advance
    for at most the time of the exemption;
  - Article 2: fees are paid monthly on the National Public Service Portal or in cash to the branch; members
    may pay more of their own will (the committee above decides); three months in a year unpaid without valid
    reason: the branch proposes striking the member off.

  Not found in any source and therefore configurable, with today's best reading as the default: the regional
  minimum wages (Decree 293/2025/NĐ-CP from 01/01/2026: 5,310,000 / 4,730,000 / 4,140,000 / 3,700,000 đồng,
  as several independent tables give them), the share a branch under a grassroots committee remits upward
  (one secondary source says the branch keeps 70 %, so 30 % is remitted), how far ahead a member may pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.rules.params import param
from desktop_app.i18n import N_

# A share as (numerator, denominator): 1 % is (1, 100), 0.5 % is (1, 200). Exact, no floats.
Share = tuple[int, int]
# A row of the fixed-fee table: (FeeGroup code, FeeArea code, đồng a month).
FeeRow = tuple[str, str, int]
# An amount by area: (FeeArea code, đồng a month).
AreaAmount = tuple[str, int]

FEES_342 = "342-QĐ/TW"
FEES_01 = "01-QĐ/TW"
_FEES = N_("Decision 342-QĐ/TW (28/12/2010), Part I")
_FEES_01 = N_("Regulation 01-QĐ/TW (03/02/2026), in force from 01/02/2026")
_BADGES = N_("Guidance 01-HD/TW (2021), point 18 (unconfirmed under 06-HD/TW)")
_EVALUATION_BEFORE_366 = N_("Annual evaluation rules before Regulation 366-QĐ/TW (values unconfirmed)")
_GUIDANCE_25 = N_("Guidance 25-HD/BTCTW (2023) (point unconfirmed)")


@dataclass(frozen=True, kw_only=True)
class MemberLifeParameters:
    """Fees, striking off, re-admission, grading and badges; see each field's source."""

    # ---- Party fees (domain.md §6; see the module docstring) -------------------------------------------
    # Which regulation the fee rules of this policy follow: FEES_01 or FEES_342.
    fee_regulation: str = param("01-QĐ/TW", _FEES_01)
    # In compulsory social insurance: 1 % of the salary social insurance was paid on the month before (342-QĐ/TW:
    # 1 % of salary and allowances of staff of agencies, the armed forces and the political system).
    fee_salary_rate: Share = param((1, 100), N_("Regulation 01-QĐ/TW, Article 3, point 1"))
    # Drawing a pension and outside compulsory social insurance: 0.5 % of it (342-QĐ/TW: of the pension or monthly
    # social-insurance allowance).
    fee_pension_rate: Share = param((1, 200), N_("Regulation 01-QĐ/TW, Article 3, point 2"))
    # Working in an enterprise or public service unit: 1 % (342-QĐ/TW: of income from the wage fund; 01-QĐ/TW:
    # such members are in compulsory social insurance and pay on their insured salary).
    fee_wage_income_rate: Share = param((1, 100), N_("Regulation 01-QĐ/TW, Article 3, point 1"))
    # On sickness or maternity leave paid by social insurance: 1 % of the allowance.
    fee_allowance_rate: Share = param((1, 100), N_("Regulation 01-QĐ/TW, Article 3, point 1"))
    # 342-QĐ/TW, other members: a fixed amount from 2,000 to 30,000 đồng a month, by group and area.
    fee_fixed_table: tuple[FeeRow, ...] = param(
        (("other", "area_1", 10_000), ("other", "area_2", 8_000), ("other", "area_3", 6_000),
         ("other", "area_4", 4_000)),
        N_("Decision 342-QĐ/TW, Part I (2,000 to 30,000 đồng); Guidance 03-HD/VPTW (table unconfirmed)"),
        configurable=True, unconfirmed=True, label=N_("Fixed monthly Party fee by group and area (đồng)"),
        minimum=2_000, maximum=30_000, shape="fee_table")
    # 342-QĐ/TW: a member of the fixed-amount groups beyond working age pays half the table amount.
    fee_beyond_working_age_percent: int = param(50, N_("Guidance 03-HD/VPTW"))
    # 01-QĐ/TW, other members: a share of the regional minimum monthly wage where they are active in the Party,
    # below retirement age (0.3 % to 31/12/2027, 0.5 % from 01/01/2028) and at or beyond it (0.2 %, then 0.3 %).
    fee_min_wage_rate: Share = param((3, 1000), N_("Regulation 01-QĐ/TW, Article 3, point 2.2"))
    fee_min_wage_rate_retired: Share = param((2, 1000), N_("Regulation 01-QĐ/TW, Article 3, point 2.2"))
    # The regional minimum monthly wage by area (FeeArea code, đồng).
    fee_regional_min_wage: tuple[AreaAmount, ...] = param(
        (("area_1", 5_310_000), ("area_2", 4_730_000), ("area_3", 4_140_000), ("area_4", 3_700_000)),
        N_("Decree 293/2025/NĐ-CP, from 01/01/2026 (amounts unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Regional minimum monthly wage by area (đồng)"), minimum=1_000_000, maximum=100_000_000,
        shape="area_amounts")
    # 01-QĐ/TW: a pupil or student pays 5,000 đồng a month.
    fee_student_amount: int = param(5_000, N_("Regulation 01-QĐ/TW, Article 3, point 2"))
    # A suspended member is still a member and pays (the duty to pay fees).
    fee_suspended_members_pay: bool = param(True, N_("Party Charter, Article 2.4"))
    # Whether members exempt from Party work and activities still pay (UNCONFIRMED).
    fee_exempt_members_pay: bool = param(
        True, N_("Decision 342-QĐ/TW; Regulation 01-QĐ/TW, Article 5, point 2 (unconfirmed for exempt members)"),
        configurable=True, unconfirmed=True, label=N_("Members exempt from Party activities still pay Party fees"))
    # 01-QĐ/TW: exempt from fees from 50 full years of party age (None: no such rule).
    fee_exempt_party_age_years: int | None = param(50, N_("Regulation 01-QĐ/TW, Article 5, point 1"))
    # The reductions a member in hardship may be granted (percent of the fee; empty: any the committee decides).
    fee_reduction_percents: tuple[int, ...] = param((30, 50, 70), N_("Regulation 01-QĐ/TW, Article 5, point 1"))
    # Each exemption or reduction granted on application lasts at most this many months (None: no limit).
    fee_relief_max_months: int | None = param(12, N_("Regulation 01-QĐ/TW, Article 5, point 1"))
    # How many months after the current one a member may pay in advance (UNCONFIRMED: members pay monthly).
    fee_advance_months: int = param(
        0, N_("Regulation 01-QĐ/TW, Articles 2 and 5 (members pay monthly; reading unconfirmed)"),
        configurable=True, unconfirmed=True, label=N_("Months a member may pay Party fees in advance"),
        minimum=0, maximum=12)
    # A member exempt from activities (working far away) may pay in advance for the time of the exemption.
    fee_exempt_advance_months: int = param(
        12, N_("Regulation 01-QĐ/TW, Article 5, point 2 (the length is that of the exemption; unconfirmed)"),
        configurable=True, unconfirmed=True,
        label=N_("Months a member exempt from activities may pay Party fees in advance"), minimum=0, maximum=24)
    # Amounts are rounded half up to a multiple of this many đồng (whole đồng unless set otherwise).
    fee_rounding_dong: int = param(
        1, N_("Guidance 03-HD/VPTW (rounding unconfirmed)"), configurable=True, unconfirmed=True,
        label=N_("Round Party fees to a multiple of (đồng)"), minimum=1, maximum=1_000)
    # 342-QĐ/TW: a branch under a grassroots committee remits 70 % of the fees it collects and keeps 30 %.
    fee_remit_percent: int = param(70, N_("Decision 342-QĐ/TW, Part II, point 1"))
    # 01-QĐ/TW: the share such a branch remits (UNCONFIRMED: a secondary source says the branch keeps 70 %).
    fee_branch_remit_percent: int = param(
        30, N_("Regulation 01-QĐ/TW (share unconfirmed; a secondary source says the branch keeps 70%)"),
        configurable=True, unconfirmed=True,
        label=N_("Share of Party fees a branch under a grassroots committee remits upward from 02/2026 (%)"),
        minimum=0, maximum=100)
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

    # ---- the member record ----------------------------------------------------------------------------------
    # The central member database's data-entry workbook, as peer tools write it, asks for 12 digits; the card
    # number's format itself is not published (domain.md: UNCONFIRMED), and older cards carry other numbers.
    # 0: the length is not checked.
    card_number_digits: int = param(
        12, N_("Central member database's data-entry workbook (format unconfirmed)"), configurable=True,
        unconfirmed=True, label=N_("Digits of a Party card number (0: not checked)"), minimum=0, maximum=20)


# Rules that are not numbers, with their sources (joined into policy.RULES).
MEMBER_RULES: dict[str, str] = {
    "fee_status": N_("Party Charter, Article 2.4"),
    "fee_decided": N_("Regulation 01-QĐ/TW, Article 2 (an amount the committee decided)"),
    "fee_relief": N_("Regulation 01-QĐ/TW, Article 5, point 1"),
    "fee_payment": N_("Regulation 01-QĐ/TW, Article 2"),
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

# The fee rules of the policies before Regulation 01-QĐ/TW (months to 01/2026): values and sources that differ.
FEES_342_VALUES: dict[str, Any] = {
    "fee_regulation": FEES_342, "fee_exempt_party_age_years": None, "fee_reduction_percents": (),
    "fee_relief_max_months": None,
}
_RELIEF_342 = N_("Decision 342-QĐ/TW (exemption or reduction decided by the committee; shares unconfirmed)")
_PAY_342 = N_("Decision 342-QĐ/TW (members pay monthly; reading unconfirmed)")
FEES_342_SOURCES: tuple[tuple[str, str], ...] = (
    ("fee_regulation", N_("Decision 342-QĐ/TW (28/12/2010)")),
    ("fee_salary_rate", _FEES), ("fee_pension_rate", _FEES), ("fee_wage_income_rate", _FEES),
    ("fee_allowance_rate", N_("Decision 342-QĐ/TW (no rule of its own; taken as a share of salary, unconfirmed)")),
    ("fee_exempt_members_pay", N_("Decision 342-QĐ/TW (unconfirmed for exempt members)")),
    ("fee_exempt_party_age_years", N_("Decision 342-QĐ/TW (no exemption by party age)")),
    ("fee_reduction_percents", _RELIEF_342), ("fee_relief_max_months", _RELIEF_342), ("fee_relief", _RELIEF_342),
    ("fee_advance_months", _PAY_342), ("fee_exempt_advance_months", _PAY_342), ("fee_payment", _PAY_342),
    ("fee_decided", N_("Decision 342-QĐ/TW (28/12/2010)")),
)
# Regulation 01-QĐ/TW from 01/01/2028: the shares of the regional minimum wage rise.
FEES_01_FROM_2028: dict[str, Any] = {"fee_min_wage_rate": (1, 200), "fee_min_wage_rate_retired": (3, 1000)}
