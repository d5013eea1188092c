"""Membership of the branches on any date: the one history every count of members is replayed from.

Each dated change of a person's place (MembershipEvent: admission, recognition, transfer in and out, a move
between branches, temporary activity, exemption, death, striking off) is written here, in the transaction of
the step or edit that causes it: ``people.record_stage`` for the steps of a person's history, ``people``'s
edits for a change of branch, ``record`` for the changes that are no step of the pipeline (temporary
activity). The queries fetch the events of the people concerned and fold them with core.membership, so a
report for July counts July's members: not someone who transferred in in October, still someone who moved to
another branch in September. Soft-deleted people count nowhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import JOIN

from desktop_app.core import clock
from desktop_app.core import membership as replaying
from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.core.membership import Change, Place
from desktop_app.i18n import _, format_date
from desktop_app.services.common import audit
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker, record_id
from desktop_app.store import raw
from desktop_app.store.models import Branch, MembershipEvent, Person, StageEvent

E = MembershipEvent
_CHUNK = 500  # people per IN (...) list


@dataclass(frozen=True)
class MemberOnDay:
    """A member of a branch on a day."""

    person_id: int
    standing: str  # Status.OFFICIAL or Status.PROBATIONARY
    exempt: bool
    away: bool  # introduced for temporary activity elsewhere

    @property
    def status(self) -> str:
        """As Person.status spells it: exempt members are "exempt", whatever their standing."""
        return Status.EXEMPT if self.exempt else self.standing


@dataclass(frozen=True)
class MemberCounts:
    """The members of a branch (or of the organisation) on a day, as the minutes and the reports state them.

    Exempt members are members in full, official in almost every case: they count among the official (or
    probationary) members and are also counted apart.
    """

    official: int
    probationary: int
    exempt: int  # of the official and probationary members, those exempted from activities
    elsewhere: int  # introduced for temporary activity elsewhere (exempt ones counted as exempt only)

    @property
    def total(self) -> int:
        return self.official + self.probationary


@dataclass(frozen=True)
class HistoryRow:
    id: int
    date: dt.date
    kind: str  # core.enums.MembershipKind
    branch_id: int
    branch_name: str
    other_branch_id: int | None
    other_branch_name: str
    standing: str
    place: str
    document_ref: str
    note: str
    paper_date: dt.date | None = None  # a transfer or move: the introduction paper's date
    reported_on: dt.date | None = None  # a transfer out: the day the new organisation confirmed the member came


def counts_of(members: Iterable[MemberOnDay]) -> MemberCounts:
    official = probationary = exempt = elsewhere = 0
    for m in members:
        if m.standing == Status.OFFICIAL:
            official += 1
        else:
            probationary += 1
        exempt += m.exempt
        elsewhere += m.away and not m.exempt
    return MemberCounts(official, probationary, exempt, elsewhere)


# ---- reading ---------------------------------------------------------------------------------------------


def _changes(where, day: dt.date | None = None) -> dict[int, list[Change]]:
    """{person: their changes dated on or before *day*, in order} for the events matching *where*."""
    query = (E.select(E.person, E.kind, E.date, E.branch, E.other_branch, E.standing)
             .join(Person, on=(E.person == Person.id))
             .where(where & Person.deleted_at.is_null())
             .order_by(E.person, E.date, E.id))
    if day is not None:
        query = query.where(E.date <= day)
    result: dict[int, list[Change]] = defaultdict(list)
    for pid, kind, date, branch, other, standing in raw.rows(query):
        result[pid].append(Change(kind, raw.to_day(date), branch, other, standing or ""))
    return result


def _changes_of(person_ids: Iterable[int], day: dt.date | None = None) -> dict[int, list[Change]]:
    ids = list(dict.fromkeys(person_ids))
    result: dict[int, list[Change]] = {}
    for start in range(0, len(ids), _CHUNK):
        result.update(_changes(E.person.in_(ids[start:start + _CHUNK]), day))
    return result


def _touching(branch_id: int, day: dt.date | None = None):
    """The people with an event in *branch_id* (joined, left, moved in or out), on or before *day*."""
    query = E.select(E.person).where((E.branch == branch_id) | (E.other_branch == branch_id))
    if day is not None:
        query = query.where(E.date <= day)
    return query.distinct()


def places_on(branch_id: int | None, day: dt.date) -> dict[int, Place]:
    """{person: place on *day*} of everyone whose history touches *branch_id* by then (None: everyone)."""
    where = E.person.in_(_touching(branch_id, day)) if branch_id is not None else (E.id.is_null(False))
    return {pid: replaying.replay(changes) for pid, changes in _changes(where, day).items()}


def members_on(branch_id: int, day: dt.date) -> list[MemberOnDay]:
    """The members of *branch_id* on *day*, official and probationary, exempt and away ones included."""
    return [MemberOnDay(pid, p.standing, p.exempt, p.away)
            for pid, p in places_on(branch_id, day).items() if p.is_member and p.branch_id == branch_id]


def member_counts(branch_id: int, day: dt.date) -> MemberCounts:
    return counts_of(members_on(branch_id, day))


def members_by_branch(day: dt.date) -> dict[int, list[MemberOnDay]]:
    """{branch: its members on *day*} over the whole organisation."""
    result: dict[int, list[MemberOnDay]] = defaultdict(list)
    for pid, p in places_on(None, day).items():
        if p.is_member and p.branch_id is not None:
            result[p.branch_id].append(MemberOnDay(pid, p.standing, p.exempt, p.away))
    return dict(result)


def status_counts(branch_id: int, day: dt.date) -> dict[str, int]:
    """{status: people} of the members of *branch_id* on *day* and of those who had left it by then
    (exempt members under "exempt", not under their standing)."""
    found = Counter(p.status for p in places_on(branch_id, day).values()
                    if p.branch_id == branch_id and (p.is_member or p.left))
    return dict(found)


def branches_on(person_ids: Iterable[int], day: dt.date) -> dict[int, int | None]:
    """{person: the branch they belonged to on *day*} (candidates too: a move takes them along)."""
    ids = list(dict.fromkeys(person_ids))
    current = _current_branches(ids)
    history = _changes_of(ids)
    return {pid: replaying.branch_on(history.get(pid, []), day, current.get(pid)) for pid in ids}


def branch_at_each(dated: Iterable[tuple[int, dt.date]], among=None) -> dict[tuple[int, dt.date], int | None]:
    """{(person, day): branch} for pairs of a person and a day (the admissions of a year, say). *among*, a query
    selecting the people's ids, fetches their histories in one statement instead of lists of ids."""
    pairs = list(dict.fromkeys(dated))
    ids = [pid for pid, _day in pairs]
    if among is not None:
        current = dict(Person.select(Person.id, Person.branch).where(Person.id.in_(among)).tuples())
        history = _changes(E.person.in_(among))
    else:
        current = _current_branches(ids)
        history = _changes_of(ids)
    return {(pid, day): replaying.branch_on(history.get(pid, []), day, current.get(pid)) for pid, day in pairs}


