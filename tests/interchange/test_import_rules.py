"""Importing people from crafted workbooks: every row rule, and the one-transaction write.

The rules are the app's person rules (services.people.validate_person) plus those of the file:
CCCD is the 12-digit citizen ID of Luật Căn cước 2023 (Điều 12), kept as text with its leading zeros.
"""

import datetime as dt
import unicodedata

import pytest
from xlsx_helpers import HEADERS_VI, Text, counts, make_workbook, member_row

from desktop_app.core import clock
from desktop_app.core.enums import Stage, Status
from desktop_app.interchange import xlsx_import
from desktop_app.services.common import audit
from desktop_app.services.interchange import importing
from desktop_app.services.people import search
from desktop_app.store.models import AuditEntry, Person, StageEvent


def _import(tmp_path, rows, *, kind="members", headers=HEADERS_VI, dry_run=False, **kw):
    path = make_workbook(tmp_path / "in.xlsx", headers, rows)
    return xlsx_import.import_workbook(kind, path, dry_run=dry_run, **kw)[1]


def _problems(plan) -> dict[int, str]:
    return {r.number: " | ".join(r.errors) for r in plan.refused}


def test_good_rows_import_with_history_search_index_and_audit(tmp_path, branches):
    before = counts()
    plan = _import(tmp_path, [member_row("Nguyễn Văn Đức", Text("001080000123"), card=Text("01234567")),
                              member_row("Lò Thị Ánh", None, gender="Nữ", branch="Chi bộ thôn Nà Sản",
                                         status="Dự bị", admitted="01/03/2025", official=None)])
    assert plan.imported == 2 and not plan.refused
    duc = Person.get(Person.cccd == "001080000123")
    assert duc.status == Status.OFFICIAL and duc.card_number == "01234567" and duc.branch.code == "CB01"
    assert duc.admission_date == dt.date(2005, 2, 3) and duc.official_date == dt.date(2006, 2, 3)
    assert duc.categories == "farmer" and duc.gender == "male" and duc.name_fold == "nguyen van duc"
    assert [(e.stage, e.date) for e in StageEvent.select().where(StageEvent.person == duc).order_by(StageEvent.date)] \
        == [(Stage.ADMISSION_DECISION, dt.date(2005, 2, 3)), (Stage.RECOGNITION_DECISION, dt.date(2006, 2, 3))]
    anh = Person.get(Person.full_name == "Lò Thị Ánh")
    assert anh.status == Status.PROBATIONARY and anh.branch.code == "CB02" and anh.gender == "female"
    # One audit entry a person and one for the import, chained.
    assert counts()[2] == before[2] + 3
    assert AuditEntry.select().where(AuditEntry.action == "import").count() == 1
    assert audit.verify_chain() == []
    assert [h.title for h in search.search_people("duc")] == ["Nguyễn Văn Đức"]
    assert [h.title for h in search.search_people("001080000123")] == ["Nguyễn Văn Đức"]


def test_dry_run_writes_nothing(tmp_path, branches):
    before = counts()
    plan = _import(tmp_path, [member_row("Nguyễn Văn A", Text("001080000123")), member_row("", None)], dry_run=True)
    assert len(plan.accepted) == 1 and len(plan.refused) == 1 and plan.imported == 0
    assert counts() == before


def test_nfd_names_and_text_are_stored_nfc(tmp_path, branches):
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị Hường ")
    plan = _import(tmp_path, [member_row(nfd, gender=unicodedata.normalize("NFD", "Nữ"),
                                         status=unicodedata.normalize("NFD", "Đảng viên chính thức"),
                                         categories=unicodedata.normalize("NFD", "Cán bộ, công chức, viên chức"))])
    assert plan.imported == 1, _problems(plan)
    person = Person.get()
    assert person.full_name == "Nguyễn Thị Hường" and unicodedata.is_normalized("NFC", person.full_name)
    assert person.gender == "female" and person.categories == "civil_servant"


def test_cccd_keeps_its_leading_zeros_and_a_number_that_lost_them_is_refused(tmp_path, branches):
    plan = _import(tmp_path, [member_row("Text Cell", Text("001080000123"), birth=dt.date(1980, 1, 1)),
                              member_row("Number Cell", 1070000123, birth=dt.date(1981, 1, 1)),
                              member_row("Spaced", Text("002 080 000 124"), birth=dt.date(1982, 1, 1)),
                              member_row("Too Short", Text("12345"), birth=dt.date(1983, 1, 1))])
    assert Person.get(Person.full_name == "Text Cell").cccd == "001080000123"
    assert Person.get(Person.full_name == "Spaced").cccd == "002080000124"
    problems = _problems(plan)
    assert set(problems) == {3, 5}
    assert "1070000123" in problems[3] and "Text" in problems[3]  # says why and what to do
    assert "12" in problems[5]


