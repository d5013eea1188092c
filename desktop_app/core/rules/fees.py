"""Party fees (đảng phí): the amount due each month, arrears, and the share remitted upward. Months to 01/2026
follow Decision 342-QĐ/TW of 28/12/2010 and Guidance 03-HD/VPTW of 06/7/2016; months from 02/2026 Regulation
01-QĐ/TW of 03/02/2026 (the policy's ``fee_regulation``; sources in :mod:`.policy_members`). Amounts are whole
đồng (int).

How to call it. A member has fee bases (:class:`FeeBasis`), each in force from its ``effective`` date until
the next one (a raise, retirement, a move to the fixed amounts), and may have reliefs (:mod:`.fee_relief`).
For one month::

    basis = basis_for_month(bases, Month(2026, 11))      # the latest basis dated on or before 30/11/2026
    due = monthly_fee(basis, Month(2026, 11), status=Status.OFFICIAL, party_age_from=admitted,
                      relief=relief_for_month(reliefs, Month(2026, 11)))
    due.due, due.amount, due.reason, due.source          # owed?, đồng (None: cannot be set), why, citation

* Shares, both regulations: 1 % of salary (342: salary and allowances; 01: the salary social insurance was paid
  on the month before), 0.5 % of a pension, 1 % of wage-fund income, 1 % of a sickness or maternity allowance.
* The fixed kind (members without salary or pension): under 342 the amount of the table
  (``policy.fee_fixed_table``, configurable) by group and area, half of it beyond working age; under 01 a pupil
  or student pays ``fee_student_amount`` (5,000 đồng) and any other member a share of the regional minimum wage
  of the area (0.3 %, or 0.2 % at or beyond retirement age, to 12/2027; 0.5 % and 0.3 % from 01/2028).
* An amount the committee set, or waived (0). A basis dated any day of a month applies to that whole month,
  and the rules are those in force on the month's last day (so 01/2026 follows 342, 02/2026 follows 01).
* Exemptions and reductions: under 01 a member with 50 or more full years of party age on the month's last day
  owes nothing; a :class:`.fee_relief.FeeRelief` covering the month exempts or reduces the fee.
* Suspended members still pay (Party Charter Article 2.4); whether exempt members pay is UNCONFIRMED and
  configurable (``fee_exempt_members_pay``, yes by default); people who are not members owe nothing.
* Rounding: half up to a multiple of ``fee_rounding_dong`` đồng (1 by default, i.e. whole đồng; the rule is
  UNCONFIRMED and configurable). 8,543,250 đồng at 1 % → 85,433 đồng (85,432.5 rounded up).
* :func:`arrears` (months due against months paid, with or without amounts) and :func:`unpaid_months_in_year` (the
  months that count towards striking off, see :mod:`.strike_off`).
* :func:`fee_split`: what the branch remits upward and keeps: under 342, 70 % / 30 % for a branch under a
  grassroots committee; under 01, ``fee_branch_remit_percent`` (30 % by default, UNCONFIRMED); for a grassroots
  branch the share is a setting with no default (None until it is set).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.core.enums import Status
from desktop_app.core.member_codes import FeeArea, FeeBasisKind, FeeGroup
from desktop_app.core.rules.fee_relief import FeeRelief
from desktop_app.core.rules.months import Month, complete_months
from desktop_app.core.rules.policy import PARAMETERS, Policy
from desktop_app.core.rules.policy_members import FEES_342
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_number


@dataclass(frozen=True)
class FeeBasis:
    """What one member's monthly fee is computed from, from ``effective`` on.

    ``income``: đồng a month of salary, pension, wage-fund income or allowance (the share kinds);
    ``group`` and ``area``: FeeGroup and FeeArea codes (FIXED); ``amount``: đồng a month (SET_AMOUNT);
    ``beyond_working_age``: the member is at or beyond retirement age (FIXED: half the table amount under 342,
    the lower share of the minimum wage under 01).
    """

    kind: str
    effective: dt.date
    income: int = 0
    group: str = ""
    area: str = ""
    amount: int = 0
    beyond_working_age: bool = False

    def __post_init__(self) -> None:
        if self.kind not in FeeBasisKind.codes():
            raise ValueError(f"unknown fee basis kind {self.kind!r}")
        if self.income < 0 or self.amount < 0:
            raise ValueError("fee incomes and amounts cannot be negative")


@dataclass(frozen=True)
class FeeDue:
    """The fee of one member for one month."""

    month: Month
    due: bool  # False when nothing is owed (not a member, exempt by rule or decision, or exempt from activities)
    amount: int | None  # đồng; None when it cannot be set (no basis, or no table amount for the group and area)
    rule_id: str
    reason: str  # translated
    source: str  # translated citation
    policy_version: str


def round_money(numerator: int, denominator: int, unit: int = 1) -> int:
    """numerator / denominator đồng rounded half up to a multiple of *unit* (exact integer arithmetic)."""
    if denominator <= 0 or unit <= 0 or numerator < 0:
        raise ValueError("amounts are rounded from a non-negative value, a positive denominator and unit")
    quotient, remainder = divmod(numerator, denominator * unit)
    if 2 * remainder >= denominator * unit:
        quotient += 1
    return quotient * unit


def share_text(share: tuple[int, int]) -> str:
    """(1, 200) → '0.5%' ('0,5%' in Vietnamese)."""
    value = Decimal(share[0] * 100) / Decimal(share[1])
    if value == value.to_integral_value():
        return format_number(int(value)) + "%"
    return format_number(float(value), 1) + "%"


_SHARE_RULES = {
    FeeBasisKind.SALARY: "fee_salary_rate",
    FeeBasisKind.PENSION: "fee_pension_rate",
    FeeBasisKind.WAGE_INCOME: "fee_wage_income_rate",
    FeeBasisKind.ALLOWANCE: "fee_allowance_rate",
}


def _share_reason(kind: str, regulation: str) -> str:
    if kind == FeeBasisKind.ALLOWANCE:
        return _("{share} of a sickness or maternity allowance of {income} đồng")
    if kind == FeeBasisKind.PENSION:
        return _("{share} of a pension of {income} đồng")
    if regulation != FEES_342:
        return _("{share} of {income} đồng of salary on which social insurance was paid")
    if kind == FeeBasisKind.SALARY:
        return _("{share} of {income} đồng of salary and allowances")
    return _("{share} of {income} đồng of income from the wage fund")


def table_amount(group: str, area: str, *, policy: Policy) -> int | None:
    """The fixed monthly amount of the 342 table for *group* and *area*, None when the table has no such row."""
    for row_group, row_area, amount in policy.fee_fixed_table:
        if row_group == group and row_area == area:
            return amount
    return None


def minimum_wage(area: str, *, policy: Policy) -> int | None:
    """The regional minimum monthly wage of *area* (01-QĐ/TW), None for an area the table does not have."""
    return dict(policy.fee_regional_min_wage).get(area)


Reason = Callable[[], str]  # the translated explanation, built only when asked for


def _fixed(basis: FeeBasis, policy: Policy) -> tuple[int | None, str, Reason]:
    unit = policy.fee_rounding_dong
    place = _("{group}, {area}")
    if policy.fee_regulation != FEES_342:
        if basis.group == FeeGroup.STUDENT:
            return policy.fee_student_amount, "fee_student_amount", lambda: _("Pupils and students")
        wage = minimum_wage(basis.area, policy=policy)
        if wage is None:
            return None, "fee_regional_min_wage", lambda: _(
                "The regional minimum wage of {area} is not set.").format(area=FeeArea.label(basis.area))
        rule = "fee_min_wage_rate_retired" if basis.beyond_working_age else "fee_min_wage_rate"
        share = getattr(policy, rule)
        amount = round_money(wage * share[0], share[1], unit)
        return amount, rule, lambda: (_(
            "{share} of the regional minimum wage of {wage} đồng ({area}), at or beyond retirement age")
            if basis.beyond_working_age else _("{share} of the regional minimum wage of {wage} đồng ({area})")).format(
            share=share_text(share), wage=format_number(wage), area=FeeArea.label(basis.area))
    full = table_amount(basis.group, basis.area, policy=policy)

    def where() -> str:
        return place.format(group=FeeGroup.label(basis.group), area=FeeArea.label(basis.area))

    if full is None:
        return None, "fee_fixed_table", lambda: _("The fee table has no amount for {place}.").format(place=where())
    if not basis.beyond_working_age:
        return full, "fee_fixed_table", lambda: _("Fixed amount for {place}").format(place=where())
    percent = policy.fee_beyond_working_age_percent
    amount = round_money(full * percent, 100, unit)
    return amount, "fee_beyond_working_age_percent", lambda: _(
        "{percent}% of the fixed amount of {amount} đồng for {place}, beyond working age").format(
        percent=percent, amount=format_number(full), place=where())


def _amount(basis: FeeBasis, policy: Policy) -> tuple[int | None, str, Reason]:
    if basis.kind in _SHARE_RULES:
        rule = _SHARE_RULES[basis.kind]
        share = getattr(policy, rule)
        amount = round_money(basis.income * share[0], share[1], policy.fee_rounding_dong)
        return amount, rule, lambda: _share_reason(basis.kind, policy.fee_regulation).format(
            share=share_text(share), income=format_number(basis.income))
    if basis.kind == FeeBasisKind.FIXED:
        return _fixed(basis, policy)
    if basis.kind == FeeBasisKind.SET_AMOUNT:
        return basis.amount, "fee_decided", lambda: _("Amount set by the committee")
    return 0, "fee_decided", lambda: _("Waived by the committee")


def fee_amount(basis: FeeBasis, *, policy: Policy) -> tuple[int | None, str, str]:
    """(đồng a month or None, rule id, translated reason) for *basis* under *policy*, whatever the status."""
    amount, rule, reason = _amount(basis, policy)
    return amount, rule, reason()


def basis_for_month(bases: Iterable[FeeBasis], month: Month) -> FeeBasis | None:
    """The basis in force in *month*: the latest one dated on or before the month's last day."""
    candidates = [b for b in bases if b.effective <= month.last_day]
    return max(candidates, key=lambda b: b.effective) if candidates else None


