"""Each demo person's membership history (MembershipEvent), from the timeline the meetings were made from.

The same facts decide who is listed at each meeting (``Human.is_member``) and the history the reports replay,
so a count on any date agrees with the attendance of that date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.services.demo.model import Event, Human

LEAVING = {Stage.TRANSFERRED_OUT: K.TRANSFER_OUT, Stage.DECEASED: K.DEATH, Stage.STRUCK_OFF: K.STRIKE_OFF}


@dataclass(frozen=True)
class Row:
    kind: str
    date: dt.date
    branch_id: int
    other_branch_id: int | None = None
    standing: str = ""
    place: str = ""
    event: Event | None = None  # the step it comes with


def _branch_on(person: Human, day: dt.date) -> int:
    """The person's branch on *day*: before each move the branch left, from it the branch joined."""
    branch = person.moves[0][1] if person.moves else person.branch_id
    for moved, _left, joined in person.moves:
        if moved <= day:
            branch = joined
    return branch


def _step(person: Human, stage: str) -> Event | None:
    return next((e for e in person.events if e.stage == stage), None)


def membership_rows(person: Human, today: dt.date) -> list[Row]:
    """The person's membership events in date order (none for a candidate never admitted)."""
    if person.member_from is None:
        return []
    rows: list[tuple[dt.date, int, Row]] = []

    def add(kind: str, day: dt.date, order: int = 1, **extra) -> None:
        rows.append((day, order, Row(kind, day, extra.pop("branch_id", None) or _branch_on(person, day), **extra)))

    start = person.member_from
    ceremony = _step(person, Stage.CEREMONY)
    recognition = _step(person, Stage.RECOGNITION_DECISION)
    transfer_in = _step(person, Stage.TRANSFERRED_IN)
    official = person.voting_from is not None and person.voting_from <= start
    if transfer_in is not None:
        add(K.TRANSFER_IN, start, 0, standing=Status.OFFICIAL if official else Status.PROBATIONARY,
            place=person.origin, event=transfer_in)
    elif ceremony is not None and ceremony.date == start:
        add(K.ADMISSION, start, 0, event=ceremony)
    else:  # admitted elsewhere before the branch's records: on them since they came
        add(K.ON_RECORD, start, 0, standing=Status.OFFICIAL if official else Status.PROBATIONARY)
    if not official and person.voting_from is not None:
        add(K.RECOGNITION, person.voting_from, event=recognition)
    if person.exempt_from is not None:
        add(K.EXEMPT_FROM, max(person.exempt_from, start), event=_step(person, Stage.EXEMPTED))
    if person.elsewhere is not None:
        away, back = person.elsewhere
        add(K.ELSEWHERE_FROM, away, place=person.fields.get("note", ""))
        if back <= today and (person.member_until is None or back < person.member_until):
            add(K.ELSEWHERE_UNTIL, back)
    for day, left, joined in person.moves:
        add(K.MOVE, day, 0, branch_id=joined, other_branch_id=left)
    for stage, kind in LEAVING.items():
        step = _step(person, stage)
        if step is not None:
            add(kind, step.date, 2, place=person.destination if kind == K.TRANSFER_OUT else "", event=step)
    rows.sort(key=lambda item: (item[0], item[1]))
    return [row for _day, _order, row in rows]
