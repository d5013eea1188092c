"""The fee ledger (sổ thu nộp đảng phí): what each member of a branch owes and paid for a month, and recording
payments — one month, or every month owed up to one at once — with the checks the rules set.

A payment is the money received for one month of one member (``FeePayment``): the month it pays for, and the day
it was received, which puts it in that month's collection. Recording a month already paid replaces its amount;
clearing it removes the payment. Every write is audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from peewee import IntegrityError, fn

from desktop_app.core import clock, rules
from desktop_app.core.enums import MeetingKind
from desktop_app.core.rules import Arrears, FeeSplit, Month
from desktop_app.i18n import _
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.fees import bases as fee_bases
from desktop_app.services.fees import dues
from desktop_app.services.fees.standing import Standing, members_in_month, standing
from desktop_app.store.models import Branch, FeePayment, Meeting, Organisation, Person


@dataclass(frozen=True)
class LedgerRow:
    """One member in the ledger of a month."""

    person_id: int
    full_name: str
    status: str  # in the month: Status.OFFICIAL (any member) or Status.EXEMPT
    due: int | None  # đồng owed for the month (0: nothing owed; None: cannot be computed)
    due_reason: str  # translated
    due_source: str
    paid: int  # đồng paid for the month
    paid_on: dt.date | None
    meeting_id: int | None
    arrears_before: Arrears  # earlier months still owed
    has_basis: bool

    @property
    def owed(self) -> int:
        """Still owed for the month itself."""
        return max((self.due or 0) - self.paid, 0)


@dataclass(frozen=True)
class Ledger:
    branch_id: int
    month: Month
    rows: tuple[LedgerRow, ...]
    collected: int  # đồng received in the month (for any month), members' and the branch's totals alike
    unitemised: int  # of which, totals received before fees were recorded per member
    split: FeeSplit | None  # what is remitted upward and kept (None: the share is not set)

    @property
    def due(self) -> int:
        return sum(r.due or 0 for r in self.rows)

    @property
    def paid_for_month(self) -> int:
        return sum(r.paid for r in self.rows)


def grassroots_branch() -> bool:
    """Whether the organisation using the app is a grassroots branch (no grassroots committee above it)."""
    org = Organisation.select(Organisation.is_grassroots_branch).where(Organisation.deleted_at.is_null()).first()
    return bool(org and org.is_grassroots_branch)


def collected(branch_id: int, month: Month) -> int:
    """Đồng received by *branch_id* in *month*: the ledger's total, which the month's meeting states."""
    total = (FeePayment.select(fn.SUM(FeePayment.amount))
             .where((FeePayment.branch == branch_id) & FeePayment.paid_on.between(month.first_day, month.last_day))
             .scalar())
    return int(total or 0)


def _unitemised(branch_id: int, month: Month) -> int:
    total = (FeePayment.select(fn.SUM(FeePayment.amount))
             .where((FeePayment.branch == branch_id) & FeePayment.person.is_null()
                    & FeePayment.paid_on.between(month.first_day, month.last_day)).scalar())
    return int(total or 0)


def split_of(amount: int, month: Month) -> FeeSplit | None:
    return rules.fee_split(amount, grassroots_branch=grassroots_branch(), on=month.last_day)


def ledger(branch_id: int, month: Month) -> Ledger:
    """The branch's members in *month* with what each owes and paid, and the month's totals."""
    members = members_in_month(branch_id, month)
    ids = [s.person_id for s in members]
    accounts = dues.accounts(ids, month)
    all_bases, all_reliefs = fee_bases.rule_bases(ids), fee_bases.rule_reliefs(ids)
    paid_rows = {pid: (on, meeting) for pid, on, meeting in FeePayment.select(
        FeePayment.person, FeePayment.paid_on, FeePayment.meeting).where(
        FeePayment.person.in_(ids) & (FeePayment.month == month.first_day)).tuples()} if ids else {}
    rows = []
    for s in members:
        acc = accounts[s.person_id]
        fee = dues.month_fee(s, all_bases.get(s.person_id, []), all_reliefs.get(s.person_id, []), month,
                             explain=True)
        started = dues.first_due_month(s, all_bases.get(s.person_id, []))
        due = (fee.amount if fee.due else 0) if started is not None and month >= started else \
            (None if fee.due else 0)
        on, meeting = paid_rows.get(s.person_id, (None, None))
        rows.append(LedgerRow(s.person_id, s.full_name, s.status_in(month), due, fee.reason, fee.source,
                              acc.paid.get(month, 0), on, meeting, acc.arrears_before(month), acc.has_basis))
    total = collected(branch_id, month)
    return Ledger(branch_id, month, tuple(rows), total, _unitemised(branch_id, month), split_of(total, month))


def default_received_on(branch_id: int, month: Month, today: dt.date | None = None) -> dt.date:
    """The day fees of *month* are most likely received: its monthly meeting when held, else today (the month in
    progress) or the month's last day (a month gone by)."""
    today = today or clock.today()
    meeting = (Meeting.select(Meeting.date)
               .where((Meeting.branch == branch_id) & Meeting.deleted_at.is_null()
                      & Meeting.kind.in_((MeetingKind.REGULAR, MeetingKind.COMBINED))
                      & Meeting.date.between(month.first_day, min(month.last_day, today)))
               .order_by(Meeting.date).first())
    if meeting is not None:
        return meeting.date
    return min(today, month.last_day) if month.first_day <= today else today


