"""services.people.transfers: receiving a member from another organisation, sending one out, moving one between
branches, each a dated event of the membership history with its paper (Regulation 294-QĐ/TW point 6.3.1: 60 working
days to start an official transfer, 30 to report to the new branch; none while under inspection).

Counts after each event are checked against tests.recount (the rows folded the test's own way). Refusals change
nothing: every table is counted before and after."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Stage, Status
from desktop_app.services.common.errors import RuleViolation, ValidationError
from desktop_app.services.organisation import branches
from desktop_app.services.people import membership, people, reminders, transfers
from desktop_app.store.models import AuditEntry, MembershipEvent, Person, StageEvent
from tests import recount

D = dt.date


def _rows() -> tuple[int, ...]:
    return tuple(m.select().count() for m in (Person, StageEvent, MembershipEvent, AuditEntry))


def _refused(call, *args, error=ValidationError, field: str | None = None, rule: str | None = None, **kw):
    before = _rows()
    with pytest.raises(error) as info:
        call(*args, **kw)
    if field is not None:
        assert field in info.value.errors and info.value.errors[field], info.value.errors
    if rule is not None:
        assert rule in [f.rule_id for f in info.value.findings if f.is_error], info.value.findings
    assert _rows() == before, "a refused transfer must change nothing"
    return info.value


@pytest.fixture
def two(org):
    _org, a = org
    b = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village", "rural": True})
    return a, b


def _member(branch_id: int, name: str = "Lò Văn Pấng", since: dt.date = D(2020, 3, 4), **extra) -> Person:
    return people.create_person({"full_name": name, "branch": branch_id, "status": Status.OFFICIAL,
                                 "birth_date": D(1980, 5, 1), "official_date": since, "joined_branch_date": since,
                                 **extra})


def _arrival(branch_id: int, **extra) -> dict:
    return {"full_name": "Quàng Thị Ơn", "gender": "female", "birth_date": D(1988, 2, 14),
            "admission_date": D(2012, 5, 19), "official_date": D(2013, 6, 1), "branch": branch_id,
            "standing": Status.OFFICIAL, "place": "Đảng bộ phường Tô Hiệu, tỉnh Sơn La", "paper_number": "152-GGT/ĐU",
            "paper_date": D(2026, 10, 5), "date": D(2026, 10, 12), **extra}


def test_a_member_received_from_another_organisation_counts_from_the_day_they_reported(two):
    a, _b = two
    person = transfers.transfer_in(_arrival(a.id))
    assert person.status == Status.OFFICIAL  # not left "transferred"
    assert person.branch_id == a.id and person.joined_branch_date == D(2026, 10, 12)
    event = MembershipEvent.get(MembershipEvent.person == person.id)
    assert (event.kind, event.date, event.branch_id, event.standing) == (K.TRANSFER_IN, D(2026, 10, 12), a.id,
                                                                          Status.OFFICIAL)
    assert (event.place, event.document_ref, event.paper_date) == ("Đảng bộ phường Tô Hiệu, tỉnh Sơn La",
                                                                    "152-GGT/ĐU", D(2026, 10, 5))
    assert [e.stage for e in people.history(person.id)] == [Stage.TRANSFERRED_IN]
    assert person.id not in recount.members(a.id, D(2026, 10, 11))
    assert person.id in recount.members(a.id, D(2026, 10, 12))
    assert membership.member_counts(a.id, D(2026, 10, 12)).official == recount.member_counts(a.id, D(2026, 10, 12))[1]


def test_an_arrival_before_the_introduction_paper_is_refused(two):
    a, _b = two
    error = _refused(transfers.transfer_in, _arrival(a.id, date=D(2026, 10, 4)), error=RuleViolation,
                     rule="date_order")
    assert "05/10/2026" in error.findings[0].message


def test_an_arrival_needs_where_from_and_the_paper_date_and_a_live_branch(two):
    a, b = two
    error = _refused(transfers.transfer_in, _arrival(a.id, place="", paper_date=None, full_name=""))
    assert {"place", "paper_date", "full_name"} <= set(error.errors)
    branches.delete_branch(b.id)
    _refused(transfers.transfer_in, _arrival(b.id), field="branch")


def test_reporting_30_working_days_after_the_paper_counts_tet(two):
    """Paper of 20/01/2027: Tết 2027 (04–10/02) takes five working days, so the 30th is 10/03/2027, not 03/03."""
    a, _b = two
    clock.pin(D(2027, 4, 1))
    data = _arrival(a.id, paper_date=D(2027, 1, 20), date=D(2027, 3, 10))
    assert transfers.check_transfer_in(data).warnings == []
    late = transfers.check_transfer_in({**data, "date": D(2027, 3, 11)})
    assert [f.rule_id for f in late.warnings] == ["transfer_report_working_days"]
    assert "10/03/2027" in late.warnings[0].message
    _refused(transfers.transfer_in, {**data, "date": D(2027, 3, 11)}, error=RuleViolation)
    person = transfers.transfer_in({**data, "date": D(2027, 3, 11)}, confirm_warnings=True)
    assert person.status == Status.OFFICIAL


def test_a_transfer_out_ends_membership_on_its_day_and_clears_the_transfer_due(two):
    a, _b = two
    person = _member(a.id, moving_on=D(2026, 9, 1), moving_to="Đảng bộ xã Búng Lao")
    event = transfers.transfer_out(person.id, {"date": D(2026, 10, 20), "place": "Đảng bộ xã Búng Lao",
                                               "paper_number": "88-GGT/ĐU", "paper_date": D(2026, 10, 20)})
    person = Person.get_by_id(person.id)
    assert person.status == Status.TRANSFERRED and person.moving_on is None and person.moving_to == ""
    assert (event.kind, event.branch_id, event.place, event.effective_on) == (K.TRANSFER_OUT, a.id,
                                                                              "Đảng bộ xã Búng Lao", D(2026, 9, 1))
    assert person.id in recount.members(a.id, D(2026, 10, 19))
    assert person.id not in recount.members(a.id, D(2026, 10, 20))
    assert membership.member_counts(a.id, D(2026, 10, 20)).total == recount.member_counts(a.id, D(2026, 10, 20))[0]


def test_a_transfer_out_of_someone_already_gone_is_refused(two):
    a, _b = two
    person = _member(a.id)
    transfers.transfer_out(person.id, {"date": D(2026, 10, 20), "place": "Đảng bộ xã Búng Lao"})
    error = _refused(transfers.transfer_out, person.id, {"date": D(2026, 11, 2), "place": "Đảng bộ xã Ẳng Nưa"},
                     field="date")
    assert "Lò Văn Pấng" in error.errors["date"]
    struck = _member(a.id, "Vì Văn Sáng")
    people.record_stage(struck.id, Stage.STRUCK_OFF, D(2026, 6, 1))
    _refused(transfers.transfer_out, struck.id, {"date": D(2026, 11, 2), "place": "X"}, field="date")


def test_no_transfer_while_under_inspection(two):
    a, b = two
    _refused(people.update_person, _member(a.id).id, {"under_inspection": True}, field="inspection_reason")
    person = Person.get(Person.full_name == "Lò Văn Pấng")
    people.update_person(person.id, {"under_inspection": True, "inspection_reason": "Đơn tố cáo đang giải quyết"})
    error = _refused(transfers.transfer_out, person.id, {"date": D(2026, 10, 20), "place": "Đảng bộ xã Búng Lao"},
                     error=RuleViolation, rule="transfer_under_inspection")
    assert "Đơn tố cáo đang giải quyết" in error.findings[0].message
    _refused(transfers.move, person.id, {"branch": b.id, "date": D(2026, 10, 20)}, error=RuleViolation,
             rule="transfer_under_inspection")


def test_sixty_working_days_to_start_the_transfer_across_tet(two):
    """Decision effective 10/01/2027: Tết (04–10/02/2027) takes five working days, so the 60th working day is
    09/04/2027, not 02/04/2027."""
    a, _b = two
    clock.pin(D(2027, 5, 1))
    person = _member(a.id)
    on_time = transfers.check_transfer_out(person.id, {"date": D(2027, 4, 9), "place": "X",
                                                       "effective_on": D(2027, 1, 10)})
    assert on_time.warnings == [] and on_time.errors == []
    late = transfers.check_transfer_out(person.id, {"date": D(2027, 4, 12), "place": "X",
                                                    "effective_on": D(2027, 1, 10)})
    assert [f.rule_id for f in late.warnings] == ["transfer_start_working_days"]


def test_a_move_counts_in_each_branch_on_its_side_of_the_day(two):
    a, b = two
    person = _member(a.id)
    event = transfers.move(person.id, {"branch": b.id, "date": D(2026, 10, 15), "paper_number": "12-GGT/ĐU",
                                       "paper_date": D(2026, 10, 10)})
    assert (event.kind, event.branch_id, event.other_branch_id, event.paper_date) == (K.MOVE, b.id, a.id,
                                                                                      D(2026, 10, 10))
    person = Person.get_by_id(person.id)
    assert person.branch_id == b.id and person.joined_branch_date == D(2026, 10, 15)
    for day, inside, outside in ((D(2026, 10, 14), a, b), (D(2026, 10, 15), b, a)):
        assert person.id in recount.members(inside.id, day) and person.id not in recount.members(outside.id, day)
        for branch in (a, b):
            assert membership.member_counts(branch.id, day).total == recount.member_counts(branch.id, day)[0]


def test_a_move_to_a_deleted_branch_or_the_same_branch_or_before_the_paper_is_refused(two):
    a, b = two
    person = _member(a.id)
    branches.delete_branch(b.id)
    error = _refused(transfers.move, person.id, {"branch": b.id, "date": D(2026, 10, 15)}, field="branch")
    assert "Chi bộ bản Ẳng Cang" in error.errors["branch"]
    _refused(transfers.move, person.id, {"branch": a.id, "date": D(2026, 10, 15)}, field="branch")
    branches.restore_branch(b.id)
    _refused(transfers.move, person.id, {"branch": b.id, "date": D(2026, 10, 5), "paper_date": D(2026, 10, 10)},
             error=RuleViolation, rule="date_order")
    _refused(transfers.move, person.id, {"branch": b.id, "date": D(2019, 1, 5)}, field="date")
    _refused(transfers.move, person.id, {"branch": 999999, "date": D(2026, 10, 15)}, field="branch")


def test_a_member_transferred_out_can_come_back(two):
    a, b = two
    person = _member(a.id)
    transfers.transfer_out(person.id, {"date": D(2025, 3, 3), "place": "Đảng bộ xã Búng Lao"})
    back = transfers.receive_back(person.id, {"branch": b.id, "standing": Status.OFFICIAL, "date": D(2026, 9, 9),
                                              "place": "Đảng bộ xã Búng Lao", "paper_date": D(2026, 9, 1)})
    assert back.status == Status.OFFICIAL and back.branch_id == b.id
    assert person.id in recount.members(b.id, D(2026, 9, 9)) and person.id not in recount.members(a.id, D(2026, 9, 9))
    assert person.id not in recount.members(None, D(2026, 1, 1))
    _refused(transfers.receive_back, person.id, {"branch": b.id, "standing": Status.OFFICIAL, "date": D(2026, 10, 9),
                                                 "place": "X", "paper_date": D(2026, 10, 1)}, field="date")


def test_reminders_for_a_transfer_due_and_an_arrival_not_confirmed(two):
    a, _b = two
    person = _member(a.id, moving_on=D(2026, 9, 1), moving_to="Đảng bộ xã Búng Lao")
    due = [r for r in reminders.reminders(D(2026, 11, 21)) if r.kind == "transfer_start_due"]
    # 60 working days after 01/09/2026: 02/09 is a holiday, and so is 24/11 (Vietnamese Culture Day).
    assert [(r.person_id, r.due) for r in due] == [(person.id, D(2026, 11, 26))]
    assert due[0].severity == "warning" and "Đảng bộ xã Búng Lao" in due[0].title
    gone = _member(a.id, "Vì Văn Sáng")
    event = transfers.transfer_out(gone.id, {"date": D(2026, 9, 1), "place": "Đảng bộ xã Ẳng Nưa",
                                             "paper_date": D(2026, 9, 1)})
    late = [r for r in reminders.reminders(D(2026, 11, 21)) if r.kind == "transfer_report_due"]
    assert [(r.person_id, r.severity) for r in late] == [(gone.id, "error")]  # 30 working days ran out on 14/10
    transfers.set_reported(event.id, D(2026, 10, 1))
    assert not [r for r in reminders.reminders(D(2026, 11, 21)) if r.kind == "transfer_report_due"]
    with pytest.raises(ValidationError):
        transfers.set_reported(event.id, D(2026, 8, 1))


def test_refused_details_are_named_by_field(two):
    a, _b = two
    person = _member(a.id)
    error = _refused(transfers.transfer_out, person.id, {"date": "31/02/2026", "place": "X" * 300,
                                                         "paper_date": "hôm qua"})
    assert {"date", "place", "paper_date"} <= set(error.errors)
    _refused(transfers.transfer_out, person.id, {"date": D(2026, 10, 1), "place": "X", "paper_date": D(2026, 10, 2)},
             field="paper_date")
    _refused(transfers.transfer_out, person.id, {"date": D(2026, 10, 1), "place": "X", "colour": "red"},
             field="colour")
    _refused(transfers.transfer_out, person.id, {"date": D(2027, 10, 1), "place": "X"}, field="date")


def test_sql_recount_agrees_after_every_kind_of_event(two):
    a, b = two
    stay = _member(a.id, "Lường Văn Thiết")
    mover = _member(a.id, "Cầm Văn Hùng")
    leaver = _member(b.id, "Tòng Thị Phượng")
    transfers.transfer_in(_arrival(b.id, date=D(2026, 10, 12)))
    transfers.move(mover.id, {"branch": b.id, "date": D(2026, 10, 15)})
    transfers.transfer_out(leaver.id, {"date": D(2026, 10, 20), "place": "Đảng bộ xã Búng Lao"})
    for day in (D(2026, 10, 11), D(2026, 10, 12), D(2026, 10, 15), D(2026, 10, 20), D(2026, 11, 21)):
        for branch in (a, b):
            got = membership.member_counts(branch.id, day)
            want = recount.member_counts(branch.id, day)
            assert (got.total, got.official, got.probationary, got.exempt, got.elsewhere) == want, (branch.code, day)
    assert recount.query("SELECT count(*) FROM membershipevent WHERE person_id = ?", (stay.id,)) == [(1,)]
