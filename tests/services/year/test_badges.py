"""Party badges through the service (Guidance 01-HD/TW point 18, configurable; domain.md §6): who reaches each
milestone by each award day of a year, at the day's boundaries, per branch and for the organisation; posthumous
awards; a badge recorded is not listed again; what recording refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock, rules
from desktop_app.core.enums import Stage
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.services.year import badges
from tests import recount
from tests.services.year.conftest import member

D = dt.date


@pytest.fixture
def veterans(branch):
    b = branch.branch.id
    other = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village"})
    made = {
        "on_the_day": member("Lò Văn Đúng", b, since=D(2000, 1, 1), admitted=D(1997, 2, 3)),
        "a_day_later": member("Lò Văn Sau", b, since=D(2000, 1, 1), admitted=D(1997, 2, 4)),
        "after_november": member("Lò Văn Giữa", other.id, since=D(2000, 1, 1), admitted=D(1996, 11, 8)),
        "on_last_year_day": member("Lò Văn Cũ", b, since=D(2000, 1, 1), admitted=D(1996, 11, 7)),
        "forty": member("Cà Thị Bốn", other.id, since=D(2000, 1, 1), admitted=D(1987, 9, 2)),
        "died": member("Quàng Văn Mất", b, since=D(2000, 1, 1), admitted=D(1997, 3, 10)),
    }
    people.record_stage(made["died"].id, Stage.DECEASED, D(2027, 1, 1))
    branch.other = other
    branch.made = {k: p.id for k, p in made.items()}
    return branch


def _listed(lines, day=None):
    return {(x.person_id, x.years) for x in lines if day is None or x.award_day == day}


def test_each_award_day_lists_the_milestones_reached_since_the_one_before(veterans):
    m = veterans.made
    lines = badges.due_in_year(2027)
    assert _listed(lines, D(2027, 2, 3)) == {(m["on_the_day"], 30), (m["after_november"], 30), (m["died"], 30)}
    assert (m["a_day_later"], 30) in _listed(lines, D(2027, 5, 19))
    assert (m["forty"], 40) in _listed(lines, D(2027, 9, 2))
    assert all(x.person_id != m["on_last_year_day"] for x in lines)  # listed on 07/11/2026 instead
    assert (m["on_last_year_day"], 30) in _listed(badges.due_in_year(2026), D(2026, 11, 7))
    posthumous = [x for x in lines if x.person_id == m["died"]]
    assert posthumous[0].posthumous and posthumous[0].due_from == D(2027, 1, 1)


def test_per_branch_and_for_the_organisation(veterans):
    m = veterans.made
    mine = badges.due_in_year(2027, veterans.branch.id)
    theirs = badges.due_in_year(2027, veterans.other.id)
    assert _listed(mine) | _listed(theirs) == _listed(badges.due_in_year(2027))
    assert (m["forty"], 40) in _listed(theirs) and (m["forty"], 40) not in _listed(mine)
    counts = badges.count_by_day(badges.due_in_year(2027))
    assert counts[D(2027, 2, 3)] == {30: 3}


def test_an_awarded_badge_is_not_listed_again(veterans):
    m = veterans.made
    clock.pin(dt.datetime(2027, 2, 5, 9, 0))
    badges.award(m["on_the_day"], 30, D(2027, 2, 3), decision_number="15-QĐ/TU")
    assert (m["on_the_day"], 30) not in _listed(badges.due_in_year(2027))
    assert [(b.years, b.awarded_on) for b in badges.for_person(m["on_the_day"])] == [(30, D(2027, 2, 3))]
    assert badges.award(m["died"], 30, D(2027, 2, 3)).posthumous


def _refused(call, *args, field, **kwargs):
    before = recount.query("SELECT count(*) FROM partybadge")[0][0]
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    assert recount.query("SELECT count(*) FROM partybadge")[0][0] == before
    assert field in info.value.errors, info.value.errors


def test_what_recording_a_badge_refuses(veterans):
    m = veterans.made
    clock.pin(dt.datetime(2027, 2, 5, 9, 0))
    _refused(badges.award, m["a_day_later"], 30, D(2027, 2, 3), field="awarded_on")  # reached on 04/02/2027
    _refused(badges.award, m["on_the_day"], 35, D(2027, 2, 3), field="years")  # no such milestone
    _refused(badges.award, m["on_the_day"], 30, D(2027, 2, 6), field="awarded_on")  # in the future
    badges.award(m["on_the_day"], 30, D(2027, 2, 3))
    _refused(badges.award, m["on_the_day"], 30, D(2027, 2, 4), field="years")  # recorded already
    # Seriously ill: up to twelve months early (30 to 65 years).
    assert badges.award(m["a_day_later"], 30, D(2027, 2, 3), seriously_ill=True).years == 30


def test_milestones_and_award_days_are_the_rules_settings(veterans):
    m = veterans.made
    rules.set_overrides({"badge_award_days": ((3, 2), (2, 9))})
    try:
        lines = badges.due_in_year(2027)
        assert {x.award_day for x in lines} <= {D(2027, 2, 3), D(2027, 9, 2)}
        assert (m["a_day_later"], 30) in _listed(lines, D(2027, 9, 2))
    finally:
        rules.set_overrides({})


def test_removing_a_badge_recorded_by_mistake(veterans):
    m = veterans.made
    clock.pin(dt.datetime(2027, 2, 5, 9, 0))
    badge = badges.award(m["on_the_day"], 30, D(2027, 2, 3))
    badges.remove(badge.id)
    assert (m["on_the_day"], 30) in _listed(badges.due_in_year(2027))
    last = recount.query("SELECT action, table_name FROM auditentry ORDER BY id DESC LIMIT 1")[0]
    assert tuple(last) == ("delete", "partybadge")
