"""The meetings view and the minutes editor, offscreen: list, preparation, attendance with live counts,
autosave, votes with the denominator, adoption lock and addenda."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from ui_helpers import context_on

from desktop_app.core.enums import AttendanceStatus as A
from desktop_app.core.enums import DecisionKind, MeetingKind, MeetingStatus, Stage, Status
from desktop_app.services.meetings import action_items, attendance, meeting_prep, meetings, minutes
from desktop_app.services.people import people
from desktop_app.store.models import Attendance, Meeting, ProgressNote, StageEvent
from desktop_app.ui.dialogs import meeting_editor as editor_module
from desktop_app.ui.dialogs.meeting_attendance import REASON, counts_text
from desktop_app.ui.dialogs.meeting_new import AddendumDialog, AdoptDialog, NewMeetingDialog
from desktop_app.ui.dialogs.meeting_vote import FAIL_COLOUR, PASS_COLOUR, VoteDialog
from desktop_app.ui.views.meetings_view import MeetingsView

TODAY = dt.date(2026, 11, 21)
GIVEN = ["An", "Bình", "Cường", "Dung", "Đức", "Giang", "Hà", "Hải", "Hạnh"]


@pytest.fixture
def branch(org):
    _org, b = org
    ids = [people.create_person({"full_name": f"Nguyễn Văn {g}", "branch": b.id, "status": Status.OFFICIAL,
                                 "official_date": dt.date(2010, 1, 1)}).id for g in GIVEN]
    sym = people.create_person({"full_name": "Cà Văn Tú", "branch": b.id, "status": Status.SYMPATHISER},
                               stage_date=dt.date(2025, 1, 1)).id
    prospect = people.create_person({"full_name": "Quàng Thị Hoa", "branch": b.id, "status": Status.PROSPECT},
                                    stage_date=dt.date(2025, 1, 1)).id
    return {"id": b.id, "official": ids, "sympathiser": sym, "prospect": prospect}


@pytest.fixture
def view(qtbot, branch):
    context = context_on(TODAY)
    context.set_branch(branch["id"])
    v = MeetingsView(context)
    qtbot.addWidget(v)
    v.resize(1130, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def no_boxes(monkeypatch):
    """Message boxes answer Yes and are recorded instead of blocking."""
    shown = []

    def record(kind):
        def box(*args, **kwargs):
            shown.append((kind, args[2] if len(args) > 2 else ""))
            return QMessageBox.StandardButton.Yes
        return box

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record(name)))
    return shown


def accept_on_exec(monkeypatch, cls, fill=None):
    def fake_exec(self):
        if fill is not None:
            fill(self)
        self.accept()
        return self.result()
    monkeypatch.setattr(cls, "exec", fake_exec)


def test_empty_branch_shows_how_to_start(view):
    assert view.title()
    assert view.right.currentWidget() is view.placeholder
    assert view.new_button.isEnabled()


def test_new_meeting_is_prepared_and_opened(view, branch, monkeypatch, no_boxes):
    def fill(dialog: NewMeetingDialog):
        assert dialog.form.values()["date"] == dt.date(2026, 12, 3)  # the next 3rd of the month
        dialog.date.setText("03/11/2026")
    accept_on_exec(monkeypatch, NewMeetingDialog, fill)
    view.new_meeting()
    meeting = Meeting.get()
    assert meeting.date == dt.date(2026, 11, 3) and meeting.kind == MeetingKind.REGULAR
    assert view.editor.meeting_id == meeting.id and view.right.currentWidget() is view.editor
    assert view.editor.opening.table.rowCount() == 9
    assert view.model.rows[0].id == meeting.id


def test_attendance_changes_are_saved_and_counted_live(view, branch):
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    page = view.editor.opening
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == "Nguyễn Văn Bình")
    combo = page.table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(A.UNEXCUSED))
    assert Attendance.get(meeting=m.id, person=branch["official"][1]).status == A.UNEXCUSED
    assert attendance.attendance_counts(m.id).unexcused == 1
    assert page.counts.text() == counts_text(attendance.attendance_counts(m.id))
    combo.setCurrentIndex(combo.findData(A.EXCUSED))
    from desktop_app.ui.dialogs.meeting_attendance import ACCEPTED

    reason = page.table.cellWidget(row, REASON)
    assert reason.isEnabled()
    reason.setText("Ốm")
    reason.textEdited.emit("Ốm")
    assert view.editor.has_pending()
    assert not view.has_unsaved_changes()  # leaving the view writes what is pending
    assert Attendance.get(meeting=m.id, person=branch["official"][1]).reason == "Ốm"
    # The chair accepts the reason: only then is the member left out of the vote denominator (294-QĐ/TW 9.3.2).
    accepted = page.table.cellWidget(row, ACCEPTED)
    assert accepted.isEnabled() and not accepted.isChecked()
    before = attendance.attendance_counts(m.id).denominator
    accepted.setChecked(True)
    row_saved = Attendance.get(meeting=m.id, person=branch["official"][1])
    assert row_saved.reason_accepted and row_saved.reason == "Ốm"
    assert attendance.attendance_counts(m.id).denominator == before - 1
    assert page.counts.text() == counts_text(attendance.attendance_counts(m.id))
    combo.setCurrentIndex(combo.findData(A.PRESENT))  # present again: nothing left to accept
    assert not Attendance.get(meeting=m.id, person=branch["official"][1]).reason_accepted
    assert not accepted.isEnabled() and not accepted.isChecked()


def test_field_edits_autosave(view, branch, qtbot):
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    view.editor.tabs.setCurrentIndex(editor_module.CONTENT)
    content = view.editor.content.form.fields
    content["discussion"].widget.setPlainText("Đồng chí An phát biểu về làm đường.")
    qtbot.waitUntil(lambda: meetings.get_meeting(m.id).discussion == "Đồng chí An phát biểu về làm đường.",
                    timeout=5000)
    content["conclusion"].widget.setPlainText("Chi bộ thống nhất")
    view.hide()  # leaving saves at once
    assert meetings.get_meeting(m.id).conclusion == "Chi bộ thống nhất"


def test_invalid_field_shows_its_message_and_keeps_the_rest(view, branch):
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    fields = view.editor.opening.form.fields
    fields["start_time"].widget.setText("25:99")
    fields["place"].widget.setText("Nhà văn hóa")
    assert view.has_unsaved_changes()  # the bad time cannot be saved
    assert fields["start_time"].error.text()
    m = meetings.get_meeting(m.id)
    assert m.place == "Nhà văn hóa" and m.start_time is None


def test_vote_dialog_shows_denominator_and_result_live(qtbot, branch, no_boxes):
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    attendance.set_attendance(m.id, branch["official"][8], A.UNEXCUSED)
    dialog = VoteDialog(m.id)
    qtbot.addWidget(dialog)
    dialog.form.set_values({"kind": DecisionKind.SYMPATHISER_ADD})
    dialog._kind_changed()
    assert "9" in dialog.counts_label.text()  # the unexcused absentee still counts
    dialog.yes.setValue(4)
    assert FAIL_COLOUR in dialog.result_label.styleSheet()
    dialog.yes.setValue(5)
    assert PASS_COLOUR in dialog.result_label.styleSheet()  # more than half of 9
    index = dialog.subject.findData(branch["prospect"])
    dialog.subject.setCurrentIndex(index)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert StageEvent.get(person=branch["prospect"], stage=Stage.SYMPATHISER_LIST).meeting_id == m.id
    assert people.get_person(branch["prospect"]).status == Status.SYMPATHISER


def test_helpers_report_is_saved_per_person(view, branch):
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    page = view.editor.reports
    page.load(m.id, False)
    assert page.person_id == branch["sympathiser"]
    page.form.fields["strengths"].widget.setPlainText("Nhiệt tình, gương mẫu")
    assert view.editor.flush()
    note = ProgressNote.get(person=branch["sympathiser"], meeting=m.id)
    assert note.strengths == "Nhiệt tình, gương mẫu"


def test_adoption_locks_the_editor_and_addenda_follow(view, branch, monkeypatch, no_boxes):
    off = branch["official"]
    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3), chair=off[0], secretary=off[1],
                                     start_time="19:30", end_time="21:30")
    action_items.add_action_item(m.id, "Vận động làm đường")
    view.refresh()
    accept_on_exec(monkeypatch, AdoptDialog)
    view.editor.adopt()
    m = meetings.get_meeting(m.id)
    assert m.status == MeetingStatus.ADOPTED and m.adopted_on is not None
    assert not view.editor.adopt_button.isVisible()
    view.editor.tabs.setCurrentIndex(editor_module.OPENING)
    assert not view.editor.opening.form.fields["place"].widget.isEnabled()
    view.editor.tabs.setCurrentIndex(editor_module.CONTENT)
    assert view.editor.content.form.fields["conclusion"].widget.isReadOnly()
    view.editor.tabs.setCurrentIndex(editor_module.TASKS)
    assert not view.editor.tasks.buttons.itemAt(0).widget().isVisible()
    view.editor.tabs.setCurrentIndex(editor_module.QUALITY)
    assert view.editor.quality.add_button.isEnabled()

    def fill(dialog: AddendumDialog):
        dialog.text.setPlainText("Bổ sung ý kiến của đồng chí Bình")
    accept_on_exec(monkeypatch, AddendumDialog, fill)
    view.editor.add_addendum()
    assert [a.text for a in minutes.addenda(m.id)] == ["Bổ sung ý kiến của đồng chí Bình"]
    assert "Bổ sung ý kiến" in view.editor.quality.addenda.toPlainText()


def test_adopt_refused_with_the_missing_items(view, branch, no_boxes):
    meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    view.editor.adopt()
    assert no_boxes and no_boxes[-1][0] == "warning"
    assert Meeting.get().status == MeetingStatus.DRAFT


def test_screenshot_hook_opens_the_latest_meeting_of_the_first_branch(qtbot, branch):
    meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 10, 3))
    latest = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    v = MeetingsView(context_on(TODAY))  # no branch chosen
    qtbot.addWidget(v)
    v.show()
    v.open_latest_for_screenshot()
    assert v.editor.meeting_id == latest.id
    assert v.editor.tabs.currentIndex() == editor_module.OPENING
    assert v.right.currentWidget() is v.editor


def test_open_record_switches_to_the_meeting(view, branch):
    first = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 10, 3))
    meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    assert view.open_record("meeting", first.id)
    assert view.editor.meeting_id == first.id
    assert not view.open_record("person", branch["official"][0])


def test_english_labels(view, branch):
    from desktop_app import i18n

    meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    i18n.set_language("en")
    view.retranslate_ui()
    view.refresh()
    assert view.editor.tabs.tabText(editor_module.OPENING) == "Attendance"
    assert "Regular" in view.editor.heading.text()


def test_deleted_draft_comes_back_from_deleted_records(view, branch, qtbot, no_boxes):
    from desktop_app.ui.dialogs.recycle_dialog import RecycleDialog

    m = meeting_prep.prepare_meeting(branch["id"], dt.date(2026, 11, 3))
    view.refresh()
    view.open_record("meeting", m.id)
    view.delete_meeting()
    assert no_boxes[0][0] == "question"
    assert view.model.rows == [] and Meeting.get_by_id(m.id).deleted_at is not None
    dialog = RecycleDialog(branch["id"])
    qtbot.addWidget(dialog)
    assert [(r.id, r.date, r.kind) for r in dialog.meeting_model.rows] == [(m.id, dt.date(2026, 11, 3), "regular")]
    dialog.tabs.setCurrentIndex(2)
    dialog.meeting_table.selectRow(0)
    dialog.restore_meeting()
    assert dialog.restored and dialog.meeting_model.rowCount() == 0
    assert Meeting.get_by_id(m.id).deleted_at is None
    view.refresh()
    assert [r.id for r in view.model.rows] == [m.id]