def _decide(basis: FeeBasis | None, month: Month, status: str, suspended: bool, party_age_from: dt.date | None,
            relief: FeeRelief | None, policy: Policy) -> tuple[bool, int | None, str, Reason]:
    """(owed?, đồng, rule id, reason) — the one place that decides a month's fee."""
    if status not in Status.MEMBERS:
        return False, 0, "fee_status", lambda: _("Not a Party member in {month}.").format(month=month)
    if status == Status.EXEMPT and not policy.fee_exempt_members_pay:
        return False, 0, "fee_exempt_members_pay", lambda: _(
            "Exempt from Party work and activities: no fee under the local setting.")
    if suspended and not policy.fee_suspended_members_pay:
        return False, 0, "fee_suspended_members_pay", lambda: _("Suspended from Party activities: no fee.")
    years = policy.fee_exempt_party_age_years
    if years is not None and party_age_from is not None and \
            complete_months(party_age_from, month.last_day) >= 12 * years:
        return False, 0, "fee_exempt_party_age_years", lambda: _(
            "{years} years of party age or more: exempt from Party fees.").format(years=years)
    if relief is not None and relief.exempt:
        return False, 0, "fee_relief", relief.describe
    if basis is None:
        return True, None, "fee_status", lambda: _("No fee basis is recorded for {month}.").format(month=month)
    amount, rule, reason = _amount(basis, policy)
    if relief is None or amount is None:
        return True, amount, rule, reason
    reduced = round_money(amount * (100 - relief.percent), 100, policy.fee_rounding_dong)
    return True, reduced, "fee_relief", lambda: f"{reason()}; {relief.describe()}"


