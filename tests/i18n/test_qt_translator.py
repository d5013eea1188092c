"""Qt's own strings (standard buttons, context menus, print preview) come from our catalog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from desktop_app import i18n
from desktop_app.ui import qt_translator
from desktop_app.ui.qt_strings import QT_STRINGS


@pytest.fixture
def vi_app(qapp):
    lang = qt_translator.switch_language("vi", qapp)
    yield qapp
    qt_translator.switch_language("vi", qapp)
    assert lang == "vi"


def test_standard_buttons_in_vietnamese(vi_app):
    tr = qt_translator.translator()
    assert tr.translate("QPlatformTheme", "OK") == "Đồng ý"
    assert tr.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert tr.translate("QPlatformTheme", "&Yes") == "&Có"
    assert tr.translate("QPlatformTheme", "&No") == "&Không"


def test_unknown_strings_are_left_to_qt(vi_app):
    """None (not "") lets Qt keep its own text; "" would blank the button."""
    tr = qt_translator.translator()
    assert tr.translate("QPlatformTheme", "No such button") is None
    assert tr.translate("QShortcut", "Ctrl") is None
    assert tr.translate("", "OK") is None


def test_english_leaves_qt_text_alone(qapp):
    qt_translator.switch_language("en", qapp)
    try:
        assert qt_translator.translator().translate("QPlatformTheme", "Cancel") is None
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        qt_translator.switch_language("vi", qapp)


def test_every_listed_qt_string_has_a_vietnamese_translation(vi_app):
    tr = qt_translator.translator()
    missing = [(ctx, src) for ctx, src in QT_STRINGS if tr.translate(ctx, src) is None]
    assert missing == []


def test_message_box_and_button_box_show_vietnamese(vi_app, qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Có"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Không"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"


def test_line_edit_context_menu_in_vietnamese(vi_app, qtbot):
    edit = QLineEdit("Nguyễn Văn A")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert i18n.pgettext("QLineEdit", "&Paste") in texts
    assert i18n.pgettext("QLineEdit", "Select All") in texts
    assert not {"&Paste", "Select All", "&Undo"} & set(texts)


def test_switching_language_notifies_widgets_and_sets_qt_locale(qapp, qtbot):
    seen = []

    class Probe(QWidget):
        def changeEvent(self, event):
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(i18n.current_language())
            super().changeEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    try:
        assert qt_translator.switch_language("en", qapp) == "en"
        assert seen and seen[-1] == "en"
        assert QLocale().name() == "en_GB"
        assert qt_translator.switch_language("vi", qapp) == "vi"
        assert seen[-1] == "vi"
        assert QLocale().name() == "vi_VN"
        assert QLocale().toString(1234.5, "f", 1) == "1.234,5"
    finally:
        qt_translator.switch_language("vi", qapp)


def test_setup_language_prefers_the_option(qapp, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    try:
        assert qt_translator.setup_language(qapp, option="en", stored="vi") == "en"
        assert i18n.current_language() == "en"
        assert qt_translator.setup_language(qapp, option=None, stored="vi") == "vi"
    finally:
        qt_translator.switch_language("vi", qapp)


def test_reinstalling_does_not_stack_translators(vi_app):
    from PySide6.QtCore import QCoreApplication

    first = qt_translator.install_qt_translator(vi_app)
    assert qt_translator.install_qt_translator(vi_app) is first
    vi_app.removeTranslator(first)  # one removal takes it out completely
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        qt_translator.install_qt_translator(vi_app)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"


def test_print_preview_toolbar_in_vietnamese(vi_app, qtbot):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter()
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    texts = {action.text() for action in preview.findChildren(QAction)}
    assert {"Trang sau", "Trang trước", "Phóng to", "Thu nhỏ", "Vừa trang", "In"} <= texts
    assert not {"Next page", "Zoom in", "Print"} & texts
    assert preview.windowTitle() == "Xem trước khi in"