# ---- recording ---------------------------------------------------------------------------------------------------


def as_month(value: object, field: str = "month") -> Month:
    """*value* (a Month, a date, or 'YYYY-MM') as a Month; ValidationError for anything else."""
    if isinstance(value, Month) and 1 <= value.month <= 12 and 1900 <= value.year <= 2200:
        return value
    if isinstance(value, dt.date) and 1900 <= value.year <= 2200:
        return Month.of(value)
    if isinstance(value, str) and len(value) == 7 and value[4] == "-" and value[:4].isdigit() \
            and value[5:].isdigit() and 1 <= int(value[5:]) <= 12 and 1900 <= int(value[:4]) <= 2200:
        return Month(int(value[:4]), int(value[5:]))
    raise ValidationError({field: _("Give the month as YYYY-MM, e.g. 2026-11.")})


def payment_of(person_id: int, month: Month) -> FeePayment | None:
    return FeePayment.get_or_none((FeePayment.person == record_id(person_id))
                                  & (FeePayment.month == as_month(month).first_day))


def _person(person_id: int) -> tuple[Person, Standing | None]:
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise NotFoundError(_("Person not found."))
    return person, standing(person.id)


def _place(person: Person, branch_id: int | None, meeting_id: int | None) -> tuple[Branch, Meeting | None]:
    bid = record_id(branch_id) if branch_id is not None else person.branch_id
    branch = Branch.get_or_none(Branch.id == bid) if bid else None
    if branch is None or branch.deleted_at is not None:
        raise ValidationError({"branch": _("{name} belongs to no branch that can receive the fee.").format(
            name=person.full_name)})
    meeting = None
    if meeting_id is not None:
        meeting = Meeting.get_or_none(Meeting.id == record_id(meeting_id))
        if meeting is None or meeting.deleted_at is not None or meeting.branch_id != branch.id:
            raise ValidationError({"meeting": _("The fee can only be recorded at a meeting of the member's "
                                                "branch.")})
    return branch, meeting


