"""The month's fee summary and the branch's fee book (sổ thu nộp đảng phí): what each member owed and paid, the
money received in the month, the share remitted upward and the share kept; and the same figures month by month
for a year (the workbook).

The book states the month as it stood at its end: payments received by its last day (or today, for the month
in progress); the money of the month is what was received in it, whatever months it paid for, with the totals
received before fees were recorded per member.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from desktop_app.core import clock, rules
from desktop_app.core.member_codes import FeeArea, FeeBasisKind, FeeGroup
from desktop_app.core.rules import FeeBasis, FeeDue, FeeSplit, Month
from desktop_app.core.rules.policy_members import FEES_342
from desktop_app.i18n import _, format_number
from desktop_app.services.common.errors import NotFoundError
from desktop_app.services.common.validation import record_id
from desktop_app.services.fees import bases as fee_bases
from desktop_app.services.fees import dues
from desktop_app.services.fees.ledger import split_of
from desktop_app.services.fees.standing import members_in_month, standings
from desktop_app.store.models import Branch, FeePayment


@dataclass(frozen=True)
class BookLine:
    person_id: int
    full_name: str
    basis: str  # what the fee is computed from, briefly (translated)
    due: int | None  # đồng owed for the month (0: nothing; None: cannot be computed)
    paid: int  # received in the month for the month
    other_months: tuple[tuple[Month, int], ...]  # received in the month for other months
    owed_months: tuple[Month, ...]  # months up to this one still owed at the month's end
    owed: int
    note: str  # why nothing or less is owed, or what is missing (translated)

    @property
    def received(self) -> int:
        return self.paid + sum(amount for _m, amount in self.other_months)


@dataclass(frozen=True)
class FeeBook:
    branch_id: int
    branch_code: str
    branch_name: str
    month: Month
    as_of: dt.date
    lines: tuple[BookLine, ...]
    unitemised: tuple[tuple[dt.date, int], ...]  # branch totals received before fees were recorded per member
    collected: int  # everything received in the month
    split: FeeSplit | None

    @property
    def due(self) -> int:
        return sum(line.due or 0 for line in self.lines)

    @property
    def paid(self) -> int:
        return sum(line.paid for line in self.lines)

    @property
    def owing(self) -> tuple[BookLine, ...]:
        return tuple(line for line in self.lines if line.owed_months)

    @property
    def itemised(self) -> bool:
        """Whether the month's fees were recorded member by member (else only branch totals, kept before)."""
        return any(line.due is not None or line.received for line in self.lines)


def basis_text(basis: FeeBasis | None, fee: FeeDue) -> str:
    """'1% × 8.500.000', '0,3% × 3.700.000 (Vùng IV)', 'Học sinh, sinh viên'… as the book's column needs it."""
    if basis is None:
        return ""
    policy = rules.policy_for(fee.month.last_day)
    if basis.kind in FeeBasisKind.INCOMES:
        rule = {FeeBasisKind.SALARY: "fee_salary_rate", FeeBasisKind.PENSION: "fee_pension_rate",
                FeeBasisKind.WAGE_INCOME: "fee_wage_income_rate",
                FeeBasisKind.ALLOWANCE: "fee_allowance_rate"}[basis.kind]
        return f"{rules.share_text(getattr(policy, rule))} × {format_number(basis.income)}"
    if basis.kind == FeeBasisKind.FIXED:
        if policy.fee_regulation == FEES_342:
            return f"{FeeGroup.label(basis.group)}, {FeeArea.label(basis.area)}"
        if basis.group == FeeGroup.STUDENT:
            return FeeGroup.label(basis.group)
        rule = "fee_min_wage_rate_retired" if basis.beyond_working_age else "fee_min_wage_rate"
        wage = rules.minimum_wage(basis.area, policy=policy)
        return f"{rules.share_text(getattr(policy, rule))} × {format_number(wage or 0)} ({FeeArea.label(basis.area)})"
    return FeeBasisKind.label(basis.kind)


def _note(fee: FeeDue, has_basis: bool) -> str:
    if not has_basis:
        return _("No fee basis")
    if fee.rule_id in ("fee_relief", "fee_exempt_party_age_years", "fee_exempt_members_pay",
                       "fee_suspended_members_pay"):
        return fee.reason.split("; ")[-1]
    return ""


