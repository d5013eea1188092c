"""Party fees (đảng phí): the amount due each month, arrears, and the share remitted upward (Decision
342-QĐ/TW of 28/12/2010 and Guidance 03-HD/VPTW of 06/7/2016; domain.md §6). Amounts are whole đồng (int).

How to call it. A member has fee bases (:class:`FeeBasis`), each in force from its ``effective`` date until
the next one (a raise, retirement, a move to the fixed table). For one month::

    basis = basis_for_month(bases, Month(2026, 11))      # the latest basis dated on or before 30/11/2026
    due = monthly_fee(basis, Month(2026, 11), status=Status.OFFICIAL, suspended=False)
    due.due, due.amount, due.reason, due.source          # owed?, đồng (None: cannot be set), why, citation

* Shares: 1 % of salary and allowances, 0.5 % of a pension, 1 % of income from the wage fund; the fixed
  amount of the table (``policy.fee_fixed_table``, configurable) by group and area, half of it for a member
  beyond working age; an amount the committee set; waived (0). A basis dated any day of a month applies to
  that whole month, and the rules are those in force on the month's last day.
* Suspended members still pay (Party Charter Article 2.4); whether exempt members pay is UNCONFIRMED and
  configurable (``fee_exempt_members_pay``, yes by default); people who are not members owe nothing.
* Rounding: half up to a multiple of ``fee_rounding_dong`` đồng (1 by default, i.e. whole đồng; the rule is
  UNCONFIRMED and configurable). 8,543,250 đồng at 1 % → 85,433 đồng (85,432.5 rounded up).
* :func:`arrears` (months due against months paid, with or without amounts) and :func:`unpaid_months_in_year` (the
  months that count towards striking off, see :mod:`.strike_off`).
* :func:`fee_split`: what the branch remits upward and keeps: 70 % / 30 % for a branch under a grassroots
  committee; for a grassroots branch the share is a setting with no default (None until it is set).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.core.enums import Status
from desktop_app.core.member_codes import FeeArea, FeeBasisKind, FeeGroup
from desktop_app.core.rules.months import Month
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_number


@dataclass(frozen=True)
class FeeBasis:
    """What one member's monthly fee is computed from, from ``effective`` on.

    ``income``: đồng a month of salary and allowances, pension, or wage-fund income (the share kinds);
    ``group`` and ``area``: FeeGroup and FeeArea codes (FIXED); ``amount``: đồng a month (SET_AMOUNT);
    ``beyond_working_age``: the member is beyond working age (FIXED: half the table amount).
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
    due: bool  # False when nothing is owed (not a member, or exempt where exempt members do not pay)
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


def _share_text(share: tuple[int, int]) -> str:
    value = Decimal(share[0] * 100) / Decimal(share[1])
    if value == value.to_integral_value():
        return format_number(int(value)) + "%"
    return format_number(float(value), 1) + "%"


_SHARE_RULES = {
    FeeBasisKind.SALARY: "fee_salary_rate",
    FeeBasisKind.PENSION: "fee_pension_rate",
    FeeBasisKind.WAGE_INCOME: "fee_wage_income_rate",
}


def table_amount(group: str, area: str, *, policy: Policy) -> int | None:
    """The fixed monthly amount of the table for *group* and *area*, None when the table has no such row."""
    for row_group, row_area, amount in policy.fee_fixed_table:
        if row_group == group and row_area == area:
            return amount
    return None


