"""Preparing a meeting: carried tasks, helpers' reports, personnel items ready for a vote."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.enums import SponsorRole, Stage, Status
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.meetings import action_items, meeting_prep, minutes, progress_notes, removal
from desktop_app.services.meetings.meetings import MinutesLocked
from desktop_app.services.people import people, sponsorships
from desktop_app.store.models import ActionItem


def person(branch_id: int, name: str, status: str, **extra) -> int:
    data = {"full_name": name, "branch": branch_id, "status": status, "birth_date": dt.date(1995, 5, 5), **extra}
    return people.create_person(data, stage_date=dt.date(2025, 1, 10)).id


@pytest.fixture
def branch(org):
    _org, b = org
    return b


def test_open_tasks_are_carried_into_each_next_meeting_until_done(branch):
    an = person(branch.id, "Nguyễn Văn An", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    jan = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3))
    road = action_items.add_action_item(jan.id, "Vận động nhân dân làm đường", an, dt.date(2026, 2, 28))
    fees = action_items.add_action_item(jan.id, "Thu đảng phí quý I", an)
    action_items.set_done(fees.id, True)

    feb = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3))
    feb_items = action_items.action_items(feb.id)
    assert [(i.text, i.responsible_id, i.due, i.done) for i in feb_items] == [
        ("Vận động nhân dân làm đường", an, dt.date(2026, 2, 28), False)]
    assert feb_items[0].carried_from == dt.date(2026, 1, 3)
    assert ActionItem.get_by_id(road.id).carried_to_id == feb.id
    assert ActionItem.get_by_id(fees.id).carried_to_id is None  # done: stays where it was done
    with pytest.raises(ValidationError):  # the January copy is closed; it is changed where it now lives
        action_items.set_done(road.id, True)

    mar = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 3, 3))
    mar_items = action_items.action_items(mar.id)
    assert [i.text for i in mar_items] == ["Vận động nhân dân làm đường"]
    assert mar_items[0].carried_from == dt.date(2026, 1, 3)  # traced back to the meeting that set it
    action_items.set_done(mar_items[0].id, True, dt.date(2026, 3, 3))

    apr = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 4, 3))
    assert action_items.action_items(apr.id) == []
    assert [i.text for i in meeting_prep.preparation(mar.id).carried] == ["Vận động nhân dân làm đường"]


def test_deleting_a_draft_returns_its_carried_tasks(branch):
    jan = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3))
    task = action_items.add_action_item(jan.id, "Sửa nhà văn hóa")
    feb = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3))
    removal.delete_meeting(feb.id)
    assert ActionItem.get_by_id(task.id).carried_to_id is None
    feb2 = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3))
    assert [i.text for i in action_items.action_items(feb2.id)] == ["Sửa nhà văn hóa"]


def test_tasks_of_adopted_minutes_are_locked(branch):
    an = person(branch.id, "Nguyễn Văn An", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    m = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3), chair=an, secretary=an)
    task = action_items.add_action_item(m.id, "Họp tổ dân vận")
    with pytest.raises(ValidationError):
        action_items.add_action_item(m.id, "  ")
    minutes.adopt(m.id, dt.date(2026, 1, 3))
    with pytest.raises(MinutesLocked):
        action_items.update_action_item(task.id, {"text": "Khác"})
    with pytest.raises(MinutesLocked):
        action_items.add_action_item(m.id, "Việc mới")


def test_prepared_draft_takes_chair_place_and_times(branch):
    sec = person(branch.id, "Nguyễn Văn An", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    clerk = person(branch.id, "Nguyễn Thị Lan", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    from desktop_app.services.organisation import branches
    branches.update_branch(branch.id, {"secretary": sec})
    meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3), place="Nhà văn hóa bản", start_time="19:30",
                                 end_time="21:30", secretary=clerk)
    feb = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3))
    assert (feb.chair_id, feb.secretary_id, feb.place, feb.start_time) == (sec, clerk, "Nhà văn hóa bản", "19:30")


def test_helpers_report_and_the_timeline_lists_reports(branch):
    helper = person(branch.id, "Nguyễn Văn An", Status.OFFICIAL, official_date=dt.date(2010, 1, 1))
    sym = person(branch.id, "Cà Văn Tú", Status.SYMPATHISER)
    prob = person(branch.id, "Trần Thị Mai", Status.PROBATIONARY, ceremony_date=dt.date(2025, 6, 1))
    sponsorships.assign(helper, sym, SponsorRole.HELPER, dt.date(2025, 3, 1))
    jan = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3))
    due = {r.person_id: r for r in meeting_prep.preparation(jan.id).reports_due}
    assert due[sym].helper_ids == (helper,) and due[sym].note is None
    assert due[prob].helper_ids == ()  # no helper yet: the branch should assign one
    progress_notes.save_report(jan.id, sym, {"author": helper, "strengths": "Nhiệt tình",
                                             "weaknesses": "Còn rụt rè", "recommendation": "Tiếp tục bồi dưỡng"})
    progress_notes.save_report(jan.id, sym, {"recommendation": "Đề nghị cử đi học lớp cảm tình Đảng"})
    with pytest.raises(ValidationError):
        progress_notes.save_report(jan.id, sym, {"author": prob})  # a probationary member does not report
    with pytest.raises(ValidationError):
        progress_notes.save_report(jan.id, helper, {"strengths": "x"})  # officials are not reported on
    feb = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3))
    progress_notes.save_report(feb.id, sym, {"author": helper, "strengths": "Tiến bộ"})
    notes = progress_notes.progress_notes(sym)
    assert [(n.date, n.author_name, n.strengths) for n in notes] == [
        (dt.date(2026, 1, 3), "Nguyễn Văn An", "Nhiệt tình"), (dt.date(2026, 2, 3), "Nguyễn Văn An", "Tiến bộ")]
    assert notes[0].recommendation == "Đề nghị cử đi học lớp cảm tình Đảng"
    assert notes[0].meeting_id == jan.id
    due = {r.person_id: r for r in meeting_prep.preparation(jan.id).reports_due}
    assert due[sym].note.strengths == "Nhiệt tình" and due[prob].note is None


def test_pending_votes(branch):
    applicant = person(branch.id, "Lò Văn Sáng", Status.APPLICANT)
    people.record_stage(applicant, Stage.OPINIONS, dt.date(2025, 12, 1))
    not_ready = person(branch.id, "Lò Thị Hiền", Status.APPLICANT)
    ending = person(branch.id, "Trần Thị Mai", Status.PROBATIONARY, ceremony_date=dt.date(2025, 3, 15))
    person(branch.id, "Trần Văn Nam", Status.PROBATIONARY, ceremony_date=dt.date(2025, 10, 1))
    m = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 3, 3))
    pending = meeting_prep.preparation(m.id).pending
    assert [(p.kind, p.person_id) for p in pending] == [("admission", applicant), ("recognition", ending)]
    assert not_ready not in [p.person_id for p in pending]
    assert pending[1].due is not None and pending[1].due > dt.date(2026, 3, 15)
    assert "15/03/2026" in pending[1].detail


def test_deadlines_of_the_month_come_from_the_reminders(branch):
    """Probation ends 12 months after the ceremony (Party Charter Article 5.1); the vote is due 30 working days on."""
    person(branch.id, "Trần Thị Mai", Status.PROBATIONARY, ceremony_date=dt.date(2025, 3, 15))
    m = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 3, 3))
    deadlines = meeting_prep.preparation(m.id).deadlines
    assert deadlines and all(d.date <= dt.date(2026, 4, 3) for d in deadlines)
    assert any("Trần Thị Mai" in d.text for d in deadlines)


def test_reports_of_a_deleted_meeting_leave_the_timeline(branch):
    sym = person(branch.id, "Cà Văn Tú", Status.SYMPATHISER)
    m = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3))
    progress_notes.save_report(m.id, sym, {"strengths": "Nhiệt tình"})
    removal.delete_meeting(m.id)
    assert progress_notes.progress_notes(sym) == []
