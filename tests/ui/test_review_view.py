"""The data review view and the central database workbook's import preview: the members with errors and what to
correct, the rows of a workbook with what would happen to each, nothing written before Import."""

from __future__ import annotations

import datetime as dt
import os

from desktop_app.services.people import people
from desktop_app.store.models import Person
from desktop_app.ui.views.review_view import ReviewView
from tests import recount

D = dt.date


def _two(branch_id):
    people.create_person({"full_name": "Lò Văn Minh", "gender": "male", "birth_date": D(1990, 5, 10),
                          "cccd": "011190000123", "status": "official", "admission_date": D(2008, 5, 9),
                          "ceremony_date": D(2008, 6, 1), "official_date": D(2009, 6, 1), "branch": branch_id})
    people.create_person({"full_name": "Vừ A Páo", "gender": "male", "birth_date": D(1996, 9, 2),
                          "cccd": "002096001234", "status": "probationary", "admission_date": D(2026, 3, 15),
                          "ceremony_date": D(2026, 4, 1), "branch": branch_id, "ethnicity": "Mông"})


def test_the_view_lists_the_members_to_correct(org, show_view, tmp_path):
    _two(org[1].id)
    view = show_view(ReviewView)
    view.refresh()
    rows = view.model.rows
    assert [r.full_name for r in rows] == ["Lò Văn Minh"]
    assert rows[0].count == 2 and "18" in rows[0].details
    view.table.selectRow(0)
    assert view.details.text().startswith("Lò Văn Minh\n1. ") and "\n2. " in view.details.text()
    view.only_problems.setChecked(False)
    assert {r.full_name for r in view.model.rows} == {"Lò Văn Minh", "Vừ A Páo"}
    if os.environ.get("SOCHIBO_SHOTS"):
        view.resize(1100, 420)
        view.grab().save(os.path.join(os.environ["SOCHIBO_SHOTS"], "review_view.png"))


def test_the_preview_lists_each_row_and_writes_nothing(org, qtbot, tmp_path):
    from desktop_app.interchange import csdl_workbook
    from desktop_app.ui.dialogs.csdl_import_dialog import CsdlPreview
    from tests.interchange import csdl_peer
    from tests.interchange.test_csdl_import import PAO, XUAN

    _two(org[1].id)
    path = csdl_peer.write(tmp_path / "peer.xlsx", [dict(XUAN, branch="CB01"), dict(PAO, branch="CB01",
                                                                                    ethnicity="Thái"),
                                                    dict(XUAN, full_name="Ai Đó", cccd="0123", uid="")])
    _data, plan = csdl_workbook.plan_file(path)
    dialog = CsdlPreview(path, plan)
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    assert [r.number for r in rows] == [8, 9, 10]
    assert "“Mông” → “Thái”" in rows[1].details
    assert "12" in rows[2].details
    assert dialog.import_button.isEnabled()
    assert recount.query("SELECT ethnicity FROM person WHERE cccd = ?", ("002096001234",)) == [("Mông",)]
    dialog.table.selectRow(1)
    assert dialog.details.text().startswith("Row 9 (Vừ A Páo)\n") or dialog.details.text().startswith("Dòng 9")
    if os.environ.get("SOCHIBO_SHOTS"):
        dialog.show()
        dialog.grab().save(os.path.join(os.environ["SOCHIBO_SHOTS"], "csdl_preview.png"))
    assert Person.select().count() == 2
