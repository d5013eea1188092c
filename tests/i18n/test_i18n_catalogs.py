"""The committed catalogs: they compile, cover every string of the code, and keep placeholders intact."""

from __future__ import annotations

import gettext
import io
import re

import pytest
from babel.messages import checkers
from babel.messages.catalog import TranslationError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tools import i18n_catalogs as cat

LANGS = cat.LANGUAGES
BRACES = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}")  # {name}, {seconds:.1f}
QT_ARGS = re.compile(r"%(?:\d+|n)")  # Qt's %1 … and %n
PERCENT_ARGS = re.compile(r"%\([a-z_]+\)[sd]")  # %(name)s, should anyone use it
MNEMONIC = re.compile(r"&(?!&)(?=\S)")


@pytest.fixture(scope="module")
def catalogs():
    return {lang: cat.read_catalog(cat.po_path(lang), lang) for lang in LANGS}


@pytest.fixture(scope="module")
def template():
    return cat.extract_template()


def _strings(message):
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    strs = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    return ids, strs


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_compiles_without_errors(lang):
    """Strict parsing, the right number of plural forms, and a .mo that gettext reads back."""
    with cat.po_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang, abort_invalid=True)
    errors = []
    for message in catalog:
        try:
            checkers.num_plurals(catalog, message)  # babel's python_format checker misreads "% of plan"
        except TranslationError as exc:
            errors.append((message.id, str(exc)))
    assert errors == []
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    translations = gettext.GNUTranslations(io.BytesIO(out.getvalue()))
    assert translations.pgettext("QPlatformTheme", "Cancel") == ("Hủy" if lang == "vi" else "Cancel")


@pytest.mark.parametrize("lang", LANGS)
def test_no_fuzzy_entries(catalogs, lang):
    assert [cat.key_of(m) for m in catalogs[lang] if m.id and m.fuzzy] == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_of_the_code_is_in_the_catalog(catalogs, template, lang):
    missing = cat.missing_from(catalogs[lang], cat.keys(template))
    assert missing == [], f"run `python -m tools.i18n_catalogs`, then translate; {len(missing)} missing"


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_of_the_code_is_translated(catalogs, template, lang):
    wanted = cat.keys(template)
    untranslated = [k for k in cat.untranslated(catalogs[lang]) if k in wanted]
    assert untranslated == [], f"{len(untranslated)} untranslated in {lang}"


def test_catalogs_hold_no_strings_the_code_no_longer_has(catalogs, template):
    wanted = cat.keys(template)
    for lang in LANGS:
        assert sorted(cat.keys(catalogs[lang]) - wanted, key=str) == []


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(catalogs, lang):
    bad = []
    for message in catalogs[lang]:
        if not message.id or not cat.is_translated(message):
            continue
        ids, strs = _strings(message)
        for pattern in (BRACES, QT_ARGS, PERCENT_ARGS):
            expected = set(pattern.findall(ids[-1])) | set(pattern.findall(ids[0]))
            for text in strs:
                if set(pattern.findall(text)) != expected:
                    bad.append((message.context, ids[0], text))
    assert bad == []


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_mnemonics_survive_translation(catalogs, lang):
    """A menu or button text with an &-mnemonic keeps exactly one in the translation."""
    bad = []
    for message in catalogs[lang]:
        if not message.id or not cat.is_translated(message):
            continue
        ids, strs = _strings(message)
        if len(MNEMONIC.findall(ids[0])) == 1 and "<" not in ids[0]:
            bad += [(message.context, ids[0], s) for s in strs if len(MNEMONIC.findall(s)) != 1]
    assert bad == []


def test_english_catalog_repeats_english_msgids(catalogs):
    """msgids are English, so the English text is the msgid itself (except where the msgid carries Vietnamese)."""
    changed = []
    for message in catalogs["en"]:
        if message.id and isinstance(message.id, str) and not cat.has_vietnamese(message.id):
            if message.string != message.id:
                changed.append((message.context, message.id, message.string))
    assert changed == []


def test_vietnamese_catalog_declares_one_plural_form(catalogs):
    assert catalogs["vi"].num_plurals == 1
    assert catalogs["en"].num_plurals == 2


def test_document_heading_terms_are_the_official_vietnamese(catalogs):
    """Printed Party documents use the official terms (Hướng dẫn 36-HD/VPTW)."""
    vi = catalogs["vi"]
    expected = {
        "COMMUNIST PARTY OF VIETNAM": "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ON BEHALF OF THE BRANCH": "T/M CHI BỘ",
        "MINUTES": "BIÊN BẢN",
    }
    checked = 0
    for msgid, term in expected.items():
        message = vi.get(msgid, context="document")
        if message is not None:  # present while the documents use it
            assert message.string == term
            checked += 1
    assert checked


def test_status_vocabulary_uses_party_terms(catalogs):
    vi = catalogs["vi"]
    expected = {
        "Probationary member": "Đảng viên dự bị",
        "Official member": "Đảng viên chính thức",
        "Outstanding mass member": "Quần chúng ưu tú",
        "Party sympathiser": "Cảm tình Đảng",
        "Struck off": "Xóa tên",
    }
    for msgid, term in expected.items():
        assert vi.get(msgid).string == term


def test_translated_strings_are_literals():
    """``_(f"…")`` or ``_("…" + x)`` cannot be extracted or translated: placeholders go through .format()."""
    import ast

    keywords = {"_", "N_", "gettext", "ngettext", "pgettext", "npgettext"}
    bad = []
    for path in sorted((cat.ROOT / "desktop_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in keywords:
                for arg in node.args:
                    if isinstance(arg, (ast.JoinedStr, ast.BinOp)):
                        bad.append(f"{path.relative_to(cat.ROOT)}:{node.lineno}")
    assert bad == []


def test_no_message_hides_inside_an_f_string():
    # The extractor does not look inside f-strings: _("…") written there is never translated.
    import tokenize
    from pathlib import Path

    hidden = re.compile(r"\{[^{}]*\b_\(\s*['\"]")
    found = []
    for path in sorted((Path(__file__).resolve().parents[2] / "desktop_app").rglob("*.py")):
        with tokenize.open(path) as fh:
            for tok in tokenize.generate_tokens(fh.readline):
                prefix = re.match(r"[A-Za-z]*", tok.string).group().lower()
                if tok.type == tokenize.STRING and "f" in prefix and hidden.search(tok.string):
                    found.append(f"{path.name}:{tok.start[0]}")
    assert found == []
