"""The admission pipeline view, the candidate's file (steps, deadlines, dossier) and recording steps
through the rules, offscreen, checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import TODAY, quiet_boxes, stage_of

from desktop_app.core import clock
from desktop_app.core.enums import DossierStatus, Stage, Status
from desktop_app.services.people import candidates, dossier, people
from desktop_app.ui.dialogs.advance_stage import next_stages
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.views.candidates_view import ALL, CandidatesView


@pytest.fixture
def view(show_view, data):
    return show_view(CandidatesView)


def stage_keys(view) -> dict[str, str]:
    return {view.stages.item(i).data(0x0100): view.stages.item(i).text() for i in range(view.stages.count())}


def test_pipeline_counts_people_at_their_furthest_step(view):
    keys = stage_keys(view)
    assert keys[ALL].startswith("4 ")  # three candidates and one probationary member
    assert keys[Stage.SOURCE].startswith("1 ")
    assert keys[Stage.SYMPATHISER_LIST].startswith("1 ")
    assert keys[Stage.APPLICATION].startswith("1 ")
    assert keys[Stage.CEREMONY].startswith("1 ")


def test_choosing_a_step_lists_only_the_people_there(view, data):
    for row in range(view.stages.count()):
        if view.stages.item(row).data(0x0100) == Stage.SYMPATHISER_LIST:
            view.stages.setCurrentRow(row)
    assert view.model.rowCount() == 1
    row = view.model.row_at(0)
    assert row.id == data["sympathiser"]
    assert row.helpers == "Nguyễn Văn Bình"  # the helper assigned, shown inline


def test_next_steps_follow_the_furthest_recorded_step(data):
    applicant = people.get_person(data["applicant"])
    assert next_stages(applicant)[0] == Stage.HISTORY
    probationary = people.get_person(data["probationary"])
    assert next_stages(probationary)[0] == Stage.NEW_MEMBER_CLASS
    assert next_stages(people.get_person(data["Lò Văn Đức"])) == []


def test_new_candidate_is_created_with_its_first_step(qtbot, data):
    dialog = CandidateDialog(None, TODAY, branch_id=data["branch"])
    qtbot.addWidget(dialog)
    form = dialog.person_form.form
    form.fields["full_name"].widget.setText("Mùa A Sử")
    form.fields["status"].widget.setCurrentIndex(form.fields["status"].widget.findData(Status.SYMPATHISER))
    form.fields["birth_date"].widget.setText("12/12/2002")
    assert dialog.save() is True
    person = people.get_person(dialog.person_id)
    assert person.status == Status.SYMPATHISER and person.branch_id == data["branch"]
    assert stage_of(person.id) == [Stage.SYMPATHISER_LIST]
    assert dialog.person_form.isTabEnabled(0)  # the steps tab opens once the person exists


def test_dossier_checklist_records_a_form(qtbot, data):
    pid = data["applicant"]
    dialog = CandidateDialog(pid, TODAY)
    qtbot.addWidget(dialog)
    panel = dialog.dossier
    assert panel.table.select_where(lambda r: r.code == "1-KNĐ")
    panel.form.fields["received"].widget.setChecked(True)
    panel.form.fields["number"].widget.setText("Đơn số 7")
    panel.form.fields["date"].widget.setText("02/06/2026")
    assert panel.save() is True
    row = next(r for r in dossier.checklist(pid) if r.code == "1-KNĐ")
    assert row.status == DossierStatus.RECEIVED and row.number == "Đơn số 7" and row.date == dt.date(2026, 6, 2)
    assert "1" in panel.summary.text()


def test_dossier_date_in_the_future_is_refused_inline(qtbot, data):
    pid = data["applicant"]
    dialog = CandidateDialog(pid, clock.today())
    qtbot.addWidget(dialog)
    panel = dialog.dossier
    panel.table.select_where(lambda r: r.code == "2-KNĐ")
    panel.form.fields["received"].widget.setChecked(True)
    panel.form.fields["date"].widget.setText("01/01/2999")
    assert panel.save() is False
    assert panel.form.fields["date"].error.text()
    assert dossier.received_dates(pid) == {}


def test_recording_the_next_step_moves_the_candidate(qtbot, monkeypatch, data):
    quiet_boxes(monkeypatch)
    pid = data["prospect"]
    dialog = CandidateDialog(pid, TODAY).advance_dialog([Stage.SYMPATHISER_LIST])
    qtbot.addWidget(dialog)
    dialog.form.fields["date"].widget.setText("10/11/2026")
    dialog.check()
    assert not dialog.findings.errors
    if dialog.acknowledge.isVisible():
        dialog.acknowledge.setChecked(True)
    dialog.accept()
    assert people.get_person(pid).status == Status.SYMPATHISER
    assert stage_of(pid)[-1] == Stage.SYMPATHISER_LIST


def test_warnings_must_be_acknowledged(qtbot, data):
    # Skipping the awareness class and the application leaves earlier steps unrecorded: a warning
    # (Hướng dẫn 06-HD/TW, point 3) that the user must confirm before the step is recorded.
    pid = data["sympathiser"]
    dialog = CandidateDialog(pid, TODAY).advance_dialog([Stage.HISTORY])
    qtbot.addWidget(dialog)
    dialog.check()
    if dialog.findings.errors:
        assert not dialog.save_button().isEnabled()
        return
    assert dialog.findings.warnings
    assert dialog.acknowledge.isVisibleTo(dialog)
    assert not dialog.save_button().isEnabled()
    dialog.acknowledge.setChecked(True)
    assert dialog.save_button().isEnabled()


def test_deadlines_of_a_probationary_member(data):
    # Party Charter, Article 5.1: 12 months of probation from the ceremony (20/12/2025).
    rows = candidates.deadlines(data["probationary"], TODAY)
    official = next(r for r in rows if "official" in r.title.lower() or "chính thức" in r.title.lower())
    assert official.date == dt.date(2026, 12, 20)
    assert all(r.source for r in rows)


def test_open_record_selects_and_opens(view, monkeypatch, data):
    opened = []
    monkeypatch.setattr(view, "open_person", lambda pid: opened.append(pid))
    assert view.open_record("person", data["applicant"]) is True
    assert opened == [data["applicant"]]
    assert view.table.current_row().id == data["applicant"]


def test_meeting_of_the_branch_can_be_named_for_a_step(qtbot, data):
    from desktop_app.services.meetings import meeting_prep

    meeting = meeting_prep.prepare_meeting(data["branch"], dt.date(2026, 11, 3))
    dialog = CandidateDialog(data["prospect"], TODAY).advance_dialog([Stage.SYMPATHISER_LIST])
    qtbot.addWidget(dialog)
    combo = dialog.form.fields["meeting"].widget
    combo.setCurrentIndex(combo.findData(meeting.id))
    dialog.form.fields["date"].widget.setText("03/11/2026")
    dialog.check()
    if dialog.acknowledge.isVisible():
        dialog.acknowledge.setChecked(True)
    dialog.accept()
    event = people.history(data["prospect"])[-1]
    assert event.stage == Stage.SYMPATHISER_LIST and event.meeting_id == meeting.id


def test_helper_assigned_from_the_candidate_file(qtbot, data):
    dialog = CandidateDialog(data["prospect"], TODAY)
    qtbot.addWidget(dialog)
    assign = dialog.assign_dialog()
    qtbot.addWidget(assign)
    assert assign.person_combo.currentData() == data["prospect"]
    assign.sponsor_combo.setCurrentIndex(assign.sponsor_combo.findData(data["Trần Thị Ánh"]))
    assign.check()
    assign.accept()
    from desktop_app.services.people import sponsorships

    assert [r.sponsor_name for r in sponsorships.for_person(data["prospect"])] == ["Trần Thị Ánh"]
