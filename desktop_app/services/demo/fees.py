"""The Party fees of a demo branch: each member's fee bases, a few exemptions and reductions, and the fee ledger
month by month as the rules engine computes it (Decision 342-QĐ/TW to 01/2026, Regulation 01-QĐ/TW from 02/2026).

The branch has kept its fee ledger member by member for the last three years (``LEDGER_MONTHS``); before that,
as in a file kept before the ledger, each monthly meeting holds the branch's total as one row without a member.
Bases follow the occupation: a salary or a pension (raised each July), the fixed amount (342) or share of the
regional minimum wage (01) for farmers and others, with the lower rate from retirement age, the students'
amount. Most members pay at the monthly meeting; a few pay three months at once at the end of a quarter, a few
pay a month late; in the organisation's first branch two members are two months behind and one has paid nothing
for the last three months of the year (the strike-off reminder). Members struck off for absence stopped paying
when they stopped attending.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.core import rules
from desktop_app.core.enums import MeetingKind, Status
from desktop_app.core.member_codes import FeeBasisKind, FeeGroup, FeeReliefGround
from desktop_app.core.rules import FeeBasis, FeeRelief, Month
from desktop_app.services.demo.context import BranchCtx
from desktop_app.services.demo.model import Human, MeetingPlan
from desktop_app.services.demo.writer import Sink, iso, stamp

AREA = "area_4"  # Mường Ảng, Điện Biên: region IV of the minimum wage
LEDGER_MONTHS = 36  # fees recorded member by member for this many months back
RETIREMENT_AGE = {"male": 61, "female": 57}  # about the age in normal working conditions over these years


@dataclass
class FeePlan:
    bases: list[tuple[Human, FeeBasis]] = field(default_factory=list)
    reliefs: list[tuple[Human, FeeRelief]] = field(default_factory=list)
    payments: list[tuple[Human, Month, int, MeetingPlan]] = field(default_factory=list)
    totals: list[tuple[MeetingPlan, int]] = field(default_factory=list)  # before the ledger: a meeting's total
    collected: dict[int, int] = field(default_factory=dict)  # meeting id → đồng received at it


def _rate(year: int) -> float:
    """Salaries and pensions rose over the years (the demo's fees are at 2025 rates)."""
    return 0.62 + 0.38 * min(max((year - 2016) / 9, 0.0), 1.1)


def _retired_on(person: Human) -> dt.date:
    birth = person.birth
    years = RETIREMENT_AGE.get(person.fields["gender"], 61)
    return birth.replace(year=birth.year + years, day=min(birth.day, 28))


def _bases(person: Human, start: dt.date, today: dt.date) -> list[FeeBasis]:
    kind = person.fee_kind
    if kind in ("salary", "pension"):
        income = person.fee * (100 if kind == "salary" else 200)
        basis_kind = FeeBasisKind.SALARY if kind == "salary" else FeeBasisKind.PENSION
        days = [start] + [dt.date(y, 7, 1) for y in range(start.year, today.year + 1)
                          if start < dt.date(y, 7, 1) <= today]
        result: list[FeeBasis] = []
        for day in days:
            amount = round(income * _rate(day.year) / 10_000) * 10_000
            if not result or result[-1].income != amount:  # a raise, not the same figure again
                result.append(FeeBasis(basis_kind, day, income=amount))
        return result
    if kind == "student":
        return [FeeBasis(FeeBasisKind.FIXED, start, group=FeeGroup.STUDENT, area=AREA)]
    retired = _retired_on(person)
    result = [FeeBasis(FeeBasisKind.FIXED, start, group=FeeGroup.OTHER, area=AREA,
                       beyond_working_age=retired <= start)]
    if start < retired <= today:
        result.append(FeeBasis(FeeBasisKind.FIXED, retired, group=FeeGroup.OTHER, area=AREA,
                               beyond_working_age=True))
    return result


def _member_in(person: Human, month: Month, *, moved_away: bool = False) -> bool:
    """Whether *person* owes this branch *month*: a member on any day of it, except one who moved on to
    another branch of the organisation, who owes the month of the move there."""
    if person.member_from is None or person.member_from > month.last_day:
        return False
    if person.member_until is None:
        return True
    return month < Month.of(person.member_until) if moved_away else person.member_until > month.first_day


def _fee_meetings(ctx: BranchCtx) -> dict[Month, MeetingPlan]:
    """The month's regular (or combined) meeting already held: fees are collected there."""
    found: dict[Month, MeetingPlan] = {}
    for meeting in ctx.meetings:
        if meeting.held and meeting.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED):
            found.setdefault(Month.of(meeting.date), meeting)
    return found


def _style(ctx: BranchCtx) -> str:
    roll = ctx.rng.random()
    return "quarterly" if roll < 0.07 else "late" if roll < 0.10 else "monthly"