def test_dates_as_date_cells_or_dd_mm_yyyy_text_and_impossible_dates_refused(tmp_path, branches):
    plan = _import(tmp_path, [member_row("Real Date", birth=dt.datetime(1990, 2, 28)),
                              member_row("Text Date", birth="5/9/1991"),
                              member_row("Impossible", birth="31/02/1990"),
                              member_row("Two Digit Year", birth="01/02/90"),
                              member_row("Bare Number", birth=1990),
                              member_row("Future", birth=clock.today() + dt.timedelta(days=30))])
    assert Person.get(Person.full_name == "Real Date").birth_date == dt.date(1990, 2, 28)
    assert Person.get(Person.full_name == "Text Date").birth_date == dt.date(1991, 9, 5)
    problems = _problems(plan)
    assert set(problems) == {4, 5, 6, 7}
    assert "31/02/1990" in problems[4]


def test_empty_name_is_refused(tmp_path, branches):
    plan = _import(tmp_path, [member_row("   "), member_row(None, Text("001080000123"))])
    assert plan.imported == 0 and set(_problems(plan)) == {2, 3}


def test_cccd_twice_in_the_file_imports_the_first_row_only(tmp_path, branches):
    plan = _import(tmp_path, [member_row("Nguyễn Văn A", Text("001080000123")),
                              member_row("Nguyễn Văn B", Text("001080000123"), birth=dt.date(1970, 1, 1))])
    assert plan.imported == 1 and Person.get().full_name == "Nguyễn Văn A"
    assert "2" in _problems(plan)[3]  # names the row it repeats


def test_cccd_of_someone_in_the_database_is_refused(tmp_path, branches):
    from desktop_app.services.people import people

    people.create_person({"full_name": "Trần Văn Cũ", "cccd": "001080000123", "branch": branches[0].id})
    before = counts()
    plan = _import(tmp_path, [member_row("Trần Văn Mới", Text("001080000123"))])
    assert plan.imported == 0 and "Trần Văn Cũ" in _problems(plan)[2]
    assert counts() == before


def test_same_name_and_birth_date_without_cccd_is_taken_for_the_same_person(tmp_path, branches):
    first = _import(tmp_path, [member_row("Nguyễn Văn A")])
    assert first.imported == 1
    again = _import(tmp_path, [member_row("Nguyen Van A".replace("Nguyen", "Nguyễn"))])
    assert again.imported == 0 and again.refused


@pytest.mark.parametrize("column, value", [(10, "Thợ săn rồng"), (6, "Hoàng đế"), (2, "Không rõ"),
                                           (5, "CB99"), (6, "Cảm tình Đảng")])
def test_unknown_category_status_gender_branch_and_wrong_kind_are_reported(tmp_path, branches, column, value):
    row = member_row("Nguyễn Văn A")
    row[column] = value
    plan = _import(tmp_path, [row])
    assert plan.imported == 0
    assert value in _problems(plan)[2]


def test_category_codes_and_several_labels(tmp_path, branches):
    plan = _import(tmp_path, [member_row("A", categories="Cán bộ, công chức, viên chức; Quân nhân xuất ngũ"),
                              member_row("B", categories="worker, retired", birth=dt.date(1970, 1, 1))])
    assert plan.imported == 2, _problems(plan)
    assert Person.get(Person.full_name == "A").categories == "civil_servant,veteran"
    assert Person.get(Person.full_name == "B").categories == "worker,retired"


def test_english_headers_and_labels(tmp_path, branches):
    headers = ["No.", "Full name", "Gender", "Date of birth", "Citizen ID", "Branch code", "Status",
               "Admission date", "Official date", "Party card number", "Categories"]
    plan = _import(tmp_path, [[1, "Lê Văn C", "Male", "07/08/1975", Text("001075000001"), "cb02",
                               "Probationary member", "01/02/2025", None, None, "Farmer"]], headers=headers)
    assert plan.imported == 1, _problems(plan)
    person = Person.get()
    assert person.status == Status.PROBATIONARY and person.branch.code == "CB02" and person.categories == "farmer"


def test_accent_free_headers_title_rows_and_candidates(tmp_path, branches):
    headers = ["TT", "Ho va ten", "Gioi tinh", "Ngay sinh", "Can cuoc cong dan", "Trang thai"]
    path = make_workbook(tmp_path / "c.xlsx", headers, [[1, "Phạm Thị D", "Nu", "01/01/2000", Text("001300000001"),
                                                         "Cam tinh Dang"],
                                                        [2, "Vừ A Dính", "nam", "02/02/2001", None, None]],
                         title_rows=[["DANH SÁCH QUẦN CHÚNG ƯU TÚ"], []])
    data, plan = xlsx_import.import_workbook("candidates", path, default_branch_id=branches[0].id)
    assert data.header_row == 3 and plan.imported == 2, _problems(plan)
    assert Person.get(Person.full_name == "Phạm Thị D").status == Status.SYMPATHISER
    dinh = Person.get(Person.full_name == "Vừ A Dính")
    assert dinh.status == Status.PROSPECT and dinh.branch.code == "CB01"
    assert [e.stage for e in dinh.stage_events] == [Stage.SOURCE]


