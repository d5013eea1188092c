"""core.membership: a person's place on a day, replayed from the dated history (events take effect on their day)."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Status
from desktop_app.core.membership import Change, branch_on, replay

D = dt.date
A, B = 1, 2


def test_a_member_transferred_in_counts_from_the_day_of_the_transfer():
    history = [Change(K.TRANSFER_IN, D(2026, 10, 5), A, standing=Status.OFFICIAL)]
    assert not replay(history, D(2026, 10, 4)).is_member  # the day before: not yet (the July report's case)
    on = replay(history, D(2026, 10, 5))
    assert on.is_member and on.branch_id == A and on.status == Status.OFFICIAL


def test_a_member_who_leaves_is_no_longer_counted_on_that_day():
    history = [Change(K.ADMISSION, D(2024, 3, 3), A), Change(K.RECOGNITION, D(2025, 3, 20), A),
               Change(K.TRANSFER_OUT, D(2026, 10, 10), A)]
    assert replay(history, D(2025, 3, 19)).status == Status.PROBATIONARY
    assert replay(history, D(2025, 3, 20)).status == Status.OFFICIAL
    assert replay(history, D(2026, 10, 9)).is_member
    gone = replay(history, D(2026, 10, 10))
    assert not gone.is_member and gone.status == Status.TRANSFERRED and gone.branch_id == A


def test_a_move_takes_the_member_and_the_standing_along():
    history = [Change(K.ON_RECORD, D(2020, 1, 1), A, standing=Status.OFFICIAL), Change(K.EXEMPT_FROM, D(2023, 5, 3), A),
               Change(K.MOVE, D(2026, 9, 1), B, other_branch_id=A)]
    before, after = replay(history, D(2026, 8, 31)), replay(history, D(2026, 9, 1))
    assert (before.branch_id, after.branch_id) == (A, B)
    assert before.status == after.status == Status.EXEMPT and after.standing == Status.OFFICIAL


def test_events_of_one_day_apply_in_the_order_recorded():
    # Back from temporary activity elsewhere and exempted the same day.
    history = [Change(K.ON_RECORD, D(2020, 1, 1), A, standing=Status.OFFICIAL),
               Change(K.ELSEWHERE_FROM, D(2026, 1, 5), A), Change(K.ELSEWHERE_UNTIL, D(2026, 6, 3), A),
               Change(K.EXEMPT_FROM, D(2026, 6, 3), A)]
    assert replay(history, D(2026, 6, 2)).away
    on = replay(history, D(2026, 6, 3))
    assert not on.away and on.exempt


def test_death_and_strike_off_end_membership():
    for kind, status in ((K.DEATH, Status.DECEASED), (K.STRIKE_OFF, Status.STRUCK_OFF)):
        place = replay([Change(K.ON_RECORD, D(2000, 1, 1), A, standing=Status.OFFICIAL),
                        Change(kind, D(2026, 2, 2), A)])
        assert not place.is_member and place.status == status


def test_the_branch_of_a_candidate_or_member_on_a_day():
    # Before their first event people are where it says they came from; with no history, where they are now.
    moved = [Change(K.MOVE, D(2026, 4, 1), B, other_branch_id=A)]
    assert branch_on(moved, D(2026, 3, 31), current=B) == A
    assert branch_on(moved, D(2026, 4, 1), current=B) == B
    admitted = [Change(K.ADMISSION, D(2026, 4, 1), A)]
    assert branch_on(admitted, D(2026, 1, 1), current=A) == A  # a candidate of the branch that admits them
    came = [Change(K.TRANSFER_IN, D(2026, 4, 1), A, standing=Status.OFFICIAL)]
    assert branch_on(came, D(2026, 1, 1), current=A) is None  # outside the organisation before
    assert branch_on([], D(2026, 1, 1), current=B) == B
    visiting = [Change(K.HERE_FROM, D(2026, 2, 1), A)]  # temporary activity elsewhere is no change of branch
    assert branch_on(visiting, D(2026, 3, 1), current=B) == B
