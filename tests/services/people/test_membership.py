"""services.people.membership: the dated history every count of members is replayed from.

Each figure is checked against a recomputation written here, its own way: a plain loop over the stored
membershipevent rows (SQL), not through the service. The case of the monthly report that counted a member who
transferred in later (issue: 63 printed, 62 right) is checked at its boundary.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import report_data
from desktop_app.services.meetings import attendance, meeting_prep
from desktop_app.services.organisation import branches
from desktop_app.services.people import membership, people
from tests import recount

D = dt.date


def _stored(person_id: int) -> list[tuple[str, str, int, int | None]]:
    """(kind, ISO date, branch, other branch) of a person's rows, as stored."""
    return recount.query(
        "SELECT kind, date, branch_id, other_branch_id FROM membershipevent WHERE person_id = ? ORDER BY date, id",
        (person_id,))


def _members_by_sql(branch_id: int, day: dt.date) -> dict[int, str]:
    """{person: official / probationary / exempt} of *branch_id* on *day*, folded from the raw rows (tests.recount)."""
    return {pid: "exempt" if s["exempt"] else s["standing"] for pid, s in recount.members(branch_id, day).items()}


def _official(branch_id: int, name: str, since: dt.date, **extra):
    return people.create_person({"full_name": name, "branch": branch_id, "status": Status.OFFICIAL,
                                 "official_date": since, **extra})


@pytest.fixture
def two(org):
    _org, a = org
    b = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village", "rural": True})
    return a, b


def test_each_step_of_a_member_makes_its_dated_change(two):
    a, _b = two
    p = people.create_person({"full_name": "Lò Văn Khiêm", "branch": a.id, "status": Status.APPLICANT},
                             stage_date=D(2025, 1, 5))
    assert _stored(p.id) == []  # a candidate is no member
    people.record_stage(p.id, Stage.ADMISSION_DECISION, D(2025, 3, 1))
    people.record_stage(p.id, Stage.CEREMONY, D(2025, 3, 20))
    people.record_stage(p.id, Stage.RECOGNITION_DECISION, D(2026, 3, 25))
    people.record_stage(p.id, Stage.EXEMPTED, D(2026, 5, 3))
    people.record_stage(p.id, Stage.RETURNED, D(2026, 8, 3))
    people.record_stage(p.id, Stage.TRANSFERRED_OUT, D(2026, 10, 10), place="Đảng bộ xã Búng Lao")
    assert _stored(p.id) == [("admission", "2025-03-20", a.id, None), ("recognition", "2026-03-25", a.id, None),
                             ("exempt_from", "2026-05-03", a.id, None), ("exempt_until", "2026-08-03", a.id, None),
                             ("transfer_out", "2026-10-10", a.id, None)]
    assert membership.history(p.id)[-1].place == "Đảng bộ xã Búng Lao"
    for day, expected in ((D(2025, 3, 19), None), (D(2025, 3, 20), Status.PROBATIONARY),
                          (D(2026, 3, 25), Status.OFFICIAL), (D(2026, 5, 3), Status.EXEMPT),
                          (D(2026, 8, 3), Status.OFFICIAL), (D(2026, 10, 9), Status.OFFICIAL), (D(2026, 10, 10), None)):
        got = {m.person_id: m.status for m in membership.members_on(a.id, day)}.get(p.id)
        assert got == expected == _members_by_sql(a.id, day).get(p.id), day


def test_members_added_with_a_status_join_the_history(two):
    a, _b = two
    official = _official(a.id, "Vì Văn Sáng", D(2001, 4, 1))
    moved_in = _official(a.id, "Hà Thị Lan", D(2010, 4, 1), joined_branch_date=D(2024, 2, 1))
    probationer = people.create_person({"full_name": "Mùa Thị Dở", "branch": a.id, "status": Status.PROBATIONARY,
                                        "ceremony_date": D(2026, 2, 3)})
    exempt = people.create_person({"full_name": "Lò Văn Pọm", "branch": a.id, "status": Status.EXEMPT})
    assert _stored(official.id) == [("on_record", "2001-04-01", a.id, None)]
    assert _stored(moved_in.id) == [("on_record", "2024-02-01", a.id, None)]  # in this branch since
    assert _stored(probationer.id) == [("admission", "2026-02-03", a.id, None)]
    today = clock.today().isoformat()
    assert _stored(exempt.id) == [("on_record", today, a.id, None), ("exempt_from", today, a.id, None)]
    counts = membership.member_counts(a.id, clock.today())
    assert (counts.total, counts.official, counts.probationary, counts.exempt) == (4, 3, 1, 1)


