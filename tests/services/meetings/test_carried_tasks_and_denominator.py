"""Carried tasks keep their first due date and are marked carried over (and overdue once due before the meeting) in
the editor's rows and the minutes; the vote denominator leaves out only absences whose reason the chair accepted
(Regulation 294-QĐ/TW point 9.3.2; domain.md §3.4: 20 official, 3 absent → two thirds of 20, 14 needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import Status
from desktop_app.reports.minutes import build_minutes
from desktop_app.reports.vocabulary import Words
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.documents import report_data
from desktop_app.services.meetings import action_items, attendance, decisions, meeting_prep
from desktop_app.services.people import people
from tests import recount
from tests.reports.pdf_helpers import pdf_text

D = dt.date


def _official(branch_id: int, name: str) -> int:
    return people.create_person({"full_name": name, "branch": branch_id, "status": Status.OFFICIAL,
                                 "official_date": D(2010, 1, 1)}).id


@pytest.fixture
def branch(org):
    return org[1]


def test_a_carried_task_keeps_its_due_date_and_is_overdue_at_a_later_meeting(branch):
    an = _official(branch.id, "Nguyễn Văn An")
    jan = meeting_prep.prepare_meeting(branch.id, D(2026, 1, 3))
    road = action_items.add_action_item(jan.id, "Vận động nhân dân làm đường", an, D(2026, 2, 2))
    on_time = action_items.add_action_item(jan.id, "Họp tổ dân vận", an, D(2026, 2, 3))
    feb = meeting_prep.prepare_meeting(branch.id, D(2026, 2, 3))
    rows = {r.text: r for r in action_items.action_items(feb.id)}
    carried, same_day = rows["Vận động nhân dân làm đường"], rows["Họp tổ dân vận"]
    # Recounted from the rows: the copy points at the task it continues and has its due date.
    origin = recount.query("SELECT c.due, o.due, o.id FROM actionitem c JOIN actionitem o "
                           "ON o.id = c.carried_from_id WHERE c.id = ?", (carried.id,))[0]
    assert origin == ("2026-02-02", "2026-02-02", road.id)
    assert carried.is_carried and carried.carried_from == D(2026, 1, 3)
    assert carried.overdue  # due the day before the meeting
    assert same_day.is_carried and not same_day.overdue  # due on the meeting's day: not yet overdue
    with pytest.raises(ValidationError) as err:  # the first due date stays
        action_items.update_action_item(carried.id, {"due": D(2026, 3, 31)})
    assert "due" in err.value.errors
    action_items.update_action_item(carried.id, {"text": "Vận động nhân dân làm đường liên thôn"})  # text may change
    new = action_items.add_action_item(feb.id, "Kiểm tra hồ sơ", an, D(2026, 1, 31))  # due before: overdue, new
    rows = {r.id: r for r in action_items.action_items(feb.id)}
    assert not rows[new.id].is_carried and rows[new.id].overdue
    action_items.set_done(carried.id, True)
    assert not {r.id: r for r in action_items.action_items(feb.id)}[carried.id].overdue  # done is never overdue
    assert on_time.id != same_day.id


def test_the_minutes_print_carried_tasks_apart_and_marked(branch, tmp_path):
    an = _official(branch.id, "Nguyễn Văn An")
    jan = meeting_prep.prepare_meeting(branch.id, D(2026, 1, 3))
    action_items.add_action_item(jan.id, "Vận động nhân dân làm đường", an, D(2026, 2, 2))
    feb = meeting_prep.prepare_meeting(branch.id, D(2026, 2, 3))
    action_items.add_action_item(feb.id, "Thu đảng phí quý I", an, D(2026, 3, 1))
    tasks = report_data.minutes_data(feb.id).tasks
    assert [(t.text, t.carried_from, t.overdue) for t in tasks] == [
        ("Vận động nhân dân làm đường", D(2026, 1, 3), True), ("Thu đảng phí quý I", None, False)]
    for lang in ("vi", "en"):
        from desktop_app import i18n

        i18n.set_language(lang)
        w = Words()
        text = pdf_text(build_minutes(tmp_path / f"m-{lang}.pdf", lang=lang, meeting_id=feb.id))
        carried = text.index(w.s_carried)
        assigned = text.index(w.s_actions)
        assert carried < text.index("Vận động nhân dân làm đường") < assigned < text.index("Thu đảng phí quý I")
        assert (f"{w.a_set_on.format(date='03/01/2026')}; {w.a_due.format(date='02/02/2026')}; {w.a_overdue}"
                in text)


@pytest.fixture
def twenty(branch):
    """20 official members at a meeting."""
    ids = [_official(branch.id, f"Nguyễn Văn {chr(65 + i)}") for i in range(20)]
    meeting = meeting_prep.prepare_meeting(branch.id, D(2026, 3, 3))
    return meeting, ids


def test_absent_with_a_reason_alone_still_counts(twenty):
    meeting, ids = twenty
    for pid in ids[:3]:
        attendance.set_attendance(meeting.id, pid, A.EXCUSED, "Đi công tác")
    c = attendance.attendance_counts(meeting.id)
    assert (c.official, c.denominator, c.not_counted, c.excused_accepted) == (20, 20, 0, ())
    outcome = decisions.preview(meeting.id, "admission", 14)
    assert (outcome.denominator, outcome.needed, outcome.passed) == (20, 14, True)
    assert decisions.preview(meeting.id, "admission", 13).passed is False


def test_absences_the_chair_accepted_leave_the_denominator(twenty):
    meeting, ids = twenty
    for pid in ids[:3]:
        attendance.set_attendance(meeting.id, pid, A.EXCUSED, "Ốm nằm viện", reason_accepted=True)
    c = attendance.attendance_counts(meeting.id)
    assert (c.denominator, c.not_counted, len(c.excused_accepted)) == (17, 3, 3)
    assert decisions.preview(meeting.id, "admission", 12).needed == 12  # two thirds of 17, rounded up
    # Changing the reason keeps the acceptance; marking the member present clears it.
    attendance.set_attendance(meeting.id, ids[0], A.EXCUSED, "Ốm, nằm viện tỉnh")
    assert attendance.attendance_counts(meeting.id).denominator == 17
    attendance.set_attendance(meeting.id, ids[0], A.PRESENT)
    attendance.set_attendance(meeting.id, ids[0], A.EXCUSED, "Ốm")
    assert attendance.attendance_counts(meeting.id).denominator == 18  # a new absence: not accepted yet
    # Recounted in SQL: official members less the accepted absences.
    accepted = recount.query("SELECT COUNT(*) FROM attendance WHERE meeting_id = ? AND status = 'excused' "
                             "AND reason_accepted", (meeting.id,))[0][0]
    assert attendance.attendance_counts(meeting.id).denominator == 20 - accepted
