"""Qt's own strings (OK, Cancel, Có/Không, the text-field context menu, print preview…) from our catalog.

PySide6 ships no Vietnamese ``qtbase_vi.qm``. Instead of a second translation file, a ``QTranslator``
answers Qt's ``translate(context, source)`` with ``pgettext(context, source)`` from the gettext catalog
in force (the strings are listed in ``qt_strings``). It returns None for anything untranslated, so Qt keeps
its English text: returning "" would blank the button.

Start-up, once the QApplication exists (and the database is open, for the stored setting)::

    setup_language(app, option=args_lang, stored=settings.get(settings.LANGUAGE))

Changing language while running: ``switch_language(lang)`` (widgets that rebuild their texts on
``QEvent.LanguageChange`` follow at once; Qt's dialogs opened afterwards are in the new language).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from desktop_app import i18n

_QT_LOCALES = {"vi": "vi_VN", "en": "en_GB"}  # en_GB: day-first dates, as in Vietnamese


class GettextTranslator(QTranslator):
    """Answers Qt from the current gettext catalog; follows ``i18n.set_language`` by itself."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if not context or not source_text:
            return None
        text = i18n.pgettext(context, source_text)
        return None if text == source_text else text

    def isEmpty(self) -> bool:
        # An "empty" translator is installed without the LanguageChange event that makes widgets re-read texts.
        return False


_translator: GettextTranslator | None = None


def translator() -> GettextTranslator:
    """The one translator of the process (a module reference keeps it alive for Qt)."""
    global _translator
    if _translator is None:
        _translator = GettextTranslator()
    return _translator


def install_qt_translator(app: QCoreApplication | None = None) -> GettextTranslator:
    """Installs (or re-installs, which tells every widget the language changed) the Qt translator."""
    app = app or QCoreApplication.instance()
    current = translator()
    if app is not None:
        app.removeTranslator(current)
        app.installTranslator(current)
    return current


def apply_qt_locale(lang: str) -> QLocale:
    """Numbers, dates and month names of Qt widgets (spin boxes, calendars) in the language's conventions."""
    locale = QLocale(_QT_LOCALES.get(lang, _QT_LOCALES[i18n.DEFAULT_LANGUAGE]))
    QLocale.setDefault(locale)
    return locale


def switch_language(lang: str | None, app: QCoreApplication | None = None) -> str:
    """Sets the language of our strings, Qt's strings and Qt's locale; returns the language in force.

    Qt posts ``LanguageChange`` to top-level widgets; the events are delivered here, so widgets are
    retranslated when this returns.
    """
    lang = i18n.set_language(lang)
    apply_qt_locale(lang)
    install_qt_translator(app)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def setup_language(app: QCoreApplication, option: str | None = None, stored: str | None = None) -> str:
    """Start-up: the ``--lang`` option, else the stored setting, else the system language; returns it."""
    return switch_language(i18n.choose_language(option, stored), app)