def test_a_member_who_transferred_in_later_is_not_counted_in_an_earlier_month(two):
    """The July report of a branch of 62 members printed 63: it counted a member who transferred in on
    05/10/2026. Counted from the day of the transfer, not before."""
    a, _b = two
    for i in range(62):
        _official(a.id, f"Nguyễn Văn Số {i}", D(2015, 1, 1))
    newcomer = people.create_person({"full_name": "Trần Đình Khải", "branch": a.id, "status": Status.OFFICIAL,
                                     "official_date": D(2012, 6, 1), "joined_branch_date": D(2026, 10, 5)})
    people.record_stage(newcomer.id, Stage.TRANSFERRED_IN, D(2026, 10, 5))  # already on record: no second join
    july = report_data.monthly_data(a.id, D(2026, 7, 1), D(2026, 7, 31))
    assert july.members.total == 62 == len(_members_by_sql(a.id, D(2026, 7, 31)))
    assert report_data.statuses_on(a.id, D(2026, 7, 31))[Status.OFFICIAL] == 62
    assert membership.member_counts(a.id, D(2026, 10, 4)).total == 62
    assert membership.member_counts(a.id, D(2026, 10, 5)).total == 63 == len(_members_by_sql(a.id, D(2026, 10, 5)))


def test_a_move_between_branches_is_a_dated_event_and_counts_move_with_it(two):
    a, b = two
    keeper = _official(a.id, "Lường Văn Thắng", D(2010, 1, 1))
    mover = _official(a.id, "Quàng Văn Minh", D(2015, 6, 1))
    people.update_person(mover.id, {"branch": b.id, "joined_branch_date": D(2026, 9, 1)})
    assert _stored(mover.id)[-1] == ("move", "2026-09-01", b.id, a.id)
    assert people.get_person(mover.id).joined_branch_date == D(2026, 9, 1)
    for day, in_a, in_b in ((D(2026, 8, 31), {keeper.id, mover.id}, set()), (D(2026, 9, 1), {keeper.id}, {mover.id})):
        assert {m.person_id for m in membership.members_on(a.id, day)} == in_a == set(_members_by_sql(a.id, day))
        assert {m.person_id for m in membership.members_on(b.id, day)} == in_b == set(_members_by_sql(b.id, day))
    # Both monthly reports name the move.
    left = report_data.monthly_data(a.id, D(2026, 9, 1), D(2026, 9, 30)).changes
    came = report_data.monthly_data(b.id, D(2026, 9, 1), D(2026, 9, 30)).changes
    assert [(c.name, c.stage, c.other_branch, c.moved_in) for c in left] == [
        ("Quàng Văn Minh", K.MOVE, "Chi bộ bản Ẳng Cang", False)]
    assert [(c.name, c.stage, c.other_branch, c.moved_in) for c in came] == [
        ("Quàng Văn Minh", K.MOVE, "Chi bộ bản Co Muông", True)]


def test_a_move_without_a_date_is_dated_today_and_cannot_go_before_the_history(two):
    a, b = two
    mover = _official(a.id, "Quàng Văn Minh", D(2015, 6, 1), joined_branch_date=D(2016, 1, 1))
    # The form sends every field: "in this branch since" left at the old branch's date is no date of the move.
    people.update_person(mover.id, {"branch": b.id, "joined_branch_date": D(2016, 1, 1)})
    assert _stored(mover.id)[-1] == ("move", clock.today().isoformat(), b.id, a.id)
    assert people.get_person(mover.id).joined_branch_date == clock.today()
    with pytest.raises(ValidationError) as err:
        people.update_person(mover.id, {"branch": a.id, "joined_branch_date": D(2014, 1, 1)})
    assert "joined_branch_date" in err.value.errors
    assert people.get_person(mover.id).branch_id == b.id and len(_stored(mover.id)) == 2  # nothing written


def test_a_member_cannot_be_left_without_a_branch(two):
    a, _b = two
    member = _official(a.id, "Vì Văn Sáng", D(2001, 4, 1))
    with pytest.raises(ValidationError) as err:
        people.update_person(member.id, {"branch": None})
    assert "branch" in err.value.errors
    candidate = people.create_person({"full_name": "Quàng Thị Mai", "branch": a.id, "status": Status.PROSPECT})
    people.update_person(candidate.id, {"branch": None})  # a candidate may be unassigned
    assert people.get_person(candidate.id).branch_id is None


