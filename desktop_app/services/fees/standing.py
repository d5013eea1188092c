"""When each person was a member, and exempt from activities, month by month: what the fees are owed for.

A member owes fees for each month in which they were a member on any day: from the month they became one (the
ceremony; else the admission decision or recognition date on their record) to the month before the one they
left in, unless they left on its first day (a transfer out, striking off or death, dated in their history). A
member exempt from Party work and activities on a month's last day is exempt for that month.

``members_in_month`` is the one place that says who belonged to a branch in a month: it asks the dated history
of branch membership (services.people.membership), so a member who moved in October is in the new branch's
ledger from October and in the old one's before.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core.enums import Stage, Status
from desktop_app.core.rules import Month
from desktop_app.services.people import membership
from desktop_app.store import raw
from desktop_app.store.models import Person, StageEvent

_STARTS = (Stage.CEREMONY, Stage.ADMISSION_DECISION, Stage.RECOGNITION_DECISION)
_LEAVES = (Stage.TRANSFERRED_OUT, Stage.STRUCK_OFF, Stage.DECEASED)
_CHUNK = 500


@dataclass(frozen=True)
class Standing:
    """One person's membership as the fees need it."""

    person_id: int
    full_name: str
    sort_key: str
    branch_id: int | None
    status: str  # today
    start: dt.date | None  # became a member
    end: dt.date | None  # stopped being one (None: still a member, or never was)
    admitted: dt.date | None  # the admission decision: party age runs from it
    exempt: tuple[tuple[dt.date, dt.date | None], ...] = field(default=())  # exempt from activities, from..until

    @property
    def first_month(self) -> Month | None:
        return Month.of(self.start) if self.start else None

    @property
    def last_month(self) -> Month | None:
        """The last month owed, or None when still a member (or never one)."""
        if self.end is None:
            return None
        return Month.of(self.end - dt.timedelta(days=1))

    def member_in(self, month: Month) -> bool:
        if self.start is None or self.start > month.last_day:
            return False
        return self.end is None or self.end > month.first_day

    def exempt_in(self, month: Month) -> bool:
        day = month.last_day
        return any(since <= day and (until is None or day < until) for since, until in self.exempt)

    def status_in(self, month: Month) -> str:
        """Status.EXEMPT, Status.OFFICIAL (every other member: the fee does not tell them apart) or "" when the
        person was not a member in *month*."""
        if not self.member_in(month):
            return ""
        return Status.EXEMPT if self.exempt_in(month) else Status.OFFICIAL


def _events(person_ids: list[int]) -> dict[int, list[tuple[dt.date, str]]]:
    found: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    wanted = (*_STARTS, *_LEAVES, Stage.EXEMPTED, Stage.RETURNED)
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start:start + _CHUNK]
        query = (StageEvent.select(StageEvent.person, StageEvent.date, StageEvent.stage)
                 .where(StageEvent.person.in_(chunk) & StageEvent.stage.in_(wanted))
                 .order_by(StageEvent.date, StageEvent.id))
        for pid, day, stage in raw.rows(query):
            found[pid].append((raw.to_day(day), stage))
    return found


def _standing(person: tuple, events: list[tuple[dt.date, str]]) -> Standing:
    pid, name, sort_key, branch_id, status, ceremony, admission, official = person
    start = ceremony or admission or official
    if start is None:
        starts = [day for day, stage in events if stage in _STARTS]
        start = min(starts) if starts else None
    end = None
    if status in Status.GONE:
        leaving = [day for day, stage in events if stage in _LEAVES and (start is None or day >= start)]
        end = leaving[0] if leaving else start  # gone, day unknown: nothing owed
    exempt: list[tuple[dt.date, dt.date | None]] = []
    for day, stage in events:
        if stage == Stage.EXEMPTED and (not exempt or exempt[-1][1] is not None):
            exempt.append((day, None))
        elif stage == Stage.RETURNED and exempt and exempt[-1][1] is None:
            exempt[-1] = (exempt[-1][0], day)
    if status == Status.EXEMPT and not exempt and start is not None:
        exempt.append((start, None))  # exempt before the records: throughout
    return Standing(pid, name, sort_key, branch_id, status, start, end, admission, tuple(exempt))


_FIELDS = (Person.id, Person.full_name, Person.sort_key, Person.branch, Person.status, Person.ceremony_date,
           Person.admission_date, Person.official_date)


def standings(person_ids: Iterable[int]) -> dict[int, Standing]:
    """{person: standing} of the given people (deleted ones included: their payments stay in the books)."""
    ids = list(dict.fromkeys(person_ids))
    rows = []
    for start in range(0, len(ids), _CHUNK):
        for row in raw.rows(Person.select(*_FIELDS).where(Person.id.in_(ids[start:start + _CHUNK]))):
            rows.append((*row[:5], *(raw.to_date(v) for v in row[5:])))
    events = _events(ids)
    return {row[0]: _standing(row, events.get(row[0], [])) for row in rows}


def standing(person_id: int) -> Standing | None:
    return standings([person_id]).get(person_id)


def branch_people(branch_id: int) -> list[int]:
    """The people who are or were members of *branch_id*, as its record names them (not deleted)."""
    return [pid for (pid,) in Person.select(Person.id).where(
        (Person.branch == branch_id) & Person.deleted_at.is_null()
        & Person.status.in_((*Status.MEMBERS, *Status.GONE))).tuples()]


def members_in_month(branch_id: int, month: Month) -> list[Standing]:
    """The members of *branch_id* in *month*, in list order: those who belonged to it on the month's last day,
    and those who belonged to it on its first day and left the Party during the month (that month is still owed
    here). One who moved to another branch during the month is in that branch's list."""
    at_end = {m.person_id for m in membership.members_on(branch_id, month.last_day)}
    leaving = {m.person_id for m in membership.members_on(branch_id, month.first_day)} - at_end
    left = {pid for pid in leaving if not membership.place(pid, month.last_day).is_member}
    found = standings(at_end | left).values()
    return sorted(found, key=lambda s: (s.sort_key, s.person_id))
