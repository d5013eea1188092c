"""The grading screen from the keyboard (pytest-qt, offscreen): a secretary grades a 30-member branch by typing a
grade on each row, the cursor moving down; the counts and the cap warning follow each key; a member not graded
is refused in place; the committee's decision locks the grades. Every effect is checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from ui_helpers import context_on

from desktop_app import i18n
from desktop_app.core.enums import Stage
from desktop_app.services.people import people
from desktop_app.services.year import member_grades, rounds
from desktop_app.ui.dialogs.year_dialogs import DecideDialog
from desktop_app.ui.views.year_view import BADGES, BRANCHES, YearView
from tests import recount

D = dt.date
TODAY = D(2027, 1, 10)
NAMES = [f"{family} {middle} {given}" for family, middle, given in zip(
    ["Lò", "Cà", "Quàng", "Lường", "Tòng", "Vì"] * 5, ["Văn", "Thị"] * 15,
    ["An", "Bình", "Chung", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh",
     "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tú",
     "Vân", "Yến"], strict=True)]


@pytest.fixture
def thirty(org):
    _org, branch = org
    ids = [people.create_person({"full_name": name, "branch": branch.id, "status": "official",
                                 "joined_branch_date": D(2012, 1, 1), "admission_date": D(2000, 1, 1) +
                                 dt.timedelta(days=40 * n)}, stage_date=D(2012, 1, 1)).id
           for n, name in enumerate(NAMES)]
    context_on(TODAY)
    rounds.open_round(2026, D(2026, 12, 15), opened_on=D(2026, 11, 20))
    rounds.set_branch_meeting(2026, branch.id, meeting_on=D(2026, 12, 20), voters=30)
    return branch, ids


@pytest.fixture
def view(qtbot, thirty):
    view = YearView(context_on(TODAY))
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.refresh_if_stale()
    view.grading.focus_table()
    return view


def _stored(column: str) -> dict[str, int]:
    return dict(recount.query(f"SELECT {column}, count(*) FROM membergrade WHERE {column} != '' "
                                     f"GROUP BY {column}"))


def _type(qtbot, view, keys: str) -> None:
    for key in keys:
        qtbot.keyClick(view.grading.table, key)


def test_a_thirty_member_branch_is_graded_from_the_keyboard(qtbot, view, thirty):
    i18n.set_language("en")
    view.retranslate_ui()
    sheet = view.grading
    assert sheet.model.rowCount() == 30 and sheet.table.current_number() == 0
    _type(qtbot, view, "1111")  # four "excellent" before any "good": over the cap, said in place at once
    assert sheet.table.current_number() == 4
    assert "at most 0" in sheet.cap.text() and "Excellent 4 (100%)" in sheet.counts.text()
    _type(qtbot, view, "2" * 20)
    assert sheet.cap.text() == ""  # 4 of 20: exactly at the cap
    _type(qtbot, view, "tt3h")  # letters too: T is good, H completed (rows 25 to 28)
    qtbot.keyClick(sheet.table, Qt.Key.Key_Return)  # Enter moves on without writing (row 29 stays empty)
    _type(qtbot, view, "k")  # the last row: "did not complete tasks"; the cursor stays on it
    assert sheet.table.current_number() == 29 and _stored("branch_grade") == {
        "excellent": 4, "good": 22, "completed": 2, "not_completed": 1}
    text = sheet.counts.text()
    assert "Graded 29 of 30" in text and "well or better: 89.66%" in text  # 26 of 29
    qtbot.keyClick(sheet.table, Qt.Key.Key_Up)
    _type(qtbot, view, "n")  # row 29 too, and on to the last
    qtbot.keyClick(sheet.table, Qt.Key.Key_Delete)  # clears the last
    assert _stored("branch_grade") == {"excellent": 4, "good": 22, "completed": 2, "not_completed": 1}
    assert "Graded 29 of 30" in sheet.counts.text()
    # Every proposal carries the meeting's date and the unanimous vote.
    assert recount.query("SELECT DISTINCT branch_on, branch_yes, branch_voters FROM membergrade "
                                "WHERE branch_grade != ''") == [("2026-12-20", 30, 30)]


def test_a_member_not_graded_is_refused_in_place(qtbot, thirty):
    branch, ids = thirty
    people.record_stage(ids[0], Stage.EXEMPTED, D(2026, 6, 1))
    view = YearView(context_on(TODAY))
    qtbot.addWidget(view)
    view.show()
    view.refresh_if_stale()
    sheet = view.grading
    number = next(n for n, r in enumerate(sheet.model.rows) if r.person_id == ids[0])
    sheet.table.go_to(number)
    sheet.table.setFocus()
    i18n.set_language("en")
    qtbot.keyClick(sheet.table, "2")
    assert "is not graded this year" in sheet.message.text() and sheet.table.current_number() == number
    assert _stored("branch_grade") == {}


def test_the_steps_and_the_committees_decision_lock_the_grades(qtbot, view, thirty):
    i18n.set_language("en")
    branch, ids = thirty
    sheet = view.grading
    sheet.step_box.setCurrentIndex(0)  # self-assessment
    sheet.table.go_to(0)
    sheet.table.setFocus()
    _type(qtbot, view, "1")
    assert _stored("self_grade") == {"excellent": 1}
    sheet.step_box.setCurrentIndex(1)
    sheet.table.go_to(0)
    sheet.table.setFocus()
    _type(qtbot, view, "2" * 30)
    dialog = DecideDialog(2026, branch.id, "CB01", TODAY, view)
    dialog.form.set_values({"decided_on": D(2027, 1, 8)})
    dialog.accept()
    assert dialog.result.count == 30
    sheet.refresh()
    sheet.table.go_to(3)
    sheet.table.setFocus()
    _type(qtbot, view, "3")
    assert "changes only through a dated correction" in sheet.message.text()
    assert _stored("committee_grade") == {"good": 30}
    assert member_grades.step_labels()


def test_the_branches_and_the_badges_tabs(qtbot, view, thirty):
    view.tabs.setCurrentIndex(BRANCHES)
    sheet = view.branches
    assert sheet.model.rowCount() == 1
    sheet.table.setCurrentIndex(sheet.table.proxy.index(0, 1))
    sheet.table.setFocus()
    qtbot.keyClick(sheet.table, "2")
    assert recount.query("SELECT self_grade FROM branchgrading")[0][0] == "good"
    view.tabs.setCurrentIndex(BADGES)
    assert view.badges.year.value() == 2027


def test_a_year_without_a_round_offers_to_open_it(qtbot, view):
    view.year.setValue(2025)
    assert view.found is None and view.open_button.isVisibleTo(view) and view.grading.model.rowCount() == 0
