"""Helpers and introducers: assignments with the eligibility rules shown, ending them, each member's load."""

from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import TODAY

from desktop_app.core.enums import SponsorRole
from desktop_app.services.people import sponsorships
from desktop_app.ui.dialogs.sponsor_assign import SponsorAssignDialog
from desktop_app.ui.dialogs.sponsor_end import EndAssignmentDialog
from desktop_app.ui.views.sponsors_view import SponsorsView


@pytest.fixture
def view(show_view, data):
    return show_view(SponsorsView)


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_lists_current_assignments_and_loads(view, data):
    assert view.model.rowCount() == 1
    row = view.model.row_at(0)
    assert (row.sponsor_name, row.person_name) == ("Nguyễn Văn Bình", "Vũ Đình Khánh")
    loads = {r[1]: r[2] for r in view.load_model.rows}
    assert loads["Nguyễn Văn Bình"] == 1 and loads["Trần Thị Ánh"] == 0


def test_introducer_needs_twelve_months_together(qtbot, data):
    # Party Charter, Article 4.2; Regulation 294-QĐ/TW, point 3.2.1.
    dialog = SponsorAssignDialog(TODAY, branch_id=data["branch"], person_id=data["applicant"])
    qtbot.addWidget(dialog)
    assert dialog.role_combo.currentData() == SponsorRole.INTRODUCER  # suggested for an applicant
    choose(dialog.sponsor_combo, data["Trần Thị Ánh"])
    dialog.check()
    assert not dialog.save_button().isEnabled()  # no "together since" yet
    dialog.together.setText("01/06/2026")
    dialog.check()
    assert not dialog.save_button().isEnabled()  # only five months
    assert any(n.is_error for n in dialog.notes())
    dialog.together.setText("01/06/2024")
    dialog.check()
    assert dialog.save_button().isEnabled()
    dialog.accept()
    rows = sponsorships.for_person(data["applicant"], current_only=True)
    assert [(r.sponsor_name, r.role, r.together_since) for r in rows] == [
        ("Trần Thị Ánh", SponsorRole.INTRODUCER, dt.date(2024, 6, 1))]


def test_service_refusal_shows_beside_the_field(qtbot, monkeypatch, data):
    # The same open assignment twice is refused by the service; nothing is written.
    dialog = SponsorAssignDialog(TODAY, branch_id=data["branch"], person_id=data["sympathiser"])
    qtbot.addWidget(dialog)
    choose(dialog.role_combo, SponsorRole.HELPER)
    choose(dialog.sponsor_combo, data["Nguyễn Văn Bình"])
    dialog.check()
    dialog.accept()
    assert dialog.form.fields["sponsor"].error.text()
    assert len(sponsorships.for_person(data["sympathiser"])) == 1


def test_ending_an_assignment(qtbot, data):
    row = sponsorships.for_person(data["sympathiser"])[0]
    dialog = EndAssignmentDialog(row, TODAY)
    qtbot.addWidget(dialog)
    dialog.form.fields["end_reason"].widget.setText("Đã được kết nạp")
    dialog.accept()
    ended = sponsorships.for_person(data["sympathiser"])[0]
    assert ended.end == TODAY and ended.end_reason == "Đã được kết nạp"


def test_choosing_a_member_shows_their_history(view, data):
    view.load_table.select_where(lambda r: r[0] == data["Nguyễn Văn Bình"])
    assert view.sponsor_filter == data["Nguyễn Văn Bình"]
    assert view.show_ended.isChecked()
    assert view.model.rowCount() == 1
    view._clear_member()
    assert view.sponsor_filter is None
