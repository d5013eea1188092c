"""The Party fees of a meeting (collected at the opening, domain.md §3.3): the fee column of its attendance —
each member's fee for the meeting's month, prefilled from what is due and paid at the meeting — and the figure
its minutes state, the fee ledger's total received in the meeting's month.

The money goes into the fee ledger (services.fees.ledger) with the meeting's date as the day received. While
the minutes are a draft the figure follows the ledger; adopting them keeps the total of that moment in the
meeting, so adopted minutes never change (design.md §5). Fees are collected at the regular monthly meeting (or
a combined regular and thematic one): a thematic or extraordinary meeting states none and has no fee column.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core import clock
from desktop_app.core.enums import AttendanceStatus, MeetingKind
from desktop_app.core.rules import Month
from desktop_app.i18n import _, format_date
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.validation import record_id
from desktop_app.services.fees import ledger
from desktop_app.services.meetings.meetings import editable_meeting, get_meeting, is_adopted
from desktop_app.store.models import Attendance, Meeting


@dataclass(frozen=True)
class FeeCell:
    """A member's fee in the attendance of a meeting."""

    person_id: int
    due: int | None  # owed for the meeting's month (0: nothing; None: no fee basis to compute it from)
    paid: int  # paid for that month
    paid_here: bool  # recorded as paid at this meeting
    reason: str  # why that amount (translated)
    owed_months: int  # earlier months still owed
    owed: int  # đồng still owed for them


def collects_fees(meeting: Meeting) -> bool:
    """Whether Party fees are collected at *meeting*: the regular monthly meeting (or a combined one)."""
    return meeting.kind in (MeetingKind.REGULAR, MeetingKind.COMBINED)


def fees_collected(meeting: Meeting | int) -> int:
    """Đồng of Party fees the minutes state: adopted minutes keep theirs, a draft's follows the ledger."""
    if not isinstance(meeting, Meeting):
        meeting = get_meeting(meeting)
    if is_adopted(meeting):
        return meeting.fees_collected or 0
    return ledger.collected(meeting.branch_id, Month.of(meeting.date)) if collects_fees(meeting) else 0


def fee_cells(meeting_id: int) -> dict[int, FeeCell]:
    """{person: fee} of the members on the meeting's attendance list (guests pay in their own branch)."""
    meeting = get_meeting(meeting_id)
    listed = {pid for (pid,) in Attendance.select(Attendance.person).where(
        (Attendance.meeting == meeting) & (Attendance.status != AttendanceStatus.GUEST)).tuples()}
    book = ledger.ledger(meeting.branch_id, Month.of(meeting.date))
    return {r.person_id: FeeCell(r.person_id, r.due, r.paid, r.meeting_id == meeting.id, r.due_reason,
                                 r.arrears_before.count, r.arrears_before.amount)
            for r in book.rows if r.person_id in listed}


def set_fee_paid(meeting_id: int, person_id: int, amount: int | None) -> None:
    """Record the member's fee for the meeting's month as paid at the meeting (*amount* đồng), or clear it
    (None). Refused once the minutes are adopted, before the meeting has taken place, or for a guest."""
    meeting = editable_meeting(meeting_id)
    row = Attendance.get_or_none((Attendance.meeting == meeting) & (Attendance.person == record_id(person_id)))
    if row is None:
        raise NotFoundError(_("This person is not on the attendance list of the meeting."))
    if row.status == AttendanceStatus.GUEST:
        raise ValidationError({"fee": _("A guest pays Party fees in their own branch.")})
    if not collects_fees(meeting):
        raise ValidationError({"fee": _("Party fees are collected at the regular monthly meeting; record them "
                                        "there or in the fee ledger.")})
    month = Month.of(meeting.date)
    if amount is None:
        ledger.clear_payment(row.person_id, month)
        return
    if meeting.date > clock.today():
        raise ValidationError({"fee": _("The meeting of {date} has not taken place yet: record the fees paid at "
                                        "it once it has.").format(date=format_date(meeting.date))})
    ledger.record_payment(row.person_id, month, amount, meeting.date, meeting_id=meeting.id,
                          branch_id=meeting.branch_id)