def _current_branches(ids: list[int]) -> dict[int, int | None]:
    result: dict[int, int | None] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start:start + _CHUNK]
        result.update(Person.select(Person.id, Person.branch).where(Person.id.in_(chunk)).tuples())
    return result


def people_of_branch(branch_id: int) -> list[int]:
    """Everyone who belongs or ever belonged to *branch_id*: its people now and those its history names."""
    now = [pid for (pid,) in Person.select(Person.id).where((Person.branch == branch_id)
                                                          & Person.deleted_at.is_null()).tuples()]
    before = [pid for (pid,) in _touching(branch_id).tuples()]
    return list(dict.fromkeys(now + before))


def place(person_id: int, day: dt.date | None = None) -> Place:
    """Where *person_id* stands on *day* (today when None)."""
    return replaying.replay(_changes_of([person_id]).get(person_id, []), day or clock.today())


def history(person_id: int) -> list[HistoryRow]:
    """The person's membership events, oldest first."""
    other = Branch.alias()
    query = (E.select(E.id, E.date, E.kind, E.branch, Branch.name, E.other_branch, other.name, E.standing, E.place,
                      E.document_ref, E.note, E.paper_date, E.reported_on)
             .join(Branch, on=(E.branch == Branch.id))
             .switch(E).join(other, join_type=JOIN.LEFT_OUTER, on=(E.other_branch == other.id))
             .where(E.person == person_id).order_by(E.date, E.id))
    return [HistoryRow(eid, raw.to_day(day), kind, bid, bname or "", oid, oname or "", standing, where, ref, note,
                       raw.to_date(paper), raw.to_date(reported))
            for eid, day, kind, bid, bname, oid, oname, standing, where, ref, note, paper, reported in raw.rows(query)]


