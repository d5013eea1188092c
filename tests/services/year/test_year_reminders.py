"""What the Party year reminds, and the committee's grading of branches: a round not started by December, members
still to grade, proposals waiting for the committee, two years running "did not complete tasks" as a strike-off
ground (Party Charter Art. 8.2, Regulation 294-QĐ/TW point 8.1, configurable), and the branch grades' lock."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app import i18n
from desktop_app.core import clock
from desktop_app.core.member_codes import Grade
from desktop_app.services.common.errors import ValidationError
from desktop_app.services.year import branch_grades, corrections, member_grades, rounds
from desktop_app.services.year.reminders import grading_year, year_reminders

D = dt.date


def _kinds(items):
    return [r.kind for r in items]


def test_the_grading_year_runs_from_december_to_march():
    assert [grading_year(d) for d in (D(2026, 11, 30), D(2026, 12, 1), D(2027, 3, 31), D(2027, 4, 1))] == \
        [None, 2026, 2026, None]


def test_a_round_not_started_by_december(branch):
    assert year_reminders(D(2026, 11, 30)) == []
    items = year_reminders(D(2026, 12, 1))
    assert _kinds(items) == ["grading_not_started"] and items[0].severity == "warning"
    assert year_reminders(D(2027, 1, 10))[0].severity == "error"  # the year is over


def test_members_to_grade_then_the_committees_decision(branch):
    i18n.set_language("en")
    rounds.open_round(2026, D(2026, 12, 15), opened_on=D(2026, 11, 20))
    rounds.set_branch_meeting(2026, branch.branch.id, meeting_on=D(2026, 12, 20), voters=12)
    items = year_reminders(D(2027, 1, 10), branch.branch.id)
    assert _kinds(items) == ["grading_due"] and "12 members still to be graded for 2026" in items[0].title
    assert items[0].severity == "error"  # past the grading date
    for pid in branch.ids:
        member_grades.set_grade(2026, pid, "branch", Grade.GOOD)
    assert _kinds(year_reminders(D(2027, 1, 10))) == ["grading_decision_due"]
    member_grades.decide(2026, branch.branch.id, D(2027, 1, 5))
    assert year_reminders(D(2027, 1, 10)) == []


def _decide(year, branch, grades):
    rounds.open_round(year, D(year, 12, 15), opened_on=D(year, 11, 1))
    rounds.set_branch_meeting(year, branch.branch.id, meeting_on=D(year, 12, 18), voters=12)
    for pid in branch.ids:
        member_grades.set_grade(year, pid, "branch", grades.get(pid, Grade.GOOD))
    member_grades.decide(year, branch.branch.id, D(year, 12, 28))


def test_two_years_running_did_not_complete_tasks_is_a_strike_off_ground(branch):
    i18n.set_language("en")
    failing, once = branch.ids[0], branch.ids[1]
    _decide(2025, branch, {failing: Grade.NOT_COMPLETED})
    _decide(2026, branch, {failing: Grade.NOT_COMPLETED, once: Grade.NOT_COMPLETED})
    items = [r for r in year_reminders(D(2027, 1, 10)) if r.kind == "grading_failed_years"]
    assert [r.person_id for r in items] == [failing]
    assert "2025, 2026" in items[0].title and "striking" in items[0].title
    # A corrected grade counts as corrected.
    corrections.correct_member(2026, failing, Grade.COMPLETED, D(2027, 1, 9), "Xem xét lại")
    assert [r for r in year_reminders(D(2027, 1, 10)) if r.kind == "grading_failed_years"] == []


def test_the_committee_grades_each_branch_once_and_corrects_by_date(branch):
    i18n.set_language("en")
    found = rounds.open_round(2026, D(2026, 12, 15), opened_on=D(2026, 11, 20))
    branch_grades.propose(2026, branch.branch.id, Grade.GOOD)
    assert branch_grades.grade_branch(2026, branch.branch.id, Grade.EXCELLENT, D(2027, 1, 6)) == [
        branch_grades.cap_warnings(found)[0]]  # one excellent branch, none good: over the cap of branches
    row = next(r for r in branch_grades.branch_rows(found) if r.branch_id == branch.branch.id)
    assert (row.self_grade, row.grade, row.graded_on) == (Grade.GOOD, Grade.EXCELLENT, D(2027, 1, 6))
    with pytest.raises(ValidationError) as info:
        branch_grades.grade_branch(2026, branch.branch.id, Grade.GOOD, D(2027, 1, 7))
    assert "changes only through a dated correction" in str(info.value)
    with pytest.raises(ValidationError):
        branch_grades.propose(2026, branch.branch.id, Grade.COMPLETED)
    with pytest.raises(ValidationError) as info:
        corrections.correct_branch(2026, branch.branch.id, Grade.GOOD, D(2027, 1, 7), "")
    assert "reason" in info.value.errors
    clock.pin(dt.datetime(2027, 1, 10, 9, 0))
    corrections.correct_branch(2026, branch.branch.id, Grade.GOOD, D(2027, 1, 7), "Theo kết luận kiểm tra")
    row = next(r for r in branch_grades.branch_rows(found) if r.branch_id == branch.branch.id)
    assert (row.grade, row.corrections) == (Grade.GOOD, 1)
    assert branch_grades.cap_warnings(found) == []