def monthly_fee(basis: FeeBasis | None, month: Month, *, status: str, suspended: bool = False,
                party_age_from: dt.date | None = None, relief: FeeRelief | None = None,
                policy: Policy | None = None) -> FeeDue:
    """The fee a member of *status* (a Status code, the one held in that month) owes for *month*.

    *party_age_from*: the date of the admission decision (party age runs from it); *relief*: the exemption or
    reduction covering the month, if any.
    """
    policy = policy or policy_for(month.last_day)
    due, amount, rule, reason = _decide(basis, month, status, suspended, party_age_from, relief, policy)
    return FeeDue(month, due, amount, rule, reason(), policy.source(rule), policy.version)


def amount_due(basis: FeeBasis | None, month: Month, *, status: str, suspended: bool = False,
               party_age_from: dt.date | None = None, relief: FeeRelief | None = None,
               policy: Policy | None = None) -> int | None:
    """The đồng *monthly_fee* finds owed (0 when nothing is owed, None when it cannot be set), without the
    explanation: what the ledger and the arrears of many months need."""
    policy = policy or policy_for(month.last_day)
    due, amount, _rule, _reason = _decide(basis, month, status, suspended, party_age_from, relief, policy)
    return amount if due else 0


# ---- arrears ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arrears:
    """What is still owed: the months not fully paid (oldest first), each with the amount outstanding."""

    months: tuple[tuple[Month, int], ...]

    @property
    def amount(self) -> int:
        return sum(owed for _month, owed in self.months)

    @property
    def count(self) -> int:
        return len(self.months)


