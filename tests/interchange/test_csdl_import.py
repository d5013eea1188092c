"""The central member database's data-entry workbook, as another program writes it, read into the records: every
column kept, the two-row header never read as data, each grouped address whole, a known person updated after the
plan lists the changes, bad rows refused with a message each and nothing written on a dry run."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.interchange import csdl_workbook, xlsx_import
from desktop_app.services.interchange import csdl_import
from desktop_app.services.people import people
from desktop_app.store.models import Person
from tests import recount
from tests.interchange import csdl_peer

D = dt.date
UID = "3f1c2a7e-8b5d-4c21-9e0a-5d7b1c9f2e11"
XUAN = {
    "uid": UID, "full_name": "Hoàng Thị Xuân", "other_names": "Xuân Hoàng", "gender": "Nữ", "birth_date": "08/03/1985",
    "birth_place_country": "Việt Nam", "birth_place_province": "Điện Biên", "birth_place_detail": "xã Ẳng Nưa",
    "home_town_country": "Việt Nam", "home_town_province": "Thái Bình", "home_town_detail": "xã Vũ Hội, huyện Vũ Thư",
    "ethnicity": "Thái", "religion": "Phật giáo", "cccd": "011185000777", "card_number": "012345678901",
    "card_issued_place": "Huyện ủy Mường Ảng", "card_issued_on": "02/09/2011", "card_number_qd85": "01.234.567",
    "branch": "Chi bộ bản Co Muông", "admission_date": "01/06/2010", "official_date": "20/06/2011",
    "old_id_number": "040185777", "residence_country": "Việt Nam", "residence_province": "Điện Biên",
    "residence_detail": "bản Co Muông, xã Mường Ảng", "status": "Đang sinh hoạt", "delete_proposed": "Không",
}
PAO = {
    "full_name": "Vừ A Páo", "gender": "Nam", "birth_date": "02/09/1996", "birth_place_country": "Lào",
    "birth_place_province": "", "birth_place_detail": "Bản Huổi Hốc, tỉnh Phông-xa-lỳ",
    "home_town_country": "Việt Nam", "home_town_province": "Hà Giang", "home_town_detail": "xã Lũng Cú",
    "ethnicity": "Mông", "religion": "Không", "cccd": "002096001234", "branch": "CB02",
    "admission_date": "15/03/2026", "residence_country": "Việt Nam", "residence_province": "Điện Biên",
    "residence_detail": "bản Nà Sản", "status": "Đang sinh hoạt", "delete_proposed": "Không",
}
STORED = {  # field: (Xuân's value, Páo's value), as the record keeps them
    "uid": (UID, None), "full_name": ("Hoàng Thị Xuân", "Vừ A Páo"), "other_names": ("Xuân Hoàng", ""),
    "gender": ("female", "male"), "birth_date": (D(1985, 3, 8), D(1996, 9, 2)),
    "birth_place_country": ("Việt Nam", "Lào"), "birth_place_province": ("Điện Biên", ""),
    "birth_place_detail": ("xã Ẳng Nưa", "Bản Huổi Hốc, tỉnh Phông-xa-lỳ"),
    "home_town_country": ("Việt Nam", "Việt Nam"), "home_town_province": ("Thái Bình", "Hà Giang"),
    "home_town_detail": ("xã Vũ Hội, huyện Vũ Thư", "xã Lũng Cú"), "ethnicity": ("Thái", "Mông"),
    "religion": ("Phật giáo", "Không"), "cccd": ("011185000777", "002096001234"),
    "card_number": ("012345678901", None), "card_issued_place": ("Huyện ủy Mường Ảng", ""),
    "card_issued_on": (D(2011, 9, 2), None), "card_number_qd85": ("01.234.567", ""),
    "admission_date": (D(2010, 6, 1), D(2026, 3, 15)), "official_date": (D(2011, 6, 20), None),
    "old_id_number": ("040185777", ""), "residence_country": ("Việt Nam", "Việt Nam"),
    "residence_province": ("Điện Biên", "Điện Biên"), "residence_detail": ("bản Co Muông, xã Mường Ảng", "bản Nà Sản"),
    "status": ("official", "probationary"),
}


def _import(path, *, dry_run=False):
    data = csdl_workbook.read(path)
    plan = csdl_import.plan_rows(csdl_workbook.rows(data))
    if not dry_run:
        csdl_import.apply(plan, source=path.name)
    return data, plan


def test_every_column_of_a_peer_workbook_arrives(tmp_path, branches):
    path = csdl_peer.write(tmp_path / "peer.xlsx", [XUAN, PAO])
    data, plan = _import(path)
    assert data.header_row == 7  # both header rows: row 7 is no member
    assert [r.number for r in plan.rows] == [8, 9]
    assert [(r.action, r.errors) for r in plan.rows] == [("new", []), ("new", [])]
    assert csdl_workbook.unread_headers(data) == []  # every column recognised
    xuan = Person.get(Person.cccd == "011185000777")
    pao = Person.get(Person.cccd == "002096001234")
    for field, (first, second) in STORED.items():
        assert getattr(xuan, field) == first, field
        if second is not None:
            assert getattr(pao, field) == second, field
    assert xuan.branch_id == branches[0].id and pao.branch_id == branches[1].id
    # Each address whole, and its line composed from the parts without loss.
    assert xuan.home_town == "xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình"
    assert pao.birth_place.startswith("Bản Huổi Hốc, tỉnh Phông-xa-lỳ") and "Lào" in pao.birth_place
    # Two people, each once, written on both engines alike (read back with SQL of the test's own).
    assert recount.query("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL") == [(2,)]


def test_the_member_import_reads_the_two_row_header_too(tmp_path, branches):
    path = csdl_peer.write(tmp_path / "peer.xlsx", [XUAN, PAO])
    data, plan = xlsx_import.import_workbook("members", path)
    assert data.header_row == 7
    assert [r.number for r in plan.refused] == []  # row 7 is no member, and neither row is refused
    plan.close()
    for person, row in ((Person.get(Person.cccd == "011185000777"), XUAN), (Person.get(Person.cccd == "002096001234"),
                                                                            PAO)):
        for key in ("birth_place_country", "birth_place_province", "birth_place_detail", "home_town_country",
                    "home_town_province", "home_town_detail", "residence_country", "residence_province",
                    "residence_detail", "card_number_qd85", "old_id_number", "other_names"):
            assert getattr(person, key) == (row.get(key) or ""), key
    assert Person.get(Person.cccd == "011185000777").status == "official"
    assert Person.get(Person.cccd == "002096001234").status == "probationary"


def test_a_known_person_is_updated_after_the_plan_lists_the_changes(tmp_path, branches):
    _import(csdl_peer.write(tmp_path / "first.xlsx", [XUAN]))
    changed = dict(XUAN, uid="", other_names="Xuân", residence_detail="bản Nà Sản, xã Mường Ảng",
                   branch="CB02")
    data, plan = _import(csdl_peer.write(tmp_path / "second.xlsx", [changed]), dry_run=True)
    (row,) = plan.rows
    assert row.action == "update"
    labels = {label: (before, after) for label, before, after in row.changes}
    assert labels[people.field_labels()["other_names"]] == ("Xuân Hoàng", "Xuân")
    assert ("bản Co Muông, xã Mường Ảng", "bản Nà Sản, xã Mường Ảng") in labels.values()
    assert ("Chi bộ bản Co Muông", "Chi bộ thôn Nà Sản") in labels.values()
    assert Person.get(Person.cccd == "011185000777").other_names == "Xuân Hoàng"  # the plan wrote nothing
    csdl_import.apply(plan)
    xuan = Person.get(Person.cccd == "011185000777")
    assert (xuan.other_names, xuan.residence_detail, xuan.branch_id) == ("Xuân", "bản Nà Sản, xã Mường Ảng",
                                                                         branches[1].id)
    assert recount.query("SELECT COUNT(*) FROM person") == [(1,)]
    # The same workbook again: nothing left to change.
    _data, again = _import(tmp_path / "second.xlsx", dry_run=True)
    assert [r.action for r in again.rows] == ["same"]


def test_a_status_or_day_the_import_does_not_change_is_said(tmp_path, branches):
    _import(csdl_peer.write(tmp_path / "first.xlsx", [XUAN]))
    _data, plan = _import(csdl_peer.write(tmp_path / "second.xlsx", [dict(XUAN, status="Từ trần",
                                                                           left_on="01/10/2026")]), dry_run=True)
    (row,) = plan.rows
    assert row.action == "same" and not row.errors
    assert any("Từ trần" in n for n in row.notes) and any("01/10/2026" in n for n in row.notes)


@pytest.mark.parametrize(("cells", "words"), [
    ({"branch": "Chi bộ không có"}, "Chi bộ không có"),
    ({"cccd": "01118500077"}, "12"),
    ({"birth_date": "31/02/1985"}, "31/02/1985"),
    ({"card_number": 12345678901}, "Text"),
    ({"status": "Đi vắng"}, "Đi vắng"),
    ({"delete_proposed": "Có"}, "Đang sinh hoạt"),
    ({"uid": "not-a-uuid"}, "UUID"),
])
def test_bad_rows_are_refused_with_a_message_and_a_dry_run_writes_nothing(tmp_path, branches, cells, words):
    from desktop_app.i18n import set_language

    set_language("en")
    before = recount.query("SELECT COUNT(*) FROM auditentry")
    path = csdl_peer.write(tmp_path / "bad.xlsx", [dict(XUAN, **cells), PAO])
    _data, plan = _import(path, dry_run=True)
    first, second = plan.rows
    assert first.action == "refused" and any(words in e for e in first.errors), first.errors
    assert second.action == "new"
    assert recount.query("SELECT COUNT(*) FROM person") == [(0,)]
    assert recount.query("SELECT COUNT(*) FROM auditentry") == before


def test_the_same_person_twice_in_the_file_is_refused_the_second_time(tmp_path, branches):
    _data, plan = _import(csdl_peer.write(tmp_path / "twice.xlsx", [PAO, dict(PAO, full_name="Vừ A Pao")]),
                          dry_run=True)
    assert [r.action for r in plan.rows] == ["new", "refused"]
    assert "8" in plan.rows[1].errors[0]


@pytest.mark.file_only
def test_command_line_dry_run_lists_each_bad_row(tmp_path, branches, capsys):
    from desktop_app.cli import main
    from desktop_app.store import db as store_db

    path = csdl_peer.write(tmp_path / "bad.xlsx", [dict(XUAN, cccd="01118500077"), dict(PAO, branch="CB99")])
    db_file = store_db.database.database
    store_db.close()
    code = main(["--lang", "vi", "import", "csdl", str(path), "--db", str(db_file), "--dry-run"])
    text = capsys.readouterr().out
    assert code == 1
    assert "Dòng 8" in text and "Dòng 9" in text and "CB99" in text and "Chạy thử" in text


def test_a_known_person_on_two_rows_is_updated_once(tmp_path, branches):
    _import(csdl_peer.write(tmp_path / "first.xlsx", [XUAN]))
    twice = [dict(XUAN, cccd="", other_names="Một"), dict(XUAN, uid="", other_names="Hai")]
    _data, plan = _import(csdl_peer.write(tmp_path / "twice.xlsx", twice), dry_run=True)
    assert [r.action for r in plan.rows] == ["update", "refused"]
    assert "8" in plan.rows[1].errors[0] and "Hoàng Thị Xuân" in plan.rows[1].errors[0]
