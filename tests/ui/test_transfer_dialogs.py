"""Transfers, moves and the member record's new parts in the window, offscreen, checked against the database
(tests.recount, not the services' counts)."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import OFFICIALS, TODAY

from desktop_app.core.enums import MembershipKind as K
from desktop_app.core.enums import Status
from desktop_app.services.organisation import branches
from desktop_app.services.people import people
from desktop_app.ui.dialogs.member_dialog import MemberDialog
from desktop_app.ui.dialogs.record_rows import AwardDialog
from desktop_app.ui.dialogs.transfer_dialogs import MoveDialog, TemporaryDialog, TransferInDialog, TransferOutDialog
from desktop_app.ui.views.members_view import MembersView
from tests import recount

D = dt.date


@pytest.fixture
def second(data):
    return branches.create_branch({"code": "CB02", "name": "Chi bộ bản Ẳng Cang", "kind": "village", "rural": True})


def _type(dialog, values: dict) -> None:
    for name, text in values.items():
        dialog.form.fields[name].widget.setText(text)
    dialog.check()


def _events(person_id: int) -> list[tuple]:
    return recount.query("SELECT kind, date, branch_id, other_branch_id, place, document_ref, paper_date "
                         "FROM membershipevent WHERE person_id = ? ORDER BY date, id", (person_id,))


def test_receiving_a_member_from_the_register_counts_them_from_the_day_they_reported(qtbot, show_view, data):
    view = show_view(MembersView)
    view.context.set_branch(data["branch"])
    dialog = view.receive_dialog()
    qtbot.addWidget(dialog)
    assert dialog.form.values()["branch"] == data["branch"]  # the branch chosen in the window
    assert not dialog.save_button().isEnabled()  # the name and where from are required
    _type(dialog, {"full_name": "Quàng Thị Ơn", "birth_date": "14/02/1988", "admission_date": "19/05/2012",
                   "official_date": "01/06/2013", "place": "Đảng bộ phường Tô Hiệu, tỉnh Sơn La",
                   "paper_number": "152-GGT/ĐU", "paper_date": "05/10/2026", "date": "12/10/2026"})
    assert dialog.findings is not None and not dialog.findings.errors
    assert dialog.save_button().isEnabled()
    before = recount.member_counts(data["branch"], D(2026, 10, 12))
    dialog.accept()
    person = dialog.result_
    assert people.get_person(person.id).status == Status.OFFICIAL
    assert _events(person.id) == [(K.TRANSFER_IN, "2026-10-12", data["branch"], None,
                                   "Đảng bộ phường Tô Hiệu, tỉnh Sơn La", "152-GGT/ĐU", "2026-10-05")]
    after = recount.member_counts(data["branch"], D(2026, 10, 12))
    assert (after[0], after[1]) == (before[0] + 1, before[1] + 1)
    assert person.id not in recount.members(data["branch"], D(2026, 10, 11))


def test_an_arrival_before_its_paper_is_refused_beside_the_field_and_writes_nothing(qtbot, data):
    dialog = TransferInDialog(TODAY, branch_id=data["branch"])
    qtbot.addWidget(dialog)
    _type(dialog, {"full_name": "Quàng Thị Ơn", "place": "Đảng bộ xã Búng Lao", "paper_date": "20/10/2026",
                   "date": "12/10/2026"})
    assert not dialog.save_button().isEnabled()
    assert dialog.form.fields["date"].error.text() or dialog.findings_list.count()
    count = len(people.list_people())
    dialog.accept()
    assert len(people.list_people()) == count


def test_moving_a_member_from_the_member_dialog(qtbot, data, second):
    pid = data["Lò Văn Đức"]
    member = MemberDialog(pid, TODAY)
    qtbot.addWidget(member)
    texts = [a.text() for a in member.transfer_menu.actions()]
    assert len(texts) == 3 and member.transfer_button.isVisibleTo(member)
    dialog = member.transfer_dialog(MoveDialog)
    qtbot.addWidget(dialog)
    choices = [dialog.form.fields["branch"].widget.itemData(i)
               for i in range(dialog.form.fields["branch"].widget.count())]
    assert data["branch"] not in choices and second.id in choices  # not to the branch they are in
    dialog.form.set_values({"branch": second.id, "date": D(2026, 11, 2)})
    dialog.check()
    assert dialog.save_button().isEnabled()
    dialog.accept()
    assert people.get_person(pid).branch_id == second.id
    assert _events(pid)[-1][:4] == (K.MOVE, "2026-11-02", second.id, data["branch"])
    assert pid in recount.members(data["branch"], D(2026, 11, 1))
    assert pid in recount.members(second.id, D(2026, 11, 2))
    assert pid not in recount.members(data["branch"], D(2026, 11, 2))


def test_no_transfer_out_while_under_inspection(qtbot, data):
    pid = data[OFFICIALS[0]]
    people.update_person(pid, {"under_inspection": True, "inspection_reason": "Đơn tố cáo đang giải quyết"})
    dialog = TransferOutDialog(pid, TODAY)
    qtbot.addWidget(dialog)
    _type(dialog, {"place": "Đảng bộ xã Búng Lao, tỉnh Điện Biên"})
    assert dialog.findings is not None and dialog.findings.errors
    assert not dialog.save_button().isEnabled()
    dialog.accept()
    assert people.get_person(pid).status == Status.OFFICIAL
    assert K.TRANSFER_OUT not in [e[0] for e in _events(pid)]


def test_the_record_saves_its_new_fields_and_an_award(qtbot, data):
    pid = data["Trần Thị Ánh"]
    dialog = MemberDialog(pid, TODAY)
    qtbot.addWidget(dialog)
    form = dialog.person_form.form
    form.fields["other_names"].widget.setText("Ánh Lò")
    form.fields["old_id_number"].widget.setText("040123456")
    form.fields["foreign_language"].widget.setText("Tiếng Anh B1")
    form.fields["home_town_province"].widget.setText("Điện Biên")
    form.fields["home_town_detail"].widget.setText("xã Búng Lao, huyện Mường Ảng")
    form.fields["card_issued_on"].widget.setText("03/02/2000")
    assert dialog.save() is True
    person = people.get_person(pid)
    assert (person.other_names, person.old_id_number, person.foreign_language) == ("Ánh Lò", "040123456",
                                                                                   "Tiếng Anh B1")
    assert (person.home_town_province, person.home_town_detail) == ("Điện Biên", "xã Búng Lao, huyện Mường Ảng")
    assert person.card_issued_on == D(2000, 2, 3)
    award = AwardDialog(pid, None, dialog)
    qtbot.addWidget(award)
    award.form.fields["kind"].widget.setText("Huy hiệu 30 năm tuổi Đảng")
    award.accept()
    assert recount.query("SELECT kind FROM award WHERE person_id = ?", (pid,)) == [("Huy hiệu 30 năm tuổi Đảng",)]


def test_a_bad_old_id_number_is_refused_beside_the_field(qtbot, data):
    pid = data["Trần Thị Ánh"]
    dialog = MemberDialog(pid, TODAY)
    qtbot.addWidget(dialog)
    field = dialog.person_form.form.fields["old_id_number"]
    field.widget.setText("12345")
    assert dialog.save() is False
    assert field.error.text()
    assert people.get_person(pid).old_id_number == ""


def test_temporary_activity_elsewhere_from_the_member_dialog(qtbot, data):
    pid = data["Quàng Thị Yến"]
    member = MemberDialog(pid, TODAY)
    qtbot.addWidget(member)
    dialog = member.transfer_dialog(TemporaryDialog)
    qtbot.addWidget(dialog)
    assert dialog.form.values()["kind"] == K.ELSEWHERE_FROM  # a member here can only go elsewhere
    assert not dialog.form.fields["branch"].widget.isVisibleTo(dialog)
    _type(dialog, {"date": "02/11/2026", "place": "Trường Chính trị tỉnh Điện Biên"})
    assert dialog.save_button().isEnabled()
    dialog.accept()
    assert recount.members(data["branch"], D(2026, 11, 1))[pid]["away"] is False
    assert recount.members(data["branch"], D(2026, 11, 2))[pid]["away"] is True
    assert recount.member_counts(data["branch"], D(2026, 11, 2))[4] == 1
    again = TemporaryDialog(pid, TODAY)
    qtbot.addWidget(again)
    assert again.form.values()["kind"] == K.ELSEWHERE_UNTIL  # back, next
