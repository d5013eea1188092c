"""core.text: NFC, accent folding (đ→d) and the Vietnamese name order."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.text import clean_name, fold, is_nfc, name_sort_key, nfc, split_name


@pytest.mark.parametrize(("text", "folded"), [
    ("Nguyễn Thị Hường", "nguyen thi huong"),
    ("Đặng Văn Đức", "dang van duc"),
    ("ĐẢNG BỘ", "dang bo"),
    ("Trần  Đình   Đạt", "tran dinh dat"),
    ("Lò Văn Pấng", "lo van pang"),
    ("", ""),
])
def test_fold_removes_tones_shapes_and_d_stroke(text, folded):
    assert fold(text) == folded


def test_fold_treats_nfd_like_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Đức Ưng")
    assert fold(nfd) == fold("Nguyễn Đức Ưng") == "nguyen duc ung"


def test_nfc_normalises_and_strips_controls():
    nfd = unicodedata.normalize("NFD", "Hồ Thị Ánh")
    assert nfc(nfd) == "Hồ Thị Ánh"
    assert is_nfc(nfc(nfd))
    assert nfc("  a\x00b\x07 ") == "ab"
    assert nfc(None) is None


def test_clean_name_collapses_spaces():
    assert clean_name("  Lê   Văn\tAn ") == "Lê Văn An"


def test_split_name():
    assert split_name("Nguyễn Thị Hồng Nhung") == ("Nguyễn", "Thị Hồng", "Nhung")
    assert split_name("Lan") == ("", "", "Lan")
    assert split_name("") == ("", "", "")


def test_names_sort_by_given_name_then_middle_then_family():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Minh Chính", "Nguyễn Văn An"]
    assert sorted(names, key=name_sort_key) == [
        "Nguyễn Thị An", "Lê Văn An", "Nguyễn Văn An", "Trần Văn Bình", "Phạm Minh Chính"]


def test_vietnamese_alphabet_order_a_breve_circumflex_and_d_stroke():
    # a < ă < â and d < đ in the Vietnamese alphabet; e.g. "Dũng" before "Đức" before "Em".
    names = ["X Y Đức", "X Y Ân", "X Y Ăn", "X Y An", "X Y Dũng", "X Y Em"]
    assert sorted(names, key=name_sort_key) == ["X Y An", "X Y Ăn", "X Y Ân", "X Y Dũng", "X Y Đức", "X Y Em"]


def test_tones_break_ties_in_dictionary_order():
    # no tone < huyền < hỏi < ngã < sắc < nặng
    names = ["A B Ma", "A B Mạ", "A B Má", "A B Mã", "A B Mả", "A B Mà"]
    assert sorted(names, key=name_sort_key) == ["A B Ma", "A B Mà", "A B Mả", "A B Mã", "A B Má", "A B Mạ"]


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạầẩẫấậằẳẵắặ ", max_size=30))
def test_folded_vietnamese_is_plain_ascii(text):
    assert fold(text).isascii()
