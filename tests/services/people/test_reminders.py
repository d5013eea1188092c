"""services.reminders: what is due on a day, with each rule's source and policy version."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core import rules
from desktop_app.core.enums import AttendanceStatus, Stage, Status
from desktop_app.services.people import reminders
from desktop_app.store.models import Attendance, Branch, DossierItem, Meeting, Person, StageEvent

d = dt.date
ON = d(2026, 3, 10)


class World:
    def __init__(self, org):
        self.org, self.branch = org
        Branch.update(created_at=dt.datetime(2024, 1, 1)).where(Branch.id == self.branch.id).execute()
        self.other = Branch.create(organisation=self.org, code="CB02", name="Chi bộ bản Hua Nạ",
                                   created_at=dt.datetime(2024, 1, 1))
        self.ids: dict[str, int] = {}

    def person(self, key, status, branch=None, **fields):
        p = Person.create(full_name=key, status=status, branch=branch or self.branch, **fields)
        self.ids[key] = p.id
        return p

    @staticmethod
    def stage(p, stage, day):
        StageEvent.create(person=p, stage=stage, date=day)

    @staticmethod
    def paper(p, code, day):
        DossierItem.create(person=p, code=code, date=day)


@pytest.fixture
def world(org):
    i18n.set_language("en")  # the assertions read English titles and sources
    w = World(org)
    p = w.person("cert soon", Status.APPLICANT)
    w.paper(p, "CN-NTVĐ", d(2021, 5, 20))
    p = w.person("cert expired", Status.SYMPATHISER)
    w.paper(p, "CN-NTVĐ", d(2021, 3, 1))
    p = w.person("cert far", Status.SYMPATHISER)
    w.paper(p, "CN-NTVĐ", d(2024, 1, 1))
    p = w.person("voted", Status.APPLICANT)
    w.paper(p, "CN-NTVĐ", d(2021, 5, 20))
    w.stage(p, Stage.BRANCH_RESOLUTION, d(2025, 12, 15))
    p = w.person("decision overdue", Status.APPLICANT)
    w.stage(p, Stage.BRANCH_RESOLUTION, d(2025, 10, 1))
    p = w.person("ceremony soon", Status.APPLICANT)
    w.stage(p, Stage.BRANCH_RESOLUTION, d(2025, 12, 1))
    w.stage(p, Stage.ADMISSION_DECISION, d(2026, 2, 24))
    p = w.person("stale papers", Status.APPLICANT)
    w.paper(p, "3-KNĐ", d(2025, 3, 20))
    w.paper(p, "5-KNĐ", d(2025, 1, 5))
    w.paper(p, "1-KNĐ", d(2024, 1, 5))  # not a paper that goes stale
    p = w.person("probation ending", Status.PROBATIONARY, ceremony_date=d(2025, 3, 25))
    w.paper(p, "LLĐV", d(2025, 4, 1))
    w.paper(p, "PĐV", d(2025, 4, 1))
    p = w.person("recognition overdue", Status.PROBATIONARY, ceremony_date=d(2025, 1, 6))
    w.paper(p, "LLĐV", d(2025, 2, 1))
    w.paper(p, "PĐV", d(2025, 2, 1))
    p = w.person("awaiting recognition decision", Status.PROBATIONARY, ceremony_date=d(2025, 2, 20))
    w.paper(p, "LLĐV", d(2025, 3, 1))
    w.paper(p, "PĐV", d(2025, 3, 1))
    w.stage(p, Stage.RECOGNITION_RESOLUTION, d(2026, 2, 24))
    w.person("new member", Status.PROBATIONARY, ceremony_date=d(2026, 2, 24))
    gone = w.person("struck off", Status.STRUCK_OFF)
    w.paper(gone, "CN-NTVĐ", d(2021, 3, 1))
    deleted = w.person("deleted", Status.SYMPATHISER, deleted_at=dt.datetime(2026, 1, 1))
    w.paper(deleted, "CN-NTVĐ", d(2021, 3, 1))
    # Attendance: three unexcused absences this year, two, and three last year.
    three = w.person("absent three times", Status.OFFICIAL)
    two = w.person("absent twice", Status.OFFICIAL)
    last_year = w.person("absent last year", Status.OFFICIAL)
    for day in (d(2025, 10, 3), d(2025, 11, 3), d(2025, 12, 3), d(2026, 1, 3), d(2026, 2, 3), d(2026, 3, 3)):
        meeting = Meeting.create(branch=w.branch, date=day, kind="regular")
        Attendance.create(meeting=meeting, person=three, status="unexcused" if day.year == 2026 else "present")
        Attendance.create(meeting=meeting, person=two,
                          status="unexcused" if day in (d(2026, 1, 3), d(2026, 2, 3)) else "present")
        Attendance.create(meeting=meeting, person=last_year, status="unexcused" if day.year == 2025 else "present")
    # The other branch: no meeting in February, a thematic meeting in March.
    Meeting.create(branch=w.other, date=d(2026, 1, 3), kind="regular")
    Meeting.create(branch=w.other, date=d(2026, 3, 3), kind="thematic")
    p = w.person("other branch probation", Status.PROBATIONARY, branch=w.other, ceremony_date=d(2025, 3, 20))
    w.paper(p, "LLĐV", d(2025, 4, 1))
    w.paper(p, "PĐV", d(2025, 4, 1))
    return w


def _by_person(items):
    result: dict[int, list[str]] = {}
    for r in items:
        if r.person_id is not None:
            result.setdefault(r.person_id, []).append(r.kind)
    return result


def _one(items, pid):
    found = [r for r in items if r.person_id == pid]
    assert len(found) == 1, found
    return found[0]


def test_certificate_expiring_within_90_days_hd06_point_5_4(world):
    items = reminders.reminders(ON)
    soon = _one(items, world.ids["cert soon"])
    assert (soon.kind, soon.due, soon.severity) == ("certificate_expiring", d(2026, 5, 20), "warning")
    assert "06-HD/TW, point 5.4" in soon.source
    expired = _one(items, world.ids["cert expired"])
    assert (expired.due, expired.severity) == (d(2026, 3, 1), "error")
    by_person = _by_person(items)
    assert world.ids["cert far"] not in by_person
    assert "certificate_expiring" not in by_person.get(world.ids["voted"], [])


def test_decision_due_and_overdue_qd294_point_4_3_1(world):
    items = reminders.reminders(ON)
    due = _one(items, world.ids["voted"])
    assert due.kind == "decision_due"
    assert due.due == rules.decision_deadline(d(2025, 12, 15)).date == d(2026, 3, 17)
    assert due.severity == "warning"
    overdue = _one(items, world.ids["decision overdue"])
    assert (overdue.kind, overdue.severity) == ("decision_due", "error")
    assert "point 4.3.1" in overdue.source


def test_ceremony_due_qd294_point_4_1(world):
    item = _one(reminders.reminders(ON), world.ids["ceremony soon"])
    assert item.kind == "ceremony_due"
    assert item.due == rules.ceremony_deadline(d(2026, 2, 24)).date


def test_dossier_going_stale_after_12_months(world):
    items = [r for r in reminders.reminders(ON) if r.person_id == world.ids["stale papers"]]
    assert sorted((r.kind, r.due, r.severity) for r in items) == [
        ("dossier_stale", d(2026, 1, 5), "error"), ("dossier_stale", d(2026, 3, 20), "warning")]
    assert any("3-KNĐ" in r.title for r in items)


def test_probation_ending_and_recognition_vote_due_qd294_point_4_2_1(world):
    items = reminders.reminders(ON)
    ending = _one(items, world.ids["probation ending"])
    assert (ending.kind, ending.due) == ("probation_ending", d(2026, 3, 25))
    overdue = _one(items, world.ids["recognition overdue"])
    assert overdue.kind == "recognition_vote_due" and overdue.severity == "error"
    assert overdue.due == rules.recognition_vote_deadline(d(2025, 1, 6)).date
    decision = _one(items, world.ids["awaiting recognition decision"])
    assert (decision.kind, decision.due) == ("recognition_decision_due", d(2026, 4, 7))


def test_history_declaration_due_hd12_btctw(world):
    item = _one(reminders.reminders(ON), world.ids["new member"])
    assert item.kind == "history_declaration_due"
    assert item.due == rules.history_declaration_deadline(d(2026, 2, 24)).date
    assert "12-HD/BTCTW" in item.source


def test_three_unexcused_absences_in_a_year_charter_art_8_2(world):
    by_person = _by_person(reminders.reminders(ON))
    assert by_person[world.ids["absent three times"]] == ["unexcused_absences"]
    assert world.ids["absent twice"] not in by_person
    assert world.ids["absent last year"] not in by_person


def test_gone_and_deleted_people_are_left_out(world):
    by_person = _by_person(reminders.reminders(ON))
    assert world.ids["struck off"] not in by_person
    assert world.ids["deleted"] not in by_person


def test_branch_meetings_missing_directive_50_ct_tw(world):
    items = [r for r in reminders.reminders(ON) if r.person_id is None]
    kinds = sorted((r.kind, r.branch_id) for r in items)
    assert kinds == [("meeting_missing", world.other.id), ("thematic_missing", world.branch.id)]
    missing = next(r for r in items if r.kind == "meeting_missing")
    assert missing.due == d(2026, 2, 3)
    assert "Article 24.2" in missing.source
    thematic = next(r for r in items if r.kind == "thematic_missing")
    assert thematic.due == d(2026, 3, 31) and "50-CT/TW" in thematic.source


def test_one_branch_only(world):
    items = reminders.reminders(ON, branch_id=world.other.id)
    assert {r.branch_id for r in items} == {world.other.id}
    assert {r.kind for r in items} == {"meeting_missing", "probation_ending"}


def test_every_reminder_is_complete_and_sorted(world):
    items = reminders.reminders(ON)
    assert [r.due for r in items] == sorted(r.due for r in items)
    for r in items:
        assert r.title and r.source and r.policy_version, r
        assert r.severity in ("error", "warning")
    counts = reminders.counts(ON)
    assert counts["error"] == sum(r.severity == "error" for r in items)


def test_nothing_due_in_an_empty_database(db):
    assert reminders.reminders(ON) == []


def test_statuses_and_attendance_codes_are_the_enum_codes():
    assert AttendanceStatus.UNEXCUSED == "unexcused"
    assert Status.PROBATIONARY == "probationary"


def test_absences_count_in_months_not_meetings_charter_art_8_2(world):
    """Three meetings missed without reason in two months are two months: no reminder; a third month is."""
    p = world.person("absent in two months", Status.OFFICIAL)
    for day in (d(2026, 1, 10), d(2026, 1, 24), d(2026, 2, 3)):
        meeting = Meeting.create(branch=world.branch, date=day, kind="extraordinary" if day.day != 3 else "regular")
        Attendance.create(meeting=meeting, person=p, status="unexcused")
    assert p.id not in _by_person(reminders.reminders(ON))
    meeting = Meeting.create(branch=world.branch, date=d(2026, 3, 9), kind="extraordinary")
    Attendance.create(meeting=meeting, person=p, status="unexcused")
    item = _one(reminders.reminders(ON), p.id)
    assert (item.kind, item.due) == ("unexcused_absences", d(2026, 3, 9))
    assert item.title == ("absent in two months: No Party activity without valid reason in 3 months of 2026 "
                          "(01/2026, 02/2026, 03/2026): the branch considers striking the member off (Party "
                          "Charter, Article 8.2).")