def test_candidates_are_counted_in_the_branch_they_belonged_to_that_day(two):
    a, b = two
    mai = people.create_person({"full_name": "Quàng Thị Mai", "branch": a.id, "status": Status.SYMPATHISER},
                               stage_date=D(2026, 1, 10))
    people.update_person(mai.id, {"branch": b.id, "joined_branch_date": D(2026, 6, 1)})
    assert report_data.statuses_on(a.id, D(2026, 5, 31)).get(Status.SYMPATHISER) == 1
    assert report_data.statuses_on(b.id, D(2026, 5, 31)).get(Status.SYMPATHISER, 0) == 0
    assert report_data.statuses_on(a.id, D(2026, 6, 1)).get(Status.SYMPATHISER, 0) == 0
    assert report_data.statuses_on(b.id, D(2026, 6, 1)).get(Status.SYMPATHISER) == 1


def test_deleted_people_count_nowhere(two):
    a, _b = two
    kept = _official(a.id, "Vì Văn Sáng", D(2001, 4, 1))
    gone = _official(a.id, "Lò Văn Pấng", D(2001, 4, 1))
    people.delete_person(gone.id)
    assert [m.person_id for m in membership.members_on(a.id, clock.today())] == [kept.id]
    people.restore_person(gone.id)
    assert membership.member_counts(a.id, clock.today()).total == 2


def test_temporary_activity_elsewhere_is_recorded_and_listed_at_the_meeting(two):
    a, b = two
    away = _official(a.id, "Cà Văn Tươi", D(2010, 1, 1))
    _official(a.id, "Lò Văn Sơn", D(2008, 1, 1))
    membership.record(away.id, K.ELSEWHERE_FROM, D(2026, 3, 10), place="Trường Chính trị tỉnh Điện Biên")
    with pytest.raises(ValidationError):  # already away
        membership.record(away.id, K.ELSEWHERE_FROM, D(2026, 4, 1))
    counts = membership.member_counts(a.id, D(2026, 4, 1))
    assert (counts.total, counts.elsewhere) == (2, 1)  # still a member of the branch
    meeting = meeting_prep.prepare_meeting(a.id, D(2026, 4, 3))
    status = {r.person_id: r.status for r in attendance.attendance(meeting.id)}
    assert status[away.id] == A.ELSEWHERE
    membership.record(away.id, K.ELSEWHERE_UNTIL, D(2026, 6, 30))
    assert membership.member_counts(a.id, D(2026, 7, 1)).elsewhere == 0
    with pytest.raises(ValidationError):  # the kinds that are steps of the history go through record_stage
        membership.record(away.id, K.TRANSFER_OUT, D(2026, 7, 2))
    guest = people.create_person({"full_name": "Hoàng Thị Mơ", "status": Status.OFFICIAL,
                                  "official_date": D(2010, 1, 1)})
    with pytest.raises(ValidationError):
        membership.record(guest.id, K.HERE_FROM, D(2026, 5, 1))  # which branch?
    membership.record(guest.id, K.HERE_FROM, D(2026, 5, 1), branch_id=b.id, place="Đảng bộ phường Him Lam")
    assert membership.place(guest.id, D(2026, 5, 2)).visiting == b.id
    assert membership.member_counts(b.id, D(2026, 5, 2)).total == 0  # a guest is no member of the branch


def test_imported_members_join_the_history(two):
    from desktop_app.services.interchange.import_rows import RowInput
    from desktop_app.services.interchange.importing import import_rows

    a, _b = two
    rows = [RowInput(2, {"full_name": "Giàng A Páo", "status": "Đảng viên chính thức", "official_date": "01/04/2012",
                         "branch_code": "CB01"}),
            RowInput(3, {"full_name": "Mùa Thị Dở", "ceremony_date": D(2026, 2, 3), "branch_code": "CB01"})]
    plan = import_rows("members", rows)
    assert plan.imported == 2, [r.errors for r in plan.rows]
    ids = dict(recount.query("SELECT full_name, id FROM person"))
    assert _stored(ids["Giàng A Páo"]) == [("on_record", "2012-04-01", a.id, None)]
    assert _stored(ids["Mùa Thị Dở"]) == [("admission", "2026-02-03", a.id, None)]
    assert membership.member_counts(a.id, D(2026, 2, 3)).total == 2