def test_rows_without_a_branch_need_one_when_there_are_several(tmp_path, branches):
    headers = ["Họ và tên", "Giới tính"]
    plan = _import(tmp_path, [["Nguyễn Văn E", "Nam"]], headers=headers)
    assert plan.imported == 0 and plan.refused
    plan = _import(tmp_path, [["Nguyễn Văn E", "Nam"]], headers=headers, default_branch_id=branches[1].id)
    assert plan.imported == 1 and Person.get().branch_id == branches[1].id


def test_status_left_empty(tmp_path, branches):
    recent = clock.today() - dt.timedelta(days=100)
    headers = ["Họ và tên", "Giới tính", "Chi bộ", "Ngày lễ kết nạp", "Ngày chính thức"]
    plan = _import(tmp_path, [["Old Member", "Nam", "CB01", dt.date(2000, 1, 1), None],
                              ["New Member", "Nữ", "CB01", recent, None]], headers=headers)
    assert plan.imported == 2
    assert Person.get(Person.full_name == "Old Member").status == Status.OFFICIAL
    assert Person.get(Person.full_name == "New Member").status == Status.PROBATIONARY


def test_failure_mid_import_rolls_everything_back(tmp_path, branches, monkeypatch):
    rows = [member_row(f"Người Số {i}", Text(f"{i:012d}"), birth=dt.date(1950, 1, 1) + dt.timedelta(days=i))
            for i in range(1000)]
    path = make_workbook(tmp_path / "big.xlsx", HEADERS_VI, rows)
    calls = []
    real_insert = importing._insert

    def failing(model, fields, batch):
        calls.append(model)
        if calls.count(Person) == 2:  # the second chunk of people, after the first was written
            raise RuntimeError("disk unplugged")
        real_insert(model, fields, batch)

    monkeypatch.setattr(importing, "_insert", failing)
    before = counts()
    with pytest.raises(RuntimeError):
        xlsx_import.import_workbook("members", path)
    assert calls.count(Person) == 2
    assert counts() == before
    assert audit.verify_chain() == []


def test_numbered_empty_rows_are_skipped(tmp_path, branches):
    rows = [member_row("Nguyễn Văn A")] + [[n, None, None, None, None, None, None, None, None, None, None]
                                           for n in range(2, 40)]
    plan = _import(tmp_path, rows)
    assert plan.imported == 1 and not plan.refused


def test_people_who_left_cannot_be_imported(tmp_path, branches):
    plan = _import(tmp_path, [member_row("Nguyễn Văn A", status="Đã chuyển sinh hoạt đi")])
    assert plan.imported == 0 and "import it with" not in _problems(plan)[2]


def test_the_member_records_new_fields_are_read(tmp_path, branches):
    """The member form's and the central database's fields: other names, the old ID number (kept as text, one that
    lost its leading zero refused), levels, the card's issue and QĐ 85 number, an address as one line (split) or
    in parts, the residence branch in words."""
    headers = HEADERS_VI + ["Tên gọi khác", "Số CMND cũ", "Ngoại ngữ", "Tin học", "Ngày cấp thẻ đảng",
                            "Nơi cấp thẻ đảng", "Số thẻ đảng theo Quyết định 85", "Quê quán",
                            "Nơi thường trú: tỉnh, thành phố", "Nơi thường trú: xã, phường, thôn, xóm",
                            "Chi bộ nơi cư trú"]
    extra = ["Đức Nguyễn", Text("040180123"), "Tiếng Anh B1", "Tin học cơ bản", dt.date(2007, 5, 19),
             "Huyện ủy Mường Ảng", Text("01.234.567"), "xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình", "Điện Biên",
             "Tổ dân phố 4, xã Mường Ảng", "Chi bộ thôn Đông"]
    lost_zero = ["", 40180124, "", "", None, "", "", "", "", "", ""]
    plan = _import(tmp_path, [member_row("Nguyễn Văn Đức", Text("001080000123")) + extra,
                              member_row("Lò Văn Pấng", Text("001080000124")) + lost_zero], headers=headers)
    assert plan.imported == 1 and ["40180124" in text for text in _problems(plan).values()] == [True]
    duc = Person.get(Person.cccd == "001080000123")
    assert (duc.other_names, duc.old_id_number, duc.foreign_language, duc.it_level) == (
        "Đức Nguyễn", "040180123", "Tiếng Anh B1", "Tin học cơ bản")
    assert (duc.card_issued_on, duc.card_issued_place, duc.card_number_qd85) == (
        dt.date(2007, 5, 19), "Huyện ủy Mường Ảng", "01.234.567")
    assert (duc.home_town_country, duc.home_town_province, duc.home_town_detail) == (
        "Việt Nam", "Thái Bình", "xã Vũ Hội, huyện Vũ Thư")
    assert duc.residence == "Tổ dân phố 4, xã Mường Ảng, tỉnh Điện Biên" and duc.residence_province == "Điện Biên"
    assert duc.residence_contact == "Chi bộ thôn Đông"