@dataclass(frozen=True)
class BranchEvent:
    date: dt.date
    kind: str  # core.enums.MembershipKind
    person_id: int
    person_name: str
    sort_key: str
    branch_id: int
    branch_name: str
    other_branch_id: int | None
    other_branch_name: str
    place: str
    document_ref: str


def branch_events(branch_id: int, start: dt.date, end: dt.date, kinds: Iterable[str]) -> list[BranchEvent]:
    """The events of *kinds* that concern *branch_id* (moves out of it too) dated *start*..*end*, by date."""
    other = Branch.alias()
    query = (E.select(E.date, E.kind, E.person, Person.full_name, Person.sort_key, E.branch, Branch.name,
                      E.other_branch, other.name, E.place, E.document_ref)
             .join(Branch, on=(E.branch == Branch.id))
             .switch(E).join(other, join_type=JOIN.LEFT_OUTER, on=(E.other_branch == other.id))
             .switch(E).join(Person, on=(E.person == Person.id))
             .where(((E.branch == branch_id) | (E.other_branch == branch_id)) & E.date.between(start, end)
                    & E.kind.in_(list(kinds)) & Person.deleted_at.is_null())
             .order_by(E.date, E.id))
    return [BranchEvent(raw.to_day(day), kind, pid, name, key, bid, bname or "", oid, oname or "", where, ref)
            for day, kind, pid, name, key, bid, bname, oid, oname, where, ref in raw.rows(query)]


# ---- writing (inside the caller's transaction) ----------------------------------------------------------


def _write(person: Person, kind: str, on: dt.date, branch_id: int, *, other_branch_id: int | None = None,
           standing: str = "", place: str = "", document_ref: str = "", note: str = "",
           stage_event: StageEvent | None = None) -> MembershipEvent:
    event = E.create(person=person.id, branch=branch_id, kind=kind, date=on, other_branch=other_branch_id,
                     standing=standing, place=place, document_ref=document_ref, note=note, stage_event=stage_event)
    audit.record_change("create", event, None)
    return event


def after_stage(person: Person, event: StageEvent, *, place: str = "") -> list[MembershipEvent]:
    """The membership change a step of *person*'s history makes (a ceremony admits, a recognition makes
    official…), dated like the step, in the branch the person belonged to that day. A member first recorded
    by a recognition or an exemption is on record from then."""
    kind = K.OF_STAGE.get(event.stage)
    if kind is None:
        return []
    day = event.date
    before = place_before(person.id, day)
    branch = before.branch_id if before.branch_id is not None else person.branch_id
    if branch is None:
        return []
    written = []
    details = {"document_ref": event.document_ref, "note": event.note, "stage_event": event}
    member = before.is_member
    if kind == K.ADMISSION:
        if not member:
            written.append(_write(person, K.ADMISSION, day, branch, **details))
    elif kind == K.RECOGNITION:
        if member and before.standing == Status.PROBATIONARY:
            written.append(_write(person, K.RECOGNITION, day, branch, **details))
        elif not member:
            written.append(_write(person, K.ON_RECORD, day, branch, standing=Status.OFFICIAL, **details))
    elif kind == K.EXEMPT_FROM:
        if not member:
            written.append(_write(person, K.ON_RECORD, day, branch, standing=Status.OFFICIAL))
        if not before.exempt:
            written.append(_write(person, K.EXEMPT_FROM, day, branch, **details))
    elif kind == K.EXEMPT_UNTIL:
        if member and before.exempt:
            written.append(_write(person, K.EXEMPT_UNTIL, day, branch, **details))
    elif kind == K.TRANSFER_IN:
        if not member:
            standing = Status.PROBATIONARY if person.status == Status.PROBATIONARY else Status.OFFICIAL
            written.append(_write(person, K.TRANSFER_IN, day, branch, standing=standing, place=place, **details))
    elif kind in K.LEAVES:
        if member:
            written.append(_write(person, kind, day, branch, place=place, **details))
    return written