def _check(person: Person, s: Standing | None, month: Month, amount: object, paid_on: object,
           note: object) -> tuple[dt.date, str]:
    check = Checker({"paid_on": paid_on, "note": note})
    day = check.date("paid_on", required=True, label=_("Received on"), minimum=dt.date(1945, 1, 1))
    text = check.text("note", max_length=300, label=_("Note")) or ""
    check.done()
    assert day is not None  # required: done() raised otherwise
    today = clock.today()
    errors = rules.check_payment(month, amount, paid_on=day, today=today, member_from=s.start if s else None,
                                 member_until=s.end if s else None,
                                 exempt=bool(s and s.exempt_in(Month.of(min(day, today)))))
    if errors:
        raise ValidationError({k: f"{person.full_name}: {v}" for k, v in errors.items()})
    return day, text


def _write(person: Person, branch: Branch, meeting: Meeting | None, month: Month, amount: int, day: dt.date,
           note: str) -> FeePayment:
    row = payment_of(person.id, month)
    before = audit.snapshot(row)
    row = row or FeePayment(person=person, month=month.first_day)
    row.branch, row.meeting, row.amount, row.paid_on, row.note = branch, meeting, amount, day, note
    row.save()
    audit.record_change("update" if before else "create", row, before)
    return row


@contextmanager
def _one_row_per_month(person: Person, month: Month) -> Iterator[None]:
    """Two people recording the same member's month at the same moment (on a server): the database keeps one
    row per member and month, and the second is told, nothing of theirs written."""
    try:
        yield
    except IntegrityError:
        text = _("{name}'s fee for {month} was recorded by someone else a moment ago: look at the ledger "
                 "again.").format(name=person.full_name, month=month)
        raise ValidationError({"month": text}) from None


def record_payment(person_id: int, month: Month, amount: int, paid_on: dt.date, *, meeting_id: int | None = None,
                   branch_id: int | None = None, note: str = "") -> FeePayment:
    """Record that *amount* đồng was received on *paid_on* for *month* of the member (replacing what was
    recorded for that month). ValidationError, nothing written, for a month before the member joined or after
    they left, a negative amount, a day in the future, or a month further ahead than may be paid in advance."""
    person, s = _person(person_id)
    month = as_month(month)
    day, text = _check(person, s, month, amount, paid_on, note)
    branch, meeting = _place(person, branch_id, meeting_id)
    with _one_row_per_month(person, month), atomic():
        return _write(person, branch, meeting, month, amount, day, text)


def record_months(person_id: int, last: Month, paid_on: dt.date, *, meeting_id: int | None = None,
                  branch_id: int | None = None) -> list[FeePayment]:
    """Several months paid at once: every month owed up to *last* and not fully paid gets what it still owes,
    received on *paid_on*. All or nothing."""
    person, s = _person(person_id)
    last = as_month(last)
    acc = dues.account(person.id, last)
    if acc is None or not acc.has_basis:
        raise ValidationError({"month": _("{name} has no fee basis recorded: record it first.").format(
            name=person.full_name)})
    unknown = [m for m, amount in acc.dues.items() if amount is None]
    if unknown:
        raise ValidationError({"month": _("{name}: the fee of {month} cannot be computed from the fee basis; "
                                          "check it.").format(name=person.full_name, month=unknown[0])})
    owed = [(m, rest) for m, rest in acc.arrears.months if m <= last]
    if not owed:
        raise ValidationError({"month": _("{name} owes nothing up to {month}.").format(name=person.full_name,
                                                                                       month=last)})
    branch, meeting = _place(person, branch_id, meeting_id)
    checked = [(m, acc.paid.get(m, 0) + rest, *_check(person, s, m, acc.paid.get(m, 0) + rest, paid_on, ""))
               for m, rest in owed]
    with _one_row_per_month(person, last), atomic():
        return [_write(person, branch, meeting, m, amount, day, text) for m, amount, day, text in checked]


def clear_payment(person_id: int, month: Month) -> bool:
    """Remove what was recorded for *month* of the member; False when nothing was."""
    row = payment_of(person_id, month)
    if row is None:
        return False
    with atomic():
        before = audit.snapshot(row)
        row.delete_instance()
        audit.record("delete", FeePayment._meta.table_name, row.uid, before, None)
    return True
