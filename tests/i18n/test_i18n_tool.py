"""The catalog tool: merging new msgids, filling English, keeping translations of msgids that come back."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog

from tools import i18n_catalogs as cat


@pytest.fixture
def tmp_catalogs(tmp_path, monkeypatch):
    monkeypatch.setattr(cat, "I18N", tmp_path)
    monkeypatch.setattr(cat, "TEMPLATE", tmp_path / "messages.pot")
    return tmp_path


def template(*msgids: str, context: str | None = None) -> Catalog:
    result = Catalog(fuzzy=False)
    for msgid in msgids:
        result.add(msgid, None, context=context)
    return result


def strings(lang: str) -> dict:
    return {cat.key_of(m): m.string for m in cat.read_catalog(cat.po_path(lang), lang) if m.id}


def test_new_msgids_arrive_empty_in_vietnamese_and_filled_in_english(tmp_catalogs):
    report = cat.update(template("Official member", "Struck off"))
    assert report["vi"] == {"total": 2, "missing": 2, "filled": 0}
    assert report["en"]["missing"] == 0
    assert strings("en")[(None, "Struck off")] == "Struck off"
    assert strings("vi")[(None, "Struck off")] == ""


def test_a_vietnamese_msgid_is_not_copied_into_english(tmp_catalogs):
    cat.update(template("About Sổ Chi bộ"))
    assert strings("en")[(None, "About Sổ Chi bộ")] == ""


def test_translations_survive_and_a_returning_msgid_gets_its_own_language_back(tmp_catalogs):
    cat.update(template("Official member", "Struck off"))
    assert cat.apply_translations("vi", {(None, "Struck off"): "Xóa tên", (None, "Official member"):
                                         "Đảng viên chính thức"}) == 2
    cat.update(template("Official member"))  # "Struck off" leaves the code for a while …
    assert (None, "Struck off") not in strings("vi")
    cat.update(template("Official member", "Struck off"))  # … and comes back
    assert strings("vi")[(None, "Struck off")] == "Xóa tên"
    assert strings("en")[(None, "Struck off")] == "Struck off"
    assert strings("vi")[(None, "Official member")] == "Đảng viên chính thức"


def test_apply_keeps_existing_translations_unless_told(tmp_catalogs):
    cat.update(template("Struck off"))
    cat.apply_translations("vi", {(None, "Struck off"): "Xóa tên"})
    assert cat.apply_translations("vi", {(None, "Struck off"): "Khác"}) == 0
    assert cat.apply_translations("vi", {(None, "Struck off"): "Bị xóa tên"}, overwrite=True) == 1
    assert strings("vi")[(None, "Struck off")] == "Bị xóa tên"


def test_contexts_are_kept_apart(tmp_catalogs):
    both = template("No.")
    both.add("No.", None, context="document table")
    cat.update(both)
    cat.apply_translations("vi", {(None, "No."): "Số", ("document table", "No."): "TT"})
    assert strings("vi") == {(None, "No."): "Số", ("document table", "No."): "TT"}


def test_check_reports_nothing_for_the_committed_catalogs():
    assert cat.check() == []
