"""Party badges (Huy hiệu Đảng): who reaches a milestone of party age by each award day of a year, and the
badges awarded.

Party age runs from the date of the admission decision (Person.admission_date); the milestones and the award days
are the rules' configurable parameters (core.rules.badges). The list of an award day holds the members of the
organisation on that day whose milestone fell after the award day before it (core.rules.newly_due), and members
who died in the year whose milestone came at most twelve months after their death (posthumously). A badge
recorded as awarded is not listed again."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_app.core import clock, rules
from desktop_app.core.enums import MembershipKind, Status
from desktop_app.core.text import name_sort_key
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.services.people import membership
from desktop_app.store import raw
from desktop_app.store.models import Branch, MembershipEvent, PartyBadge, Person

_CHUNK = 500


@dataclass(frozen=True)
class BadgeLine:
    award_day: dt.date
    person_id: int
    name: str
    sort_key: str
    branch_id: int
    branch_code: str
    branch_name: str
    admitted: dt.date
    years: int  # the milestone
    reached_on: dt.date
    due_from: dt.date
    posthumous: bool


@dataclass(frozen=True)
class AwardedRow:
    id: int
    person_id: int
    years: int
    awarded_on: dt.date
    decision_number: str
    posthumous: bool
    note: str


def awarded_years(person_ids: Iterable[int]) -> dict[int, set[int]]:
    """{person: the milestones already awarded}."""
    ids = list(dict.fromkeys(person_ids))
    result: dict[int, set[int]] = defaultdict(set)
    for first in range(0, len(ids), _CHUNK):
        for pid, years in PartyBadge.select(PartyBadge.person, PartyBadge.years).where(
                PartyBadge.person.in_(ids[first:first + _CHUNK])).tuples():
            result[pid].add(years)
    return dict(result)


def _deaths(start: dt.date, end: dt.date) -> dict[int, tuple[dt.date, int]]:
    """{person: (day of death, branch)} of the members who died between *start* and *end*."""
    query = (MembershipEvent.select(MembershipEvent.person, MembershipEvent.date, MembershipEvent.branch)
             .join(Person, on=(MembershipEvent.person == Person.id))
             .where((MembershipEvent.kind == MembershipKind.DEATH) & MembershipEvent.date.between(start, end)
                    & Person.deleted_at.is_null()))
    return {pid: (raw.to_day(day), bid) for pid, day, bid in raw.rows(query)}


def _people(ids: list[int]) -> dict[int, tuple[str, str, dt.date | None]]:
    found: dict[int, tuple[str, str, dt.date | None]] = {}
    for first in range(0, len(ids), _CHUNK):
        query = Person.select(Person.id, Person.full_name, Person.sort_key, Person.admission_date).where(
            Person.id.in_(ids[first:first + _CHUNK]))
        for pid, name, key, admitted in raw.rows(query):
            found[pid] = (name, key or name_sort_key(name), raw.to_date(admitted))
    return found


def due_in_year(year: int, branch_id: int | None = None) -> list[BadgeLine]:
    """The badges of each award day of *year* not yet awarded, for one branch or the organisation: by award day,
    branch code, milestone (the longest party age first) and name."""
    return due_on(rules.award_days(year), branch_id)


def due_on(days: list[dt.date], branch_id: int | None = None) -> list[BadgeLine]:
    """The lists of the award days *days* (in date order), as ``due_in_year`` gives them."""
    if not days:
        return []
    first_day = rules.previous_award_day(days[0]) + dt.timedelta(days=1)
    deaths = _deaths(first_day, days[-1])
    on_day: dict[dt.date, list[tuple[int, int]]] = {}
    ids: set[int] = set(deaths)
    for day in days:
        members = ({branch_id: membership.members_on(branch_id, day)} if branch_id is not None
                   else membership.members_by_branch(day))
        on_day[day] = [(m.person_id, bid) for bid, group in members.items() for m in group]
        ids.update(pid for pid, _b in on_day[day])
    people = _people(sorted(ids))
    awarded = awarded_years(ids)
    branches = {bid: (code, name) for bid, code, name in Branch.select(Branch.id, Branch.code, Branch.name).tuples()}
    policy = rules.policy_for(days[0])
    lines: list[BadgeLine] = []

    def add(day: dt.date, pid: int, bid: int, died: dt.date | None = None) -> None:
        name, key, admitted = people.get(pid, ("", "", None))
        if admitted is None:
            return
        for badge in rules.newly_due(admitted, day, died_on=died, policy=policy):
            if badge.years in awarded.get(pid, set()):
                continue
            code, branch_name = branches.get(bid, ("", ""))
            lines.append(BadgeLine(day, pid, name, key, bid, code, branch_name, admitted, badge.years,
                                   badge.reached_on, badge.due_from, badge.posthumous))

    for day in days:
        for pid, bid in on_day[day]:
            add(day, pid, bid)
        for pid, (died, bid) in deaths.items():
            if died <= day and (branch_id is None or bid == branch_id):
                add(day, pid, bid, died)
    lines.sort(key=lambda x: (x.award_day, x.branch_code, -x.years, x.sort_key, x.person_id))
    return lines


def count_by_day(lines: Iterable[BadgeLine]) -> dict[dt.date, dict[int, int]]:
    """{award day: {milestone: members}} of a list."""
    result: dict[dt.date, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        result[line.award_day][line.years] += 1
    return {day: dict(sorted(counts.items())) for day, counts in sorted(result.items())}


# ---- awarding ---------------------------------------------------------------------------------------------------


def labels() -> dict[str, str]:
    return {"years": _("Milestone (years of party age)"), "awarded_on": _("Awarded on"),
            "decision_number": _("Decision number"), "note": _("Note")}


def _death_day(person_id: int) -> dt.date | None:
    day = (MembershipEvent.select(MembershipEvent.date)
           .where((MembershipEvent.person == person_id) & (MembershipEvent.kind == MembershipKind.DEATH))
           .order_by(MembershipEvent.date.desc()).limit(1).scalar())
    return raw.to_date(day)


def award(person_id: Any, years: Any, on: Any, *, decision_number: Any = "", note: Any = "",
          seriously_ill: bool = False) -> PartyBadge:
    """Record the badge of *years* awarded to the member on *on*. Refused (nothing written) for a milestone the
    rules do not know, a badge already recorded, a member without an admission date, someone who is not a member
    (nor a member who died: posthumously), or a day before the badge is due (*seriously_ill*: early, as the rules
    allow)."""
    person = Person.get_or_none((Person.id == record_id(person_id)) & Person.deleted_at.is_null())
    if person is None:
        raise NotFoundError(_("Person not found."))
    names = labels()
    check = Checker({"years": years, "awarded_on": on, "decision_number": decision_number, "note": note})
    count = check.integer("years", minimum=1, maximum=100, required=True, label=names["years"])
    day = check.date("awarded_on", required=True, not_future=True, label=names["awarded_on"],
                     minimum=person.admission_date or dt.date(1930, 1, 1))
    check.text("decision_number", max_length=100, name=True, label=names["decision_number"])
    check.text("note", label=names["note"])
    values = check.done()
    assert count is not None and day is not None
    policy = rules.policy_for(day)
    if count not in policy.badge_milestones_years:
        raise ValidationError({"years": _("The Party badge milestones are {milestones} years of party age.").format(
            milestones=", ".join(map(str, policy.badge_milestones_years)))})
    if person.status not in (*Status.MEMBERS, Status.DECEASED):
        raise ValidationError({"person": _("{name} is not a Party member.").format(name=person.full_name)})
    if person.admission_date is None:
        raise ValidationError({"person": _("{name} has no date of admission decision: party age cannot be counted.")
                               .format(name=person.full_name)})
    if PartyBadge.select().where((PartyBadge.person == person.id) & (PartyBadge.years == count)).exists():
        raise ValidationError({"years": _("{name} has the {years}-year badge already.").format(
            name=person.full_name, years=count)})
    died = _death_day(person.id) if person.status == Status.DECEASED else None
    due = rules.badge_due(person.admission_date, count, day, seriously_ill=seriously_ill, died_on=died,
                          policy=policy)
    if due is None:
        reached = rules.milestone_date(person.admission_date, count)
        raise ValidationError({"awarded_on": _(
            "{name} reaches {years} years of party age on {date}: the badge cannot be awarded before.").format(
            name=person.full_name, years=count, date=format_date(reached))})
    with atomic():
        badge = PartyBadge.create(person=person.id, years=count, awarded_on=day,
                                  decision_number=values.get("decision_number") or "",
                                  posthumous=due.posthumous, note=values.get("note") or "")
        audit.record_change("create", badge, None)
    return badge


def remove(badge_id: Any) -> None:
    """Remove a badge recorded by mistake (the audit trail keeps what it was)."""
    badge = PartyBadge.get_or_none(PartyBadge.id == record_id(badge_id))
    if badge is None:
        raise NotFoundError(_("Party badge not found."))
    with atomic():
        before = audit.snapshot(badge)
        audit.record("delete", badge._meta.table_name, badge.uid, before, None)
        badge.delete_instance()


def for_person(person_id: int) -> list[AwardedRow]:
    return [AwardedRow(b.id, b.person_id, b.years, b.awarded_on, b.decision_number, bool(b.posthumous), b.note)
            for b in PartyBadge.select().where(PartyBadge.person == person_id).order_by(PartyBadge.years)]


def next_award_day(on: dt.date | None = None) -> dt.date:
    return rules.award_day_on_or_after(on or clock.today())