def place_before(person_id: int, day: dt.date) -> Place:
    """Where *person_id* stood on *day* before anything recorded now (every event dated on or before it)."""
    return replaying.replay(_changes_of([person_id]).get(person_id, []), day)


def joining(status: str, *, joined: dt.date | None, first_step: dt.date | None,
            today: dt.date) -> list[tuple[str, dt.date, str]]:
    """(kind, day, standing) of the events that make a person added with a member's *status* a member of their
    branch: admitted there at the ceremony (*first_step*) when probationary and in the branch no later, else on
    record from "in this branch since" (*joined*), or the first date of their membership known, or *today*;
    an exempt member exempt from the same day."""
    if status not in Status.MEMBERS:
        return []
    since = joined or first_step or today
    if status == Status.PROBATIONARY and first_step is not None and since <= first_step:
        return [(K.ADMISSION, first_step, "")]
    standing = Status.PROBATIONARY if status == Status.PROBATIONARY else Status.OFFICIAL
    events = [(K.ON_RECORD, since, standing)]
    if status == Status.EXEMPT:
        events.append((K.EXEMPT_FROM, since, ""))
    return events


def join(person: Person, first_step: dt.date | None) -> None:
    """Write the events of ``joining`` for *person*, just added."""
    if person.branch_id is None:
        return
    for kind, day, standing in joining(person.status, joined=person.joined_branch_date, first_step=first_step,
                                       today=clock.today()):
        _write(person, kind, day, person.branch_id, standing=standing)


def on_record(person: Person, on: dt.date, standing: str, *, exempt: bool = False) -> MembershipEvent | None:
    """A member added to the records (not admitted here, not transferred in): a member of their branch from
    *on*, with *standing*, exempt from then when *exempt*."""
    if person.branch_id is None:
        return None
    event = _write(person, K.ON_RECORD, on, person.branch_id, standing=standing)
    if exempt:
        _write(person, K.EXEMPT_FROM, on, person.branch_id)
    return event


def admitted(person: Person, on: dt.date) -> MembershipEvent:
    """*person* was admitted in their branch at the ceremony of *on*: a probationary member from then."""
    return _write(person, K.ADMISSION, on, person.branch_id)


def move(person: Person, old_branch_id: int | None, new_branch_id: int, on: dt.date) -> MembershipEvent | None:
    """*person* belongs to *new_branch_id* from *on* (their branch was *old_branch_id*). A member by status
    given a branch for the first time is on record there from *on*."""
    if old_branch_id is None and person.status in Status.MEMBERS and not place_before(person.id, on).is_member:
        standing = Status.PROBATIONARY if person.status == Status.PROBATIONARY else Status.OFFICIAL
        return on_record(person, on, standing, exempt=person.status == Status.EXEMPT)
    return _write(person, K.MOVE, on, new_branch_id, other_branch_id=old_branch_id)


# ---- the changes that are no step of the pipeline ------------------------------------------------------

# The kinds ``record`` writes, with what the person must be on the day: a member of the branch, away or not,
# visiting or not.
RECORDABLE = (K.ELSEWHERE_FROM, K.ELSEWHERE_UNTIL, K.HERE_FROM, K.HERE_UNTIL)


def record(person_id: int, kind: str, on: dt.date, *, branch_id: int | None = None, place: str = "",
           document_ref: str = "", note: str = "") -> MembershipEvent:
    """Record temporary activity: a member of the branch introduced elsewhere (``elsewhere_from``) or back
    (``elsewhere_until``), a member of another organisation active in *branch_id* (``here_from``) or no longer
    (``here_until``). Admission, recognition, exemption, transfers, death and striking off are steps of the
    person's history (people.record_stage); transfers and moves are services.people.transfers."""
    person, kind, day, branch, values = _checked_record(person_id, kind, on, branch_id=branch_id, place=place,
                                                        document_ref=document_ref, note=note)
    with atomic():
        return _write(person, kind, day, branch, place=values.get("place") or "",
                      document_ref=values.get("document_ref") or "", note=values.get("note") or "")


def check_record(person_id: int, kind: str, on: dt.date, **details) -> None:
    """Raise what ``record`` would refuse (a ValidationError by field, NotFoundError), writing nothing."""
    _checked_record(person_id, kind, on, **details)