def plan_fees(ctx: BranchCtx) -> FeePlan:
    """Bases, reliefs and payments of the branch's members (call once its people and meetings are known)."""
    plan, today, rng = FeePlan(), ctx.today, ctx.rng
    current = Month.of(today)
    window = max(ctx.shared.window_start, current.shifted(1 - LEDGER_MONTHS).first_day)
    _totals_before(ctx, plan, window)
    meetings = _fee_meetings(ctx)
    members = [p for p in ctx.people if p.member_from is not None and p.member_from <= today
               and (p.member_until is None or p.member_until > window)]
    showcase = ctx.plan.index == 0
    stable = [p for p in members if p.stable and p.member_until is None and p not in ctx.leaders[:1]]
    stopped: dict[int, Month] = {}  # person → the first month they did not pay
    if showcase and len(stable) >= 6:
        stopped[stable[-1].id] = current.shifted(-3)  # three months of the year unpaid: the reminder
        stopped[stable[-2].id] = current.shifted(-2)
        stopped[stable[-3].id] = current.shifted(-2)
        for person, percent, ground in ((stable[-4], 50, FeeReliefGround.HARDSHIP),
                                        (stable[-5], 100, FeeReliefGround.NEAR_POOR_HOUSEHOLD)):
            first = current.shifted(-7)
            decision = f"{rng.randint(20, 90)}-QĐ/ĐU ngày {first.shifted(-1).last_day:%d/%m/%Y}"
            plan.reliefs.append((person, FeeRelief(percent, first, first.shifted(11), ground, decision)))
    else:
        for person in stable:
            if rng.random() < 0.015:
                stopped[person.id] = current.shifted(-rng.randint(1, 2))
    reliefs = {p.id: [r] for p, r in plan.reliefs}
    moving = {p.id for arrivals in ctx.shared.movers.values() for p, _day, _left in arrivals}
    for person in members:
        start = max(person.member_from or window, window)
        bases = ctx.shared.fee_bases.get(person.id) if person.alias else None
        if bases is None:  # a member who moved here keeps the bases the branch they left recorded
            bases = _bases(person, start, today)
            plan.bases += [(person, b) for b in bases]
            ctx.shared.fee_bases[person.id] = bases
        style = "monthly" if person.id in stopped else _style(ctx)
        if person.unexcused_from is not None:
            stopped[person.id] = Month.of(person.unexcused_from)
        unpaid: list[tuple[Month, int]] = []
        for month in rules.months_between(Month.of(start), current):
            if not _member_in(person, month, moved_away=person.id in moving and not person.alias):
                continue
            status = Status.EXEMPT if person.is_exempt(month.last_day) else Status.OFFICIAL
            due = rules.amount_due(rules.basis_for_month(bases, month), month, status=status,
                                   party_age_from=person.fields["admission_date"],
                                   relief=rules.relief_for_month(reliefs.get(person.id, []), month))
            if not due or (person.id in stopped and month >= stopped[person.id]):
                continue
            unpaid.append((month, due))
            meeting = meetings.get(month)
            if meeting is None:
                continue  # the month's meeting has not been held yet: paid at the next one
            if style == "quarterly" and month.month % 3 and month != current:
                continue
            if style == "late":
                paying, unpaid = unpaid[:-1], unpaid[-1:]
            else:
                paying, unpaid = unpaid, []
            for paid_month, amount in paying:
                plan.payments.append((person, paid_month, amount, meeting))
                plan.collected[meeting.id] = plan.collected.get(meeting.id, 0) + amount
    return plan


def _totals_before(ctx: BranchCtx, plan: FeePlan, ledger_from: dt.date) -> None:
    """The total each monthly meeting received before the ledger began (members' fees at that year's rates)."""
    for meeting in ctx.meetings:
        day = meeting.date
        if not meeting.held or day >= ledger_from or meeting.kind not in (MeetingKind.REGULAR, MeetingKind.COMBINED):
            continue
        total = sum(round(p.fee * _rate(day.year) / 1000) * 1000 for p in ctx.people if p.is_member(day))
        if total:
            plan.totals.append((meeting, total))
            plan.collected[meeting.id] = total


def write_fees(ctx: BranchCtx, plan: FeePlan, sink: Sink) -> None:
    ids = ctx.shared.ids
    for person, basis in plan.bases:
        bid, buid = ids.new("memberfeebasis")
        when = stamp(max(basis.effective, ctx.shared.window_start))
        sink.add("memberfeebasis", (bid, buid, when, when, person.id, iso(basis.effective), basis.kind, basis.income,
                                    basis.group, basis.area, basis.amount, int(basis.beyond_working_age), "", ""))
    for person, relief in plan.reliefs:
        rid, ruid = ids.new("feerelief")
        when = stamp(relief.first.first_day)
        sink.add("feerelief", (rid, ruid, when, when, person.id, relief.percent, relief.ground,
                               iso(relief.first.first_day), iso(relief.last.first_day) if relief.last else None,
                               relief.decision, ""))
    for person, month, amount, meeting in plan.payments:
        pid, puid = ids.new("feepayment")
        when = stamp(meeting.date)
        sink.add("feepayment", (pid, puid, when, when, person.id, ctx.plan.id, iso(month.first_day), amount,
                                iso(meeting.date), meeting.id, ""))
    for meeting, amount in plan.totals:
        pid, puid = ids.new("feepayment")
        when = stamp(meeting.date)
        sink.add("feepayment", (pid, puid, when, when, None, ctx.plan.id, iso(Month.of(meeting.date).first_day),
                                amount, iso(meeting.date), meeting.id, ""))
