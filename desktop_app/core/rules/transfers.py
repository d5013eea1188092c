"""Official transfer of Party activity (chuyển sinh hoạt đảng chính thức; Regulation 294-QĐ/TW point 6.3.1;
domain.md §6 and §7): deadlines in working days and the checks before recording a transfer.

How to call it::

    transfer_start_deadline(effective)   # Deadline: 60 working days after the decision (new post, retirement,
                                         # demobilisation…) takes effect or the member moves house for good
    transfer_report_deadline(introduced) # Deadline: 30 working days after the introduction paper, to report
                                         # to the new branch's committee
    check_transfer_out(facts, on)        # Findings before recording the transfer out on *on*
    check_arrival(facts, on)             # Findings before recording the arrival at the new branch on *on*

Working days follow :mod:`desktop_app.core.calendar` (the day itself not counted; weekends, public holidays
and Tết skipped; the user's extra days off and make-up days count). Late steps are warnings (they are
recorded, the reminder says they are late); a transfer out of a member under inspection, discipline review
or complaint handling is an error, as is a transfer of someone who is not a member.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import calendar as _calendar
from desktop_app.core.enums import Status
from desktop_app.core.rules.findings import Findings
from desktop_app.core.rules.periods import Deadline
from desktop_app.core.rules.policy import Policy
from desktop_app.core.rules.registry import policy_for
from desktop_app.i18n import _, format_date


@dataclass(frozen=True)
class TransferFacts:
    """One member's transfer, as far as the rules care."""

    status: str | None  # Status code
    effective: dt.date | None = None  # the decision took effect, or the long-term move
    introduced: dt.date | None = None  # date of the introduction paper (giấy giới thiệu sinh hoạt đảng)
    under_inspection: bool = False  # being inspected, considered for discipline, or a complaint is being handled
    inspection_reason: str = ""


def _deadline(start: dt.date, rule: str, policy: Policy, calendar: _calendar.WorkCalendar | None) -> Deadline:
    days = getattr(policy, rule)
    return Deadline(_calendar.add_working_days(start, days, calendar), rule, policy.source(rule), policy.version)


def transfer_start_deadline(effective: dt.date, *, policy: Policy | None = None,
                            calendar: _calendar.WorkCalendar | None = None) -> Deadline:
    """Last day to start the official transfer: 60 working days after *effective* (point 6.3.1)."""
    policy = policy or policy_for(effective)
    return _deadline(effective, "transfer_start_working_days", policy, calendar)


def transfer_report_deadline(introduced: dt.date, *, policy: Policy | None = None,
                             calendar: _calendar.WorkCalendar | None = None) -> Deadline:
    """Last day to report to the new branch: 30 working days after the introduction paper (point 6.3.1)."""
    policy = policy or policy_for(introduced)
    return _deadline(introduced, "transfer_report_working_days", policy, calendar)


def check_transfer_out(facts: TransferFacts, on: dt.date, *, policy: Policy | None = None,
                       calendar: _calendar.WorkCalendar | None = None) -> Findings:
    """May the member's official transfer out be recorded on *on*? Errors block it; warnings say it is late."""
    policy = policy or policy_for(on)
    found = Findings(policy)
    if facts.status not in Status.MEMBERS:
        found.error("status", _("Only a Party member can be transferred; the status is “{status}”.").format(
            status=Status.label(facts.status) or _("none")))
    if facts.under_inspection:
        reason = facts.inspection_reason.strip()
        text = _("No official transfer while the member is under inspection, discipline review or complaint "
                 "handling ({source}).").format(source=policy.source("transfer_under_inspection"))
        found.error("transfer_under_inspection", text + (" " + _("Reason: {reason}.").format(reason=reason)
                                                         if reason else ""))
    if facts.effective is not None:
        if on < facts.effective:
            found.warning("date_order", _("The transfer is recorded before the decision takes effect ({date}).")
                          .format(date=format_date(facts.effective)))
        deadline = transfer_start_deadline(facts.effective, policy=policy, calendar=calendar)
        if on > deadline.date:
            found.warning(deadline.rule_id, _(
                "The official transfer was due to start by {date}, {days} working days after {start} "
                "({source}).").format(date=format_date(deadline.date), days=policy.transfer_start_working_days,
                                      start=format_date(facts.effective), source=deadline.source))
    return found


def check_arrival(facts: TransferFacts, on: dt.date, *, policy: Policy | None = None,
                  calendar: _calendar.WorkCalendar | None = None) -> Findings:
    """May the member's arrival at the new branch be recorded on *on*?"""
    policy = policy or policy_for(on)
    found = Findings(policy)
    if facts.introduced is None:
        return found
    if on < facts.introduced:
        found.error("date_order", _("The arrival ({date}) cannot precede the introduction paper ({paper}).").format(
            date=format_date(on), paper=format_date(facts.introduced)))
        return found
    deadline = transfer_report_deadline(facts.introduced, policy=policy, calendar=calendar)
    if on > deadline.date:
        found.warning(deadline.rule_id, _(
            "The member was due to report to the new branch by {date}, {days} working days after the "
            "introduction paper of {paper} ({source}).").format(
            date=format_date(deadline.date), days=policy.transfer_report_working_days,
            paper=format_date(facts.introduced), source=deadline.source))
    return found