def fee_amount(basis: FeeBasis, *, policy: Policy) -> tuple[int | None, str, str]:
    """(đồng a month or None, rule id, translated reason) for *basis* under *policy*, whatever the status."""
    unit = policy.fee_rounding_dong
    if basis.kind in _SHARE_RULES:
        rule = _SHARE_RULES[basis.kind]
        share = getattr(policy, rule)
        amount = round_money(basis.income * share[0], share[1], unit)
        what = {FeeBasisKind.SALARY: _("{share} of {income} đồng of salary and allowances"),
                FeeBasisKind.PENSION: _("{share} of a pension of {income} đồng"),
                FeeBasisKind.WAGE_INCOME: _("{share} of {income} đồng of income from the wage fund")}[basis.kind]
        return amount, rule, what.format(share=_share_text(share), income=format_number(basis.income))
    if basis.kind == FeeBasisKind.FIXED:
        full = table_amount(basis.group, basis.area, policy=policy)
        place = _("{group}, {area}").format(group=FeeGroup.label(basis.group), area=FeeArea.label(basis.area))
        if full is None:
            return None, "fee_fixed_table", _("The fee table has no amount for {place}.").format(place=place)
        if not basis.beyond_working_age:
            return full, "fee_fixed_table", _("Fixed amount for {place}").format(place=place)
        percent = policy.fee_beyond_working_age_percent
        amount = round_money(full * percent, 100, unit)
        return amount, "fee_beyond_working_age_percent", _(
            "{percent}% of the fixed amount of {amount} đồng for {place}, beyond working age").format(
            percent=percent, amount=format_number(full), place=place)
    if basis.kind == FeeBasisKind.SET_AMOUNT:
        return basis.amount, "fee_decided", _("Amount set by the committee")
    return 0, "fee_decided", _("Waived by the committee")


def basis_for_month(bases: Iterable[FeeBasis], month: Month) -> FeeBasis | None:
    """The basis in force in *month*: the latest one dated on or before the month's last day."""
    candidates = [b for b in bases if b.effective <= month.last_day]
    return max(candidates, key=lambda b: b.effective) if candidates else None


def monthly_fee(basis: FeeBasis | None, month: Month, *, status: str, suspended: bool = False,
                policy: Policy | None = None) -> FeeDue:
    """The fee a member of *status* (a Status code, the one held in that month) owes for *month*."""
    policy = policy or policy_for(month.last_day)

    def result(due: bool, amount: int | None, rule: str, reason: str) -> FeeDue:
        return FeeDue(month, due, amount, rule, reason, policy.source(rule), policy.version)

    if status not in Status.MEMBERS:
        return result(False, 0, "fee_status", _("Not a Party member in {month}.").format(month=month))
    if status == Status.EXEMPT and not policy.fee_exempt_members_pay:
        return result(False, 0, "fee_exempt_members_pay", _(
            "Exempt from Party work and activities: no fee under the local setting."))
    if suspended and not policy.fee_suspended_members_pay:
        return result(False, 0, "fee_suspended_members_pay", _("Suspended from Party activities: no fee."))
    if basis is None:
        return result(True, None, "fee_status", _("No fee basis is recorded for {month}.").format(month=month))
    amount, rule, reason = fee_amount(basis, policy=policy)
    return result(True, amount, rule, reason)


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


def remit_percent(*, grassroots_branch: bool = False, policy: Policy | None = None,
                  on: dt.date | None = None) -> int | None:
    """The share of collected fees remitted upward; None for a grassroots branch until it is set."""
    policy = policy or policy_for(on)
    return policy.fee_grassroots_remit_percent if grassroots_branch else policy.fee_remit_percent


def fee_split(collected: int, *, grassroots_branch: bool = False, policy: Policy | None = None,
              on: dt.date | None = None) -> FeeSplit | None:
    """Split *collected* đồng into remitted and kept (None when the grassroots share is not set)."""
    if collected < 0:
        raise ValueError("collected fees cannot be negative")
    policy = policy or policy_for(on)
    percent = remit_percent(grassroots_branch=grassroots_branch, policy=policy)
    if percent is None:
        return None
    rule = "fee_grassroots_remit_percent" if grassroots_branch else "fee_remit_percent"
    remitted = round_money(collected * percent, 100)
    return FeeSplit(collected, remitted, collected - remitted, percent, rule, policy.source(rule), policy.version)
