"""Loading catalogs at run time: compiled from the .po on first use, switchable, chosen at start-up."""

from __future__ import annotations

import shutil

import pytest

from desktop_app import i18n, paths
from desktop_app.i18n import _, ngettext, pgettext


@pytest.fixture
def fresh_clone(tmp_path, monkeypatch):
    """The i18n folder as a fresh clone has it: .po files only, no compiled catalog anywhere."""
    src = paths.i18n_dir()
    dst = tmp_path / "i18n"
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(paths, "i18n_dir", lambda: dst)
    monkeypatch.setattr(i18n, "_compiled", {})
    return dst


def test_english_then_vietnamese():
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert _("Probationary member") == "Probationary member"
    i18n.set_language("vi")
    assert i18n.current_language() == "vi"
    assert _("Probationary member") == "Đảng viên dự bị"


def test_document_context_gives_the_official_vietnamese_term():
    i18n.set_language("vi")
    assert pgettext("document", "COMMUNIST PARTY OF VIETNAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    i18n.set_language("en")
    assert pgettext("document", "COMMUNIST PARTY OF VIETNAM") == "COMMUNIST PARTY OF VIETNAM"


def test_unknown_strings_come_back_unchanged():
    i18n.set_language("vi")
    assert _("No such message in any catalog") == "No such message in any catalog"
    assert pgettext("nowhere", "OK") == "OK"


def test_english_plurals_and_a_single_vietnamese_form():
    i18n.set_language("en")
    assert ngettext("{n} day", "{n} days", 1) == "{n} day"
    assert ngettext("{n} day", "{n} days", 3) == "{n} days"


def test_unknown_language_falls_back_to_vietnamese():
    assert i18n.set_language("fr") == "vi"
    assert i18n.set_language(None) == "vi"


def test_fresh_clone_compiles_the_po_into_the_cache(fresh_clone):
    assert not list(fresh_clone.rglob("*.mo"))
    i18n.set_language("vi")
    assert _("Official member") == "Đảng viên chính thức"
    cached = list((paths.cache_dir() / "i18n").glob("vi-*.mo"))
    assert len(cached) == 1
    assert not list(fresh_clone.rglob("*.mo")), "the program folder is left untouched"


def test_an_edited_po_is_compiled_again(fresh_clone):
    i18n.set_language("vi")
    first = list((paths.cache_dir() / "i18n").glob("vi-*.mo"))
    po = fresh_clone / "vi" / "LC_MESSAGES" / "desktop_app.po"
    text = po.read_text(encoding="utf-8")
    edited = text.replace('msgstr "Đảng viên chính thức"', 'msgstr "Đảng viên chính thức (sửa)"')
    po.write_text(edited, encoding="utf-8")
    i18n.set_language("vi")
    assert _("Official member") == "Đảng viên chính thức (sửa)"
    second = list((paths.cache_dir() / "i18n").glob("vi-*.mo"))
    assert len(second) == 1 and second != first, "the stale compiled catalog is replaced"


def test_a_second_start_reads_the_cached_catalog(fresh_clone, monkeypatch):
    i18n.set_language("vi")
    monkeypatch.setattr(i18n, "_compiled", {})

    def no_compiling(_data):
        raise AssertionError("compiled again although the cache is fresh")

    monkeypatch.setattr(i18n, "compile_po", no_compiling)
    i18n.set_language("vi")
    assert _("Official member") == "Đảng viên chính thức"


def test_a_missing_catalog_shows_the_english_source(fresh_clone):
    shutil.rmtree(fresh_clone / "vi")
    assert i18n.set_language("vi") == "vi"
    assert _("Official member") == "Official member"


def test_a_prebuilt_mo_next_to_the_po_is_used(fresh_clone, monkeypatch):
    """A packaged build ships compiled catalogs next to the .po; nothing is compiled then."""
    from tools.i18n_catalogs import DOMAIN

    po = fresh_clone / "vi" / "LC_MESSAGES" / f"{DOMAIN}.po"
    po.with_suffix(".mo").write_bytes(i18n.compile_po(po.read_bytes()))
    monkeypatch.setattr(i18n, "compile_po", lambda _data: pytest.fail("compiled although a .mo is shipped"))
    i18n.set_language("vi")
    assert _("Official member") == "Đảng viên chính thức"


@pytest.mark.parametrize(
    ("option", "stored", "env", "expected"),
    [
        ("en", "vi", "vi_VN.UTF-8", "en"),  # the --lang option wins
        (None, "en", "vi_VN.UTF-8", "en"),  # then the setting
        (None, "", "en_US.UTF-8", "en"),  # a setting never saved: the system language
        (None, None, "vi_VN.UTF-8", "vi"),
        ("xx", "EN", "vi_VN.UTF-8", "en"),  # an unknown option is skipped
        (None, "", "fr_FR.UTF-8", "vi"),  # neither language: Vietnamese first
    ],
)
def test_choose_language(monkeypatch, option, stored, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", env)
    assert i18n.choose_language(option, stored) == expected


def test_language_names_are_written_in_their_own_language():
    assert i18n.LANGUAGE_NAMES == {"vi": "Tiếng Việt", "en": "English"}


def test_a_damaged_cached_catalog_is_compiled_again(fresh_clone, monkeypatch):
    i18n.set_language("vi")
    cached = next((paths.cache_dir() / "i18n").glob("vi-*.mo"))
    cached.write_bytes(b"\x00not a catalog")
    monkeypatch.setattr(i18n, "_compiled", {})
    assert i18n.set_language("vi") == "vi"
    assert _("Official member") == "Đảng viên chính thức"
    assert next((paths.cache_dir() / "i18n").glob("vi-*.mo")).read_bytes() != b"\x00not a catalog"


def test_an_unreadable_catalog_shows_the_english_source(fresh_clone, monkeypatch):
    def broken(_data):
        raise ValueError("broken catalog")

    monkeypatch.setattr(i18n, "compile_po", broken)
    assert i18n.set_language("vi") == "vi"
    assert _("Official member") == "Official member"


def test_a_fresh_process_translates_in_the_language_it_reports(tmp_path):
    """Nothing chose a language yet: the language in force is Vietnamese and so are the words (a report built
    by a script once came out in English under a Vietnamese dateline)."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, SOCHIBO_HOME=str(tmp_path))
    code = ("from desktop_app import i18n; print(i18n.current_language()); print(i18n._('Official member')); "
            "print(i18n.pgettext('document', 'COMMUNIST PARTY OF VIETNAM'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
                         cwd=paths.i18n_dir().parent).stdout.splitlines()
    assert out == ["vi", "Đảng viên chính thức", "ĐẢNG CỘNG SẢN VIỆT NAM"]
