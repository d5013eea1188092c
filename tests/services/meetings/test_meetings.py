"""Monthly branch meetings: drafts, warnings, attendance counts and denominators, quality, adoption, addenda."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core import clock
from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import MeetingKind, MeetingStatus, Status
from desktop_app.services.common.audit import verify_chain
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.datafile import recycle
from desktop_app.services.meetings import attendance, meeting_prep, meetings, minutes, removal
from desktop_app.services.meetings.meeting_quality import quality
from desktop_app.services.meetings.meetings import MinutesLocked
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.store.models import Attendance, AuditEntry, Meeting

GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Minh", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Vân", "Yến"]
DAY = dt.date(2026, 3, 3)


def add_people(branch_id: int, status: str, n: int, family: str) -> list[int]:
    ids = []
    for i in range(n):
        data = {"full_name": f"{family} Văn {GIVEN[i % len(GIVEN)]}", "branch": branch_id, "status": status,
                "birth_date": dt.date(1980, 1, 1)}
        if status in (Status.OFFICIAL, Status.EXEMPT):
            data["official_date"] = dt.date(2015, 1, 1)
        if status == Status.PROBATIONARY:
            data["ceremony_date"] = dt.date(2025, 6, 1)
        ids.append(people.create_person(data).id)
    return ids


@pytest.fixture
def branch20(org):
    """20 official members, 2 probationary, 1 exempt."""
    _org, branch = org
    return {"branch": branch, "official": add_people(branch.id, Status.OFFICIAL, 20, "Nguyễn"),
            "probationary": add_people(branch.id, Status.PROBATIONARY, 2, "Trần"),
            "exempt": add_people(branch.id, Status.EXEMPT, 1, "Lê")}


def test_prepare_lists_every_member_with_status_at_the_meeting(branch20):
    meeting = meeting_prep.prepare_meeting(branch20["branch"].id, DAY)
    rows = attendance.attendance(meeting.id)
    assert len(rows) == 23
    by_person = {r.person_id: r for r in rows}
    assert all(by_person[p].status == A.PRESENT for p in branch20["official"] + branch20["probationary"])
    exempt = by_person[branch20["exempt"][0]]
    assert (exempt.status, exempt.member_status) == (A.EXEMPT, Status.EXEMPT)
    assert by_person[branch20["probationary"][0]].member_status == Status.PROBATIONARY
    assert meeting.status == MeetingStatus.DRAFT and meeting.kind == MeetingKind.REGULAR


def test_counts_for_the_minutes(branch20):
    meeting = meeting_prep.prepare_meeting(branch20["branch"].id, DAY)
    off = branch20["official"]
    attendance.set_attendance(meeting.id, off[0], A.EXCUSED, "Ốm nằm viện")
    attendance.set_attendance(meeting.id, off[1], A.UNEXCUSED)
    attendance.set_attendance(meeting.id, off[2], A.ELSEWHERE, "Sinh hoạt tạm thời tại Hà Nội")
    attendance.set_attendance(meeting.id, branch20["probationary"][0], A.UNEXCUSED)
    c = attendance.attendance_counts(meeting.id)
    assert (c.total, c.official, c.probationary) == (23, 21, 2)  # the exempt member counts with the officials
    assert (c.exempt, c.elsewhere, c.excused, c.unexcused) == (1, 1, 1, 2)
    assert c.expected == 21 and c.present == 18
    assert (c.present_official, c.present_probationary) == (17, 1)
    assert c.voters == 17 and c.rate == pytest.approx(18 / 21)
    assert c.excused_names[0][1] == "Ốm nằm viện"
    assert len(c.unexcused_names) == 2


def test_denominator_counts_absentees_without_accepted_reason(branch20):
    """Regulation 294-QĐ/TW point 9.3.2: 20 official members, 3 absent without accepted reason → 20, 14 needed."""
    branch = branch20["branch"]
    people.record_stage(branch20["exempt"][0], "struck_off", dt.date(2026, 1, 5))  # leave 20 officials exactly
    meeting = meeting_prep.prepare_meeting(branch.id, DAY)
    for pid in branch20["official"][:3]:
        attendance.set_attendance(meeting.id, pid, A.UNEXCUSED)
    c = attendance.attendance_counts(meeting.id)
    assert c.official == 20 and c.denominator == 20
    from desktop_app.services.meetings import decisions
    outcome = decisions.preview(meeting.id, "admission", 14)
    assert (outcome.denominator, outcome.needed, outcome.passed) == (20, 14, True)
    assert decisions.preview(meeting.id, "admission", 13).passed is False


def test_denominator_leaves_out_exempt_absent_elsewhere_and_accepted_absence(branch20):
    """Point 9.3.2: exempt members who are absent, members elsewhere and accepted absences are not counted."""
    meeting = meeting_prep.prepare_meeting(branch20["branch"].id, DAY)
    off = branch20["official"]
    assert attendance.attendance_counts(meeting.id).denominator == 20  # 21 official less the exempt absentee
    attendance.set_attendance(meeting.id, off[0], A.ELSEWHERE)
    assert attendance.attendance_counts(meeting.id).denominator == 19
    attendance.set_attendance(meeting.id, off[1], A.EXCUSED, "Công tác")
    assert attendance.attendance_counts(meeting.id).denominator == 19  # a reason alone still counts
    attendance.set_attendance(meeting.id, off[1], A.EXCUSED, "Công tác", reason_accepted=True)
    assert attendance.attendance_counts(meeting.id).denominator == 18
    attendance.set_attendance(meeting.id, branch20["exempt"][0], A.PRESENT)  # an exempt member who attends counts
    c = attendance.attendance_counts(meeting.id)
    assert c.denominator == 19 and c.voters == 19


def test_only_exempt_members_can_be_marked_exempt_and_guests_are_separate(branch20, org):
    meeting = meeting_prep.prepare_meeting(branch20["branch"].id, DAY)
    with pytest.raises(ValidationError):
        attendance.set_attendance(meeting.id, branch20["official"][0], A.EXEMPT)
    with pytest.raises(ValidationError):
        attendance.set_attendance(meeting.id, branch20["official"][0], A.GUEST)
    visitor = people.create_person({"full_name": "Hoàng Thị Mơ", "status": Status.OFFICIAL,
                                    "official_date": dt.date(2010, 1, 1)})
    attendance.add_guest(meeting.id, visitor.id, "Đảng viên sinh hoạt tạm thời")
    c = attendance.attendance_counts(meeting.id)
    assert c.guests == 1 and c.total == 23 and c.denominator == 20 and c.voters == 20
    with pytest.raises(ValidationError):
        attendance.add_guest(meeting.id, visitor.id)
    attendance.remove_guest(meeting.id, visitor.id)
    assert attendance.attendance_counts(meeting.id).guests == 0


def test_quality_indicators(branch20):
    """Guidance 12-HD/BTCTW (2018), Part 2, point 3: > 85 %, no unexcused absence, excused ≤ 3 times running."""
    branch = branch20["branch"]
    off = branch20["official"]
    ids = []
    for month in (1, 2, 3, 4):
        m = meeting_prep.prepare_meeting(branch.id, dt.date(2026, month, 3), start_time="08:00", end_time="10:00")
        attendance.set_attendance(m.id, off[0], A.EXCUSED, "Ốm")
        ids.append(m.id)
    q3 = quality(ids[2])
    assert q3.get("consecutive_excused").passed is True  # third time running: still within the limit
    q4 = quality(ids[3])
    assert q4.get("consecutive_excused").passed is False  # more than three times running
    assert "Nguyễn Văn An" in q4.get("consecutive_excused").detail
    assert q4.get("attendance_rate").passed is True  # 21 of 22 expected
    assert q4.get("unexcused").passed is True
    assert q4.get("length").passed is True
    assert "12-HD/BTCTW" in q4.get("attendance_rate").source
    for pid in off[1:4]:
        attendance.set_attendance(ids[3], pid, A.UNEXCUSED)
    q = quality(ids[3])
    assert q.get("unexcused").passed is False and q.get("attendance_rate").passed is False  # 18/22 = 81.8 %
    assert not q.passed


def test_excused_run_restarts_with_the_year(branch20):
    branch, pid = branch20["branch"], branch20["official"][0]
    ids = []
    for day in (dt.date(2025, 11, 3), dt.date(2025, 12, 3), dt.date(2026, 1, 3), dt.date(2026, 2, 3)):
        m = meeting_prep.prepare_meeting(branch.id, day)
        attendance.set_attendance(m.id, pid, A.EXCUSED, "Ốm")
        ids.append(m.id)
    assert quality(ids[-1]).get("consecutive_excused").passed is True


def test_length_and_thematic_warnings(branch20):
    branch = branch20["branch"]
    short = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 1, 3), start_time="08:00", end_time="09:15")
    rows = {r.id: r for r in meetings.list_meetings(branch.id)}
    assert rows[short.id].duration == 75
    assert any("75" in w and "90" in w for w in rows[short.id].warnings)
    assert any("1/2026" in w for w in rows[short.id].warnings)  # no thematic meeting in the quarter
    combined = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 2, 3), kind=MeetingKind.COMBINED,
                                            start_time="08:00", end_time="09:45", theme="Học tập tư tưởng")
    rows = {r.id: r for r in meetings.list_meetings(branch.id)}
    assert any("105" in w and "120" in w for w in rows[combined.id].warnings)
    assert not any("1/2026" in w for w in rows[short.id].warnings)  # the quarter now has one
    meetings.update_meeting(combined.id, {"end_time": "10:00"})
    assert not meetings.list_meetings(branch.id)[0].warnings


def test_meeting_validation(branch20):
    branch = branch20["branch"]
    with pytest.raises(ValidationError) as err:
        meetings.create_meeting(branch.id, {"date": "31/02/2026"})
    assert "date" in err.value.errors
    m = meetings.create_meeting(branch.id, {"date": DAY})
    with pytest.raises(ValidationError) as err:
        meetings.update_meeting(m.id, {"start_time": "25:00"})
    assert "start_time" in err.value.errors
    with pytest.raises(ValidationError):
        meetings.update_meeting(m.id, {"start_time": "10:00", "end_time": "09:00"})
    with pytest.raises(ValidationError):
        meetings.create_meeting(branch.id, {"date": DAY})  # same branch, day and kind
    with pytest.raises(ValidationError):
        meetings.update_meeting(m.id, {"chair": 99999})
    with pytest.raises(ValidationError):
        meetings.update_meeting(m.id, {"status": "adopted"})
    assert meetings.get_meeting(m.id).status == MeetingStatus.DRAFT
    with pytest.raises(ValidationError):  # fees are recorded in the fee ledger, not typed on the meeting
        meetings.update_meeting(m.id, {"fees_collected": "250000"})
    meetings.update_meeting(m.id, {"start_time": "7:30"})
    m = meetings.get_meeting(m.id)
    assert (m.start_time, m.fees_collected) == ("07:30", 0)


def test_unchanged_save_writes_nothing(branch20):
    m = meetings.create_meeting(branch20["branch"].id, {"date": DAY, "place": "Nhà văn hóa"})
    before = AuditEntry.select().count()
    meetings.update_meeting(m.id, {"place": "Nhà văn hóa"})
    assert AuditEntry.select().count() == before
    meetings.update_meeting(m.id, {"discussion": "Ý kiến của đồng chí An"})
    assert AuditEntry.select().count() == before + 1


def _adoptable(branch20) -> Meeting:
    off = branch20["official"]
    return meeting_prep.prepare_meeting(branch20["branch"].id, DAY, chair=off[0], secretary=off[1],
                                        start_time="08:00", end_time="10:00", conclusion="Chi bộ thống nhất")


def test_adoption_needs_chair_secretary_and_reasons(branch20):
    m = meeting_prep.prepare_meeting(branch20["branch"].id, DAY)
    attendance.set_attendance(m.id, branch20["official"][3], A.EXCUSED, "")
    with pytest.raises(ValidationError) as err:
        minutes.adopt(m.id, DAY)
    assert {"chair", "secretary", "attendance"} <= set(err.value.errors)
    with pytest.raises(ValidationError):
        minutes.adopt(_adoptable(branch20).id, DAY - dt.timedelta(days=1))  # before the meeting


def test_adopted_minutes_are_locked_and_take_addenda(branch20):
    m = _adoptable(branch20)
    with pytest.raises(ValidationError):
        minutes.add_addendum(m.id, DAY, "Bổ sung")  # not adopted yet
    minutes.adopt(m.id, DAY)
    m = meetings.get_meeting(m.id)
    assert (m.status, m.adopted_on) == (MeetingStatus.ADOPTED, DAY)
    with pytest.raises(MinutesLocked) as err:
        meetings.update_meeting(m.id, {"conclusion": "Sửa lại"})
    assert "03/03/2026" in str(err.value)
    with pytest.raises(MinutesLocked):
        attendance.set_attendance(m.id, branch20["official"][0], A.UNEXCUSED)
    with pytest.raises(MinutesLocked):
        removal.delete_meeting(m.id)
    with pytest.raises(MinutesLocked):
        minutes.adopt(m.id, DAY)
    assert meetings.get_meeting(m.id).conclusion == "Chi bộ thống nhất"
    assert Attendance.get(person=branch20["official"][0], meeting=m.id).status == A.PRESENT
    with pytest.raises(ValidationError):
        minutes.add_addendum(m.id, DAY - dt.timedelta(days=1), "Trước ngày thông qua")
    with pytest.raises(ValidationError):
        minutes.add_addendum(m.id, DAY, "   ")
    minutes.add_addendum(m.id, dt.date(2026, 3, 10), "Bổ sung ý kiến của đồng chí Bình")
    minutes.add_addendum(m.id, dt.date(2026, 4, 3), "Đính chính số phí thu được")
    items = minutes.addenda(m.id)
    assert [(a.date, a.text) for a in items] == [(dt.date(2026, 3, 10), "Bổ sung ý kiến của đồng chí Bình"),
                                                 (dt.date(2026, 4, 3), "Đính chính số phí thu được")]
    assert json.loads(meetings.get_meeting(m.id).addenda)[0]["date"] == "2026-03-10"
    assert verify_chain() == []


def test_delete_and_restore_a_draft(branch20):
    branch = branch20["branch"]
    m = meetings.create_meeting(branch.id, {"date": DAY})
    removal.delete_meeting(m.id)
    assert meetings.list_meetings(branch.id) == []
    removal.restore_meeting(m.id)
    assert [r.id for r in meetings.list_meetings(branch.id)] == [m.id]


def test_default_meeting_day_is_the_third():
    """Directive 50-CT/TW (23/7/2025): the whole Party meets on the 3rd of each month."""
    assert meetings.default_date(2026, 5) == dt.date(2026, 5, 3)
    assert meetings.next_meeting_date(dt.date(2026, 5, 3)) == dt.date(2026, 5, 3)
    assert meetings.next_meeting_date(dt.date(2026, 5, 4)) == dt.date(2026, 6, 3)
    assert meetings.next_meeting_date(dt.date(2026, 12, 20)) == dt.date(2027, 1, 3)


def test_a_meeting_without_a_date_is_set_on_the_next_third(org):
    _org, branch = org
    m = meetings.create_meeting(branch.id, {})
    assert m.date == meetings.next_meeting_date(clock.today()) and m.date.day == 3


def test_deleted_drafts_are_listed_for_restoring_while_their_branch_exists(org):
    _org, branch = org
    other = branches.create_branch({"code": "CB02", "name": "Chi bộ bản Nà Sáy", "kind": "village", "rural": True})
    first = meeting_prep.prepare_meeting(branch.id, dt.date(2026, 10, 3))
    second = meeting_prep.prepare_meeting(other.id, dt.date(2026, 10, 5))
    assert recycle.deleted_meetings() == []
    removal.delete_meeting(first.id)
    removal.delete_meeting(second.id)
    assert {m.id for m in recycle.deleted_meetings()} == {first.id, second.id}
    assert [m.id for m in recycle.deleted_meetings(branch.id)] == [first.id]
    branches.delete_branch(other.id)  # a meeting cannot come back into a deleted branch
    assert [m.id for m in recycle.deleted_meetings()] == [first.id]
    removal.restore_meeting(first.id)
    assert recycle.deleted_meetings() == []
