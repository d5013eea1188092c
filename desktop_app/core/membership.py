"""Where a person stands in the organisation's branches on a day, replayed from their dated membership history.

Pure: services.people.membership fetches the events (core.enums.MembershipKind), this module folds them. An event
takes effect on its date: a member who transfers in on 05/10 counts on 05/10, one who transfers out on 10/10 no
longer does. Events of one day apply in the order they were recorded, so callers pass them sorted by (date, id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Status


@dataclass(frozen=True)
class Change:
    """One dated event of a person's membership history."""

    kind: str  # core.enums.MembershipKind
    date: dt.date
    branch_id: int | None
    other_branch_id: int | None = None  # a move: the branch left
    standing: str = ""  # a member arriving (transfer in, on record): Status.OFFICIAL or Status.PROBATIONARY


@dataclass
class Place:
    """A person's place on one day."""

    branch_id: int | None = None  # the branch they belong to (the last one, once they have left)
    standing: str = ""  # Status.OFFICIAL or Status.PROBATIONARY while a member of the organisation, else ""
    exempt: bool = False  # exempted from Party work and activities
    away: bool = False  # introduced for temporary activity elsewhere
    visiting: int | None = None  # the branch where a member of another organisation is active for a while
    left: str = ""  # the kind that ended membership (transfer out, death, strike-off), else ""

    @property
    def is_member(self) -> bool:
        return bool(self.standing) and not self.left and self.branch_id is not None

    @property
    def is_official(self) -> bool:
        return self.is_member and self.standing == Status.OFFICIAL

    @property
    def status(self) -> str:
        """The status as Person.status spells it ("" for someone never a member)."""
        if self.left:
            return K.STATUS_AFTER_LEAVING[self.left]
        if not self.standing:
            return ""
        return Status.EXEMPT if self.exempt else self.standing


def apply(place: Place, change: Change) -> None:
    """Move *place* on by one event."""
    kind = change.kind
    if kind in K.JOINS:
        place.branch_id = change.branch_id
        place.standing = Status.PROBATIONARY if kind == K.ADMISSION else (change.standing or Status.OFFICIAL)
        place.exempt = place.away = False
        place.left = ""
    elif kind == K.MOVE:
        place.branch_id = change.branch_id
    elif kind == K.RECOGNITION:
        place.standing = Status.OFFICIAL
    elif kind == K.EXEMPT_FROM:
        place.exempt = True
    elif kind == K.EXEMPT_UNTIL:
        place.exempt = False
    elif kind == K.ELSEWHERE_FROM:
        place.away = True
    elif kind == K.ELSEWHERE_UNTIL:
        place.away = False
    elif kind == K.HERE_FROM:
        place.visiting = change.branch_id
    elif kind == K.HERE_UNTIL:
        place.visiting = None
    elif kind in K.LEAVES:
        place.branch_id = change.branch_id
        place.left = kind
        place.exempt = place.away = False


def replay(changes: Iterable[Change], day: dt.date | None = None) -> Place:
    """The place after every change dated on or before *day* (all of them when *day* is None)."""
    place = Place()
    for change in changes:
        if day is not None and change.date > day:
            break
        apply(place, change)
    return place


# Before its first event a person was where that event says they came from: a candidate of the branch that
# admits or records them, in the branch a move takes them out of, outside the organisation before a transfer in.
def _before(first: Change) -> int | None:
    if first.kind == K.MOVE:
        return first.other_branch_id
    if first.kind in (K.TRANSFER_IN, K.HERE_FROM, K.HERE_UNTIL):
        return None
    return first.branch_id


def branch_on(changes: list[Change], day: dt.date, current: int | None) -> int | None:
    """The branch a person belonged to on *day*, member or candidate; *current* (the stored branch) when the
    history says nothing. Temporary activity here does not change a person's own branch."""
    own = [c for c in changes if c.kind not in (K.HERE_FROM, K.HERE_UNTIL)]
    if not own:
        return current
    branch = _before(own[0])
    for change in own:
        if change.date > day:
            break
        branch = change.branch_id
    return branch
