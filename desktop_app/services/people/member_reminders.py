"""What is due in a member's life after admission, for the reminders (services.people.reminders): an official
transfer to start within 60 working days of a decision taking effect, a member transferred out who has not been
confirmed at the new organisation 30 working days after the introduction paper (Regulation 294-QĐ/TW point 6.3.1),
and, in December and January, the members working in an agency or enterprise whose residence branch has not yet
commented on the year (Quy định 213-QĐ/TW), counted by branch.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from desktop_app.core import rules
from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Status
from desktop_app.i18n import _, ngettext
from desktop_app.services.people import residence
from desktop_app.store import raw
from desktop_app.store.models import Branch, MembershipEvent, Person

# A transfer out unconfirmed for longer than this is for the committee's quarterly check of the transfer slips, no
# longer a reminder of every day.
REPORT_LOOKBACK_DAYS = 366


def transfers(c, branch_id: int | None) -> None:
    """Add to the collector *c* (reminders._Collector) the transfers to start and the arrivals to confirm."""
    where = (Person.deleted_at.is_null() & Person.moving_on.is_null(False) & Person.status.in_(Status.MEMBERS))
    if branch_id is not None:
        where &= Person.branch == branch_id
    for pid, name, bid, moving_on, moving_to in raw.rows(
            Person.select(Person.id, Person.full_name, Person.branch, Person.moving_on, Person.moving_to)
            .where(where)):
        case = _case(pid, name, bid)
        deadline = rules.transfer_start_deadline(raw.to_day(moving_on))
        place = moving_to or _("another organisation")
        c.deadline("transfer_start_due", deadline, _(
            "The official transfer of {name} to {place} is due to start by {date}."), case, place=place)
    since = c.on - dt.timedelta(days=REPORT_LOOKBACK_DAYS)
    E = MembershipEvent
    query = (E.select(E.person, Person.full_name, E.branch, E.date, E.paper_date, E.place)
             .join(Person, on=(E.person == Person.id))
             .where((E.kind == K.TRANSFER_OUT) & E.reported_on.is_null() & (E.date >= since) & (E.date <= c.on)
                    & Person.deleted_at.is_null() & (Person.status == Status.TRANSFERRED)))
    if branch_id is not None:
        query = query.where(E.branch == branch_id)
    for pid, name, bid, day, paper, place in raw.rows(query):
        case = _case(pid, name, bid)
        deadline = rules.transfer_report_deadline(raw.to_day(paper or day))
        c.deadline("transfer_report_due", deadline, _(
            "{name} was due to report to {place} by {date}; no confirmation is recorded."), case,
            place=place or _("the new organisation"))


def residence_comments(c, branch_id: int | None) -> None:
    """In December and January: per branch, the members without the residence branch's comment on the year."""
    year = residence.grading_year(c.on)
    if year is None:
        return
    found = residence.missing_by_branch(year, branch_id)
    if not found:
        return
    names = dict(Branch.select(Branch.id, Branch.name).where(Branch.id.in_(list(found))).tuples())
    due = dt.date(year, 12, 31) if c.on.month == 12 else dt.date(c.on.year, 1, 31)
    for bid, rows in sorted(found.items(), key=lambda item: names.get(item[0], "")):
        n = len(rows)
        text = ngettext("{branch}: {n} member working in an agency or enterprise has no comment from the residence "
                        "branch for {year} ({source}).",
                        "{branch}: {n} members working in an agency or enterprise have no comment from the "
                        "residence branch for {year} ({source}).", n).format(
            branch=names.get(bid, ""), n=n, year=year, source=residence.source())
        unknown = sum(1 for r in rows if r.no_contact)
        if unknown:
            text += " " + ngettext("{n} of them has no residence branch recorded.",
                                   "{n} of them have no residence branch recorded.", unknown).format(n=unknown)
        c.add("residence_comment_missing", due, text, branch_id=bid, source=residence.source(),
              severity=rules.WARNING)


class _Case(NamedTuple):
    """The person a reminder is about, as the collector reads it."""

    id: int
    name: str
    branch_id: int | None


def _case(pid: int, name: str, branch_id: int | None) -> _Case:
    return _Case(pid, name, branch_id)
