"""Recognising headers and values as secretaries type them: any accents (or none), NFD, notes in brackets."""

import datetime as dt
import unicodedata

import pytest

from desktop_app.interchange.columns import guess_mapping, header_key
from desktop_app.services.interchange import value_labels
from desktop_app.services.interchange.import_rows import convert, person_labels


def test_header_key_ignores_accents_case_notes_and_punctuation():
    assert header_key("Họ và tên (*):") == "ho va ten"
    assert header_key(unicodedata.normalize("NFD", "SỐ CCCD [12 số]")) == "so cccd"
    assert header_key(None) == ""


def test_guess_mapping_vietnamese_english_and_aliases():
    headers = ["TT", "Họ tên", "Sinh ngày", "Căn cước", "Giới tính", "Đơn vị công tác", "Citizen ID", "???"]
    mapping = guess_mapping(headers)
    assert mapping == {0: "_number", 1: "full_name", 2: "birth_date", 3: "cccd", 4: "gender", 5: "workplace"}
    # the second CCCD column is left for the user to decide
    assert guess_mapping(["Full name", "Date of birth", "Status"]) == {0: "full_name", 1: "birth_date", 2: "status"}


def test_whole_names_only():
    assert guess_mapping(["Ngày sinh hoạt đảng", "Tên"]) == {}


@pytest.mark.parametrize("text, code", [
    ("Đảng viên chính thức", "official"), ("chinh thuc", "official"), ("ĐẢNG VIÊN DỰ BỊ", "probationary"),
    (unicodedata.normalize("NFD", "Cảm tình Đảng"), "sympathiser"), ("Official member", "official"),
    ("prospect", "prospect"), ("Miễn sinh hoạt", "exempt"), ("Robot", None),
])
def test_status_labels(text, code):
    assert value_labels.code_for("status", text) == code


def test_gender_theory_and_flags():
    assert value_labels.code_for("gender", "nữ") == "female" and value_labels.code_for("gender", "M") == "male"
    assert value_labels.code_for("theory_level", "Trung cấp lý luận chính trị") == "intermediate"
    assert value_labels.code_for("theory_level", "Cao cấp LLCT") == "advanced"
    assert [value_labels.flag_for(v) for v in ("Có", "x", 1, "", None, "Không", "maybe")] == \
        [True, True, True, False, False, False, None]


def test_categories_with_commas_inside_labels():
    assert value_labels.categories_for("Cán bộ, công chức, viên chức, Hưu trí") == (["civil_servant", "retired"], [])
    assert value_labels.categories_for("Nông dân; Phi hành gia") == (["farmer"], ["Phi hành gia"])


def test_cells_excel_mangled():
    labels = person_labels()
    assert convert("phone", 912345678, labels) == ("0912345678", None)  # Excel dropped the leading 0
    assert convert("education", dt.datetime(2026, 12, 12), labels) == ("12/12", None)  # "12/12" became a date
    value, problem = convert("cccd", 1070000123.0, labels)
    assert value is None and "1070000123" in problem
    assert convert("cccd", 12345678901.0 * 10 + 1, labels) == ("123456789011", None)  # 12 digits: nothing lost
    assert convert("card_number", 123456.0, labels) == ("123456", None)
    assert convert("birth_date", dt.datetime(1990, 1, 2, 0, 0), labels) == (dt.date(1990, 1, 2), None)