def fee_book(branch_id: int, month: Month, today: dt.date | None = None) -> FeeBook:
    """The branch's fee book for *month*; NotFoundError for an unknown branch."""
    branch = Branch.get_or_none(Branch.id == record_id(branch_id))
    if branch is None or branch.deleted_at is not None:
        raise NotFoundError(_("Branch not found."))
    today = today or clock.today()
    as_of = min(month.last_day, today)
    received = defaultdict(list)
    unitemised = []
    for pid, paid_for, amount, on in FeePayment.select(FeePayment.person, FeePayment.month, FeePayment.amount,
                                                       FeePayment.paid_on).where(
            (FeePayment.branch == branch.id) & FeePayment.paid_on.between(month.first_day, month.last_day)
    ).order_by(FeePayment.paid_on, FeePayment.id).tuples():
        if pid is None:
            unitemised.append((on, amount))
        else:
            received[pid].append((Month.of(paid_for), amount))
    members = [s.person_id for s in members_in_month(branch.id, month)]
    ids = members + [pid for pid in received if pid not in members]
    accounts = dues.accounts(ids, month, received_by=as_of)
    all_bases, all_reliefs = fee_bases.rule_bases(ids), fee_bases.rule_reliefs(ids)
    lines = []
    for pid in ids:
        acc = accounts[pid]
        s, bases = acc.standing, all_bases.get(pid, [])
        fee = dues.month_fee(s, bases, all_reliefs.get(pid, []), month, explain=True)
        started = dues.first_due_month(s, bases)
        due = (fee.amount if fee.due else 0) if started is not None and month >= started else \
            (None if fee.due and s.member_in(month) else 0)
        paid = sum(a for m, a in received.get(pid, []) if m == month)
        others: dict[Month, int] = defaultdict(int)
        for m, amount in received.get(pid, []):
            if m != month:
                others[m] += amount
        owed = [(m, rest) for m, rest in acc.arrears.months if m <= month]
        month_basis = rules.basis_for_month(bases, month)
        lines.append(BookLine(pid, s.full_name, basis_text(month_basis, fee), due, paid,
                              tuple(sorted(others.items())), tuple(m for m, _r in owed),
                              sum(r for _m, r in owed), _note(fee, month_basis is not None) if s.member_in(month)
                              else _("No longer a member of the branch")))
    total = sum(line.received for line in lines) + sum(a for _d, a in unitemised)
    return FeeBook(branch.id, branch.code, branch.name, month, as_of, tuple(lines), tuple(unitemised), total,
                   split_of(total, month))


# ---- month by month, for the workbook ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthSummary:
    branch_id: int
    month: Month
    members: int
    due: int  # owed for the month by the members of the month
    paid: int  # paid for the month by its end
    collected: int  # received in the month
    unitemised: int  # of which, branch totals not recorded per member
    split: FeeSplit | None
    owing: int  # members with a month still owed at the month's end


def months_summary(branch_id: int, months: list[Month], today: dt.date | None = None) -> list[MonthSummary]:
    """The summary of each of *months* for one branch, computed together (a year of a branch in one pass)."""
    if not months:
        return []
    today = today or clock.today()
    in_month = {month: [s.person_id for s in members_in_month(branch_id, month)] for month in months}
    found = standings({pid for ids in in_month.values() for pid in ids})
    last = max(months)
    accounts = dues.accounts(list(found), last)
    paid_rows = defaultdict(list)
    ids = list(found)
    for start in range(0, len(ids), 500):
        for pid, paid_for, amount, on in FeePayment.select(
                FeePayment.person, FeePayment.month, FeePayment.amount, FeePayment.paid_on).where(
                FeePayment.person.in_(ids[start:start + 500])).tuples():
            paid_rows[pid].append((Month.of(paid_for), amount, on))
    cash: defaultdict[Month, int] = defaultdict(int)
    lumps: defaultdict[Month, int] = defaultdict(int)
    first, end = min(months).first_day, last.last_day
    for on, person, amount in FeePayment.select(FeePayment.paid_on, FeePayment.person, FeePayment.amount).where(
            (FeePayment.branch == branch_id) & FeePayment.paid_on.between(first, end)).tuples():
        cash[Month.of(on)] += amount
        if person is None:
            lumps[Month.of(on)] += amount
    result = []
    for month in sorted(months):
        as_of = min(month.last_day, today)
        members = due = paid = owing = 0
        for pid in in_month[month]:
            members += 1
            acc = accounts[pid]
            due += acc.dues.get(month) or 0
            got: dict[Month, int] = defaultdict(int)
            for m, amount, on in paid_rows.get(pid, []):
                if on <= as_of:
                    got[m] += amount
            paid += got.get(month, 0)
            if any(amount and got.get(m, 0) < amount for m, amount in acc.dues.items() if m <= month):
                owing += 1
        result.append(MonthSummary(branch_id, month, members, due, paid, cash[month], lumps[month],
                                   split_of(cash[month], month), owing))
    return result
