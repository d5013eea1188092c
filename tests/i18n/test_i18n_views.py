"""Every view of the main window speaks the language chosen: no Vietnamese source text in English, no
untranslated English in Vietnamese. The database holds only ASCII data, so any Vietnamese letter in the
English window is text the program wrote itself."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop_app.ui import qt_translator
from tools import i18n_catalogs as cat

# Vietnamese that belongs in the English window too: the product's name, the search hint's examples, the name
# of the Vietnamese language in the language choice, and the examples of how a Party document header reads.
ALLOWED_VIETNAMESE = ("Sổ Chi bộ", "Nguyễn", "Đức", "Tiếng Việt", "ĐẢNG BỘ XÃ MƯỜNG ẢNG", "ĐẢNG BỘ TỈNH ĐIỆN BIÊN",
                      "Mường Ảng", "ĐU", "Chi bộ bản Co Muông", "QĐ/TW", "Việt Nam")


def visible_texts(window: QWidget) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()

    def add(kind: str, text: object) -> None:
        if text:
            found.add((kind, str(text)))

    add("window title", window.windowTitle())
    for widget in [window, *window.findChildren(QWidget)]:
        add("tooltip", widget.toolTip())
        if isinstance(widget, QLabel):
            add("label", widget.text())
        if isinstance(widget, QAbstractButton):
            add("button", widget.text())
        if isinstance(widget, QGroupBox):
            add("group", widget.title())
        if isinstance(widget, QLineEdit):
            add("placeholder", widget.placeholderText())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add("tab", widget.tabText(i))
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add("choice", widget.itemText(i))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add("list item", widget.item(i).text())
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                add("column", model.headerData(column, Qt.Orientation.Horizontal))
        for action in widget.actions():
            add("action", action.text())
            add("action tip", action.toolTip())
    return found


@pytest.fixture
def main_window(db, qtbot, tmp_path, qapp):
    """The main window over a database holding ASCII data only, every view visited once."""
    from desktop_app.services.organisation import branches, organisation
    from desktop_app.ui import navigation
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    organisation.save_organisation({"name": "Test Party Committee", "superior_body": "Upper Committee",
                                    "place": "Testville", "issuer_code": "CB", "term": "2025-2030"})
    branches.create_branch({"code": "B01", "name": "First branch", "kind": "village", "rural": True})

    def build(lang: str) -> set[tuple[str, str]]:
        qt_translator.switch_language(lang, qapp)
        window = MainWindow(AppContext(tmp_path / "test.sqlite3"))
        qtbot.addWidget(window)
        window.show()
        texts: set[tuple[str, str]] = set()
        for entry in navigation.ENTRIES:
            window.show_view(entry.key)
            texts |= visible_texts(window)
        for dialog in _dialogs(tmp_path):
            qtbot.addWidget(dialog)
            texts |= visible_texts(dialog)
        return texts

    yield build
    qt_translator.switch_language("vi", qapp)


def _dialogs(tmp_path) -> list[QWidget]:
    """The dialogs for a new member, a new candidate, a new organisation, and the Excel import wizard."""
    import datetime as dt

    from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
    from desktop_app.ui.dialogs.import_wizard import ImportWizard
    from desktop_app.ui.dialogs.member_dialog import MemberDialog
    from desktop_app.ui.dialogs.new_organisation import NewOrganisationDialog

    today = dt.date(2026, 11, 3)
    return [MemberDialog(None, today), CandidateDialog(None, today), NewOrganisationDialog(tmp_path / "new.sqlite3"),
            ImportWizard()]


def test_english_window_shows_no_vietnamese(main_window):
    texts = main_window("en")
    shown = {text for _kind, text in texts}
    assert {"Settings", "Import from Excel", "New member"} <= shown  # the views and the dialogs were looked at
    leaks = []
    for kind, text in sorted(texts):
        rest = text
        for allowed in ALLOWED_VIETNAMESE:
            rest = rest.replace(allowed, "")
        if cat.has_vietnamese(rest):
            leaks.append((kind, text))
    assert leaks == [], leaks


def _english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The code's msgids whose Vietnamese differs (or is missing), as patterns that also match them formatted."""
    vi = cat.read_catalog(cat.po_path("vi"), "vi")
    patterns = []
    for message in cat.extract_template():
        if not message.id or message.context:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        translated = vi.get(ids[0])
        strings = () if translated is None or not cat.is_translated(translated) else (
            translated.string if isinstance(translated.string, (list, tuple)) else (translated.string,))
        for msgid in ids:
            if msgid in strings:
                continue
            literal = re.sub(r"\{[^{}]*\}", " ", msgid.replace("&", ""))
            if not re.search(r"[A-Za-z]{3}", literal):
                continue  # "{years} {months}" would match anything
            parts = re.split(r"\{[^{}]*\}", msgid.replace("&", ""))
            patterns.append((msgid, re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$")))
    return patterns


def test_vietnamese_window_shows_no_untranslated_english(main_window):
    texts = main_window("vi")
    patterns = _english_patterns()
    untranslated = sorted({(kind, text, msgid) for kind, text in texts for msgid, pattern in patterns
                           if pattern.match(text.replace("&", ""))})
    assert untranslated == []