def arrears(dues: Mapping[Month, int], payments: Mapping[Month, int] | Iterable[Month] = ()) -> Arrears:
    """Months of *dues* (month → đồng due) not fully covered by *payments*: month → đồng paid for it, or just
    the months paid in full.

    A month paid in part owes the rest; paying more for one month does not cover another.
    """
    if not isinstance(payments, Mapping):
        payments = {month: dues.get(month, 0) for month in payments}
    if any(v < 0 for v in dues.values()) or any(v < 0 for v in payments.values()):
        raise ValueError("fee amounts cannot be negative")
    owed = [(month, due - payments.get(month, 0)) for month, due in sorted(dues.items())]
    return Arrears(tuple((month, rest) for month, rest in owed if rest > 0))


def unpaid_months_in_year(year: int, due: Iterable[Month], paid: Iterable[Month], *, on: dt.date,
                          excused: Iterable[Month] = ()) -> list[Month]:
    """The months of *year* that count as "fees not paid without valid reason" on *on*.

    A month counts once it has ended (its last day is before *on*), when it was due, is not in *paid*, and the
    branch did not accept a reason for it (*excused*). Feed the count to :func:`.strike_off.strike_off_grounds`.
    """
    settled = set(paid) | set(excused)
    return sorted({m for m in due if m.year == year and m.last_day < on and m not in settled})


# ---- what the branch remits and keeps ---------------------------------------------------------------


@dataclass(frozen=True)
class FeeSplit:
    collected: int
    remitted: int  # rounded half up to the đồng
    kept: int  # the rest, so remitted + kept == collected
    percent: int  # share remitted
    rule_id: str
    source: str
    policy_version: str
    # False when the share is an unconfirmed default or a local setting: a signed document then states the share
    # without citing a regulation for it (the hedge belongs in Settings, not on paper).
    cited: bool = True


def _remit_rule(grassroots_branch: bool, policy: Policy) -> str:
    if grassroots_branch:
        return "fee_grassroots_remit_percent"
    return "fee_remit_percent" if policy.fee_regulation == FEES_342 else "fee_branch_remit_percent"


def remit_percent(*, grassroots_branch: bool = False, policy: Policy | None = None,
                  on: dt.date | None = None) -> int | None:
    """The share of collected fees remitted upward; None for a grassroots branch until it is set."""
    policy = policy or policy_for(on)
    return getattr(policy, _remit_rule(grassroots_branch, policy))


def fee_split(collected: int, *, grassroots_branch: bool = False, policy: Policy | None = None,
              on: dt.date | None = None) -> FeeSplit | None:
    """Split *collected* đồng into remitted and kept (None when the grassroots share is not set)."""
    if collected < 0:
        raise ValueError("collected fees cannot be negative")
    policy = policy or policy_for(on)
    percent = remit_percent(grassroots_branch=grassroots_branch, policy=policy)
    if percent is None:
        return None
    rule = _remit_rule(grassroots_branch, policy)
    remitted = round_money(collected * percent, 100)
    cited = not PARAMETERS[rule].metadata["unconfirmed"] and rule not in dict(policy.overrides)
    return FeeSplit(collected, remitted, collected - remitted, percent, rule, policy.source(rule), policy.version,
                    cited)