def _checked_record(person_id: int, kind: str, on: dt.date, *, branch_id: int | None = None, place: str = "",
                    document_ref: str = "", note: str = ""):
    person = Person.get_or_none(Person.id == record_id(person_id))
    if person is None or person.deleted_at is not None:
        raise NotFoundError(_("Person not found."))
    check = Checker({"kind": kind, "date": on, "place": place, "document_ref": document_ref, "note": note})
    check.choice("kind", list(RECORDABLE), required=True, label=_("Change"))
    check.date("date", required=True, not_future=True, label=_("Date"))
    check.text("place", max_length=200, name=True, label=_("Where"))
    check.text("document_ref", max_length=100, name=True, label=_("Document"))
    check.text("note", label=_("Note"))
    values = check.done()
    day = values["date"]
    now = place_before(person.id, day)
    kind = values["kind"]
    if kind in (K.ELSEWHERE_FROM, K.ELSEWHERE_UNTIL):
        if not now.is_member:
            raise ValidationError({"kind": _("{name} is not a member of a branch on {date}.").format(
                name=person.full_name, date=_format(day))})
        if (kind == K.ELSEWHERE_FROM) == now.away:
            raise ValidationError({"kind": _("{name} is already away on {date}.").format(
                name=person.full_name, date=_format(day)) if now.away else _(
                "{name} is not away on {date}.").format(name=person.full_name, date=_format(day))})
        branch = now.branch_id
        if branch is None:  # a member always has a branch; the replay guarantees it
            raise ValidationError({"kind": _("{name} is not a member of a branch on {date}.").format(
                name=person.full_name, date=_format(day))})
    else:
        if kind == K.HERE_FROM:
            branch = branch_id
            if branch is None or Branch.get_or_none((Branch.id == record_id(branch)) & Branch.deleted_at.is_null()) \
                    is None:
                raise ValidationError({"branch": _("The chosen branch does not exist.")})
            if now.visiting is not None:
                raise ValidationError({"kind": _("{name} is already active in a branch for a while.").format(
                    name=person.full_name)})
        else:
            branch = now.visiting
            if branch is None:
                raise ValidationError({"kind": _("{name} is not active in a branch for a while on {date}.").format(
                    name=person.full_name, date=_format(day))})
    last = history(person.id)
    if last and day < last[-1].date:
        raise ValidationError({"date": _(
            "The date cannot be before {date}, the last change recorded in {name}'s membership history.").format(
            date=_format(last[-1].date), name=person.full_name)})
    return person, kind, day, branch, values


def _format(day: dt.date) -> str:
    return format_date(day)


# ---- everyone of a branch on a day, candidates too ------------------------------------------------------


def _stage_statuses(person_ids: list[int], day: dt.date) -> dict[int, str]:
    """{person: the status their last step dated on or before *day* gave} (the steps that set none skipped)."""
    result: dict[int, str] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start:start + _CHUNK]
        query = (StageEvent.select(StageEvent.person, StageEvent.stage)
                 .where(StageEvent.person.in_(chunk) & (StageEvent.date <= day))
                 .order_by(StageEvent.person, StageEvent.date, StageEvent.id))
        for pid, stage in raw.rows(query):
            status = Stage.STATUS_AFTER.get(stage)
            if status:
                result[pid] = status
    return result


def statuses_on(branch_id: int, day: dt.date) -> dict[str, int]:
    """{status: people} of *branch_id* on *day*: its members from the membership history (exempt ones under
    "exempt"), those who had left it by then under how they left, and its candidates (outstanding mass
    members, sympathisers, applicants, and those removed from the list) from their dated steps, in the branch
    they belonged to that day."""
    counts = Counter(status_counts(branch_id, day))
    people = people_of_branch(branch_id)
    places = places_on(branch_id, day)
    steps = _stage_statuses(people, day)
    others = [pid for pid in people if pid in steps and not (pid in places and (places[pid].is_member
                                                                                 or places[pid].left))]
    where = branches_on(others, day)
    for pid in others:
        status = steps[pid]
        if where.get(pid) == branch_id and status in (*Status.CANDIDATES, Status.DROPPED):
            counts[status] += 1
    return dict(counts)
