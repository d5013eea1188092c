"""The member register and the member form, offscreen, checked against the database."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import OFFICIALS, TODAY, quiet_boxes, stage_of

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.services.people import people
from desktop_app.ui.dialogs.advance_stage import AdvanceStageDialog
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.views.members_view import MembersView
from desktop_app.ui.widgets.person_form import party_age_text


@pytest.fixture
def view(show_view, data):
    return show_view(MembersView)


def names(view) -> list[str]:
    return [view.model.row_at(r).full_name for r in range(view.model.rowCount())]


def test_register_lists_members_by_given_name(view):
    # Vietnamese lists sort by given name: Ánh, Bình, Châu, Đức, Tuấn, Yến (core.text.name_sort_key).
    assert names(view) == ["Trần Thị Ánh", "Nguyễn Văn Bình", "Phạm Minh Châu", "Lò Văn Đức", "Cà Văn Tuấn",
                           "Quàng Thị Yến"]
    assert "6" in view.count_label.text()


def test_status_filter_and_branch_filter(view, data, org):
    view.set_filter(Status.PROBATIONARY)
    assert names(view) == ["Cà Văn Tuấn"]
    view.set_filter("members")
    view.context.set_branch(data["branch"] + 1000)  # a branch with nobody
    view.refresh_if_stale()
    assert names(view) == []


def test_new_member_needs_a_name_and_reports_bad_citizen_id_inline(qtbot, data):
    dialog = MemberDialog(None, TODAY, branch_id=data["branch"])
    qtbot.addWidget(dialog)
    form = dialog.person_form.form
    assert not dialog.save_button().isEnabled()  # the full name is required
    form.fields["full_name"].widget.setText("Hà Thị Mỹ Duyên")
    form.fields["cccd"].widget.setText("12345")
    assert dialog.save_button().isEnabled()
    count = len(people.list_people())
    assert dialog.save() is False
    assert form.fields["cccd"].error.isVisibleTo(dialog)
    assert "12" in form.fields["cccd"].error.text()
    assert len(people.list_people()) == count  # nothing written
    form.fields["cccd"].widget.setText("001234567890")
    assert dialog.save() is True
    saved = people.get_person(dialog.person_id)
    assert saved.full_name == "Hà Thị Mỹ Duyên" and saved.cccd == "001234567890"
    assert saved.branch_id == data["branch"] and saved.status == Status.OFFICIAL


def test_editing_a_member_saves_every_field_and_keeps_history(qtbot, data):
    pid = data["Lò Văn Đức"]
    dialog = MemberDialog(pid, TODAY)
    qtbot.addWidget(dialog)
    form = dialog.person_form.form
    assert not dialog.save_button().isEnabled()  # nothing changed yet
    form.fields["workplace"].widget.setText("Trạm y tế xã")
    form.fields["birth_date"].widget.setText("3/4/1972")
    form.fields["categories"].widget.set_codes(["worker", "veteran"])
    form.fields["categories"].widget.boxes["veteran"].setChecked(True)
    assert dialog.save() is True
    person = people.get_person(pid)
    assert person.workplace == "Trạm y tế xã"
    assert person.birth_date == dt.date(1972, 4, 3)
    assert "veteran" in person.categories
    assert dialog.history_model.rowCount() == 1  # the first step recorded when the member was added


def test_future_date_is_refused_beside_the_field(qtbot, data):
    dialog = MemberDialog(data["Trần Thị Ánh"], clock.today())
    qtbot.addWidget(dialog)
    field = dialog.person_form.form.fields["admission_date"]
    field.widget.setText("01/01/2999")
    assert dialog.save() is False
    assert field.error.text()
    assert dialog.person_form.currentWidget().isAncestorOf(field.widget)  # switched to the tab holding the field


def test_party_age_counts_from_the_admission_decision():
    # Party Charter, Article 5.4: party age runs from the date in the admission decision.
    text = party_age_text(dt.date(2000, 3, 15), dt.date(2026, 11, 21))
    assert "26" in text and "8" in text
    assert party_age_text(None, TODAY) == ""


def test_exempting_goes_through_the_rules(qtbot, monkeypatch, data):
    quiet_boxes(monkeypatch)
    pid = data["Phạm Minh Châu"]
    dialog = AdvanceStageDialog(pid, [Stage.EXEMPTED], TODAY)
    qtbot.addWidget(dialog)
    dialog.check()
    assert dialog.findings is not None
    if dialog.acknowledge.isVisible():
        dialog.acknowledge.setChecked(True)
    assert dialog.save_button().isEnabled()
    dialog.form.fields["document_ref"].widget.setText("Quyết định 12-QĐ/ĐU")
    dialog.accept()
    assert people.get_person(pid).status == Status.EXEMPT
    assert Stage.EXEMPTED in stage_of(pid)


def test_a_blocked_step_cannot_be_recorded(qtbot, data):
    # Recognition needs a probationary member; an official member is refused (Party Charter, Article 5).
    pid = data["Nguyễn Văn Bình"]
    before = stage_of(pid)
    dialog = AdvanceStageDialog(pid, [Stage.RECOGNITION_DECISION], TODAY)
    qtbot.addWidget(dialog)
    dialog.check()
    assert dialog.findings.errors
    assert not dialog.save_button().isEnabled()
    dialog.accept()
    assert stage_of(pid) == before
    assert dialog.findings_list.count() >= 1


def test_member_form_shows_actions_for_the_status(qtbot, data):
    official = MemberDialog(data[OFFICIALS[0]], TODAY)
    probationary = MemberDialog(data["probationary"], TODAY)
    qtbot.addWidget(official)
    qtbot.addWidget(probationary)
    assert not official.recognise_button.isVisibleTo(official)
    assert probationary.recognise_button.isVisibleTo(probationary)


def test_delete_asks_and_removes_from_the_register(view, monkeypatch, data):
    shown = quiet_boxes(monkeypatch)
    view.table.select_where(lambda r: r.id == data["Quàng Thị Yến"])
    view.delete_current()
    assert shown and shown[0][0] == "question"
    view.refresh_if_stale()
    assert "Quàng Thị Yến" not in names(view)


def test_deleted_people_can_be_restored(qtbot, monkeypatch, view, data):
    from desktop_app.ui.dialogs.recycle_dialog import RecycleDialog

    quiet_boxes(monkeypatch)
    view.table.select_where(lambda r: r.id == data["Lò Văn Đức"])
    view.delete_current()
    dialog = RecycleDialog()
    qtbot.addWidget(dialog)
    assert [r.name for r in dialog.people_model.rows] == ["Lò Văn Đức"]
    dialog.people_table.selectRow(0)
    dialog.restore_person()
    assert dialog.restored and dialog.people_model.rowCount() == 0
    assert people.get_person(data["Lò Văn Đức"]).deleted_at is None


def test_party_cards_show_masked_until_masking_is_turned_off(view, data, qtbot):
    """Lists mask personal identifiers (services.people.privacy); turning it off in Settings reaches the register
    through the write itself."""
    from desktop_app.services.common import settings

    def card() -> str:
        column = next(i for i, c in enumerate(view.model.columns) if c.header == "Party card")
        row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).full_name == "Lò Văn Đức")
        return view.model.data(view.model.index(row, column))

    people.update_person(data["Lò Văn Đức"], {"card_number": "93012345"})
    qtbot.waitUntil(lambda: card() == "*****345")
    settings.set(settings.MASK_IDS, False)
    qtbot.waitUntil(lambda: card() == "93012345")
