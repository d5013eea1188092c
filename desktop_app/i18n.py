"""Translations and locale-aware formatting.

English msgids; catalogs in ``i18n/<lang>/LC_MESSAGES/desktop_app.po``. A fresh clone has no
compiled catalogs, so the ``.po`` is compiled on first use into the cache folder (and again when it
changes). ``_()`` always asks the current catalog, so switching language takes effect for every
string translated afterwards. Formatting goes through babel with explicit patterns.
"""

from __future__ import annotations

import datetime as _dt
import gettext as _gettext
import io
import os
import sys
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

DOMAIN = "desktop_app"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
# Each language named in itself: the language menu must be readable whatever language is in force.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}

# The catalog of _language, loaded on the first translation asked for: a process that never chose a language
# (a script calling a report builder) gets Vietnamese text as well as Vietnamese dates, not English words
# under a Vietnamese dateline.
_translation: _gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE
# Compiled catalogs already read in this process, keyed by (po path, mtime, size).
_compiled: dict[tuple[str, int, int], bytes] = {}


def _catalog() -> _gettext.NullTranslations:
    global _translation
    if _translation is None:
        _translation = _load(_language)
    return _translation


def _(message: str) -> str:
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _catalog().pgettext(context, message)


def N_(message: str) -> str:
    """Marks a constant for extraction; it is translated where it is shown."""
    return message


def current_language() -> str:
    return _language


def babel_locale() -> str:
    return _LOCALES.get(_language, "vi_VN")


def system_language() -> str:
    """"en" on an English system, else Vietnamese (the app is Vietnamese first).

    POSIX locale variables decide when set; on Windows (where they usually are not) the user's display
    language does.
    """
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else DEFAULT_LANGUAGE
    if sys.platform == "win32":
        try:
            import ctypes

            langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        except (AttributeError, OSError):
            return DEFAULT_LANGUAGE
        return "en" if langid & 0x3FF == 0x09 else DEFAULT_LANGUAGE  # 0x09: LANG_ENGLISH
    return DEFAULT_LANGUAGE


def choose_language(option: str | None = None, stored: str | None = None) -> str:
    """The language to start in: the ``--lang`` option, else the stored setting, else the system's.

    Pass ``settings.get(settings.LANGUAGE)`` as *stored*: it is "" while the language was never chosen.
    Unknown values are skipped rather than trusted.
    """
    for candidate in (option, stored):
        if candidate and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return system_language()


def _catalog_bytes(lang: str) -> bytes | None:
    """The compiled catalog of *lang*: a cached ``.mo`` when fresh, else compiled from the ``.po``."""
    from desktop_app import paths

    po = paths.i18n_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    prebuilt = po.with_suffix(".mo")
    if prebuilt.exists() and (not po.exists() or prebuilt.stat().st_mtime >= po.stat().st_mtime):
        return prebuilt.read_bytes()
    if not po.exists():
        return None
    stat = po.stat()
    key = (str(po), stat.st_mtime_ns, stat.st_size)
    if key in _compiled:
        return _compiled[key]
    cached = paths.cache_dir() / "i18n" / f"{lang}-{stat.st_mtime_ns}-{stat.st_size}.mo"
    if cached.exists():
        data = cached.read_bytes()
    else:
        data = compile_po(po.read_bytes())
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob(f"{lang}-*.mo"):
            old.unlink(missing_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")  # two instances may compile at once
        tmp.write_bytes(data)
        os.replace(tmp, cached)
    _compiled[key] = data
    return data


def compile_po(po_data: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_data))
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def set_language(lang: str | None) -> str:
    """Switch the catalog; returns the language in force ("vi" or "en")."""
    global _translation, _language
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    _translation = _load(lang)
    _language = lang
    return lang


def _load(lang: str) -> _gettext.NullTranslations:
    """The catalog of *lang*; a damaged cached copy is compiled again, and without any catalog the
    English source strings show (never a crash at start-up)."""
    for attempt in range(2):
        try:
            data = _catalog_bytes(lang)
            return _gettext.GNUTranslations(io.BytesIO(data)) if data else _gettext.NullTranslations()
        except Exception:  # OSError, struct.error, UnicodeDecodeError … from a damaged file
            if attempt == 0:
                _forget_compiled(lang)
    return _gettext.NullTranslations()


def _forget_compiled(lang: str) -> None:
    from desktop_app import paths

    for key in [k for k in _compiled if f"{os.sep}{lang}{os.sep}" in k[0]]:
        del _compiled[key]
    try:
        for old in (paths.cache_dir() / "i18n").glob(f"{lang}-*.mo"):
            old.unlink(missing_ok=True)
    except OSError:
        pass


# ---- formatting -------------------------------------------------------------------------


def format_date(value: _dt.date | None) -> str:
    """dd/mm/yyyy in both languages, as forms and tables show dates."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def parse_date(text: str) -> _dt.date | None:
    """A date typed as d/m/yyyy or dd/mm/yyyy (or ISO yyyy-mm-dd); None when it is not one."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        if "-" in text and len(text.split("-")[0]) == 4:
            y, m, d = (int(p) for p in text.split("-"))
        else:
            d, m, y = (int(p) for p in text.replace(".", "/").split("/"))
        if y < 1000:
            return None
        return _dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


def format_document_date(value: _dt.date, place: str = "") -> str:
    """The dateline of a Party document: 'Mường Ảng, ngày 03 tháng 11 năm 2026'.

    Days 1–9 and months 1–2 are zero-padded, as the examples of Hướng dẫn 36-HD/VPTW are.
    """
    if _language == "en":
        from babel.dates import format_date as babel_format_date

        text = babel_format_date(value, "d MMMM yyyy", locale=babel_locale())
    else:
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        text = f"ngày {value.day:02d} tháng {month} năm {value.year}"
    return f"{place}, {text}" if place else text


def format_datetime(value: _dt.datetime | None) -> str:
    if value is None:
        return ""
    return f"{format_date(value.date())} {value:%H:%M}"


# The decimal and group marks of vi_VN and en_GB as babel (CLDR) gives them, as the month names of
# reports.common are: formatting with them spares loading babel and its locale data (about 20 ms of every
# start and every report). tests/i18n/test_number_marks.py compares with babel over many values.
NUMBER_MARKS = {"vi": (",", "."), "en": (".", ",")}


def _grouped(value: Decimal, digits: int, rounding: str = ROUND_HALF_EVEN) -> str:
    """*value* rounded (half to even, as babel rounds, unless told) to *digits* decimals, with the language's
    marks."""
    rounded = value.quantize(Decimal(1).scaleb(-digits), rounding=rounding)
    decimal_mark, group_mark = NUMBER_MARKS.get(_language, NUMBER_MARKS[DEFAULT_LANGUAGE])
    return f"{rounded:,.{digits}f}".translate({ord(","): group_mark, ord("."): decimal_mark})


def format_number(value: float | int, digits: int = 0) -> str:
    """1234567.5 → '1.234.568' in Vietnamese, '1,234,568' in English (with *digits* decimals)."""
    return _grouped(Decimal(str(value)), digits)


def _exact(value: float | int | Decimal | Fraction) -> Fraction:
    if isinstance(value, float):
        return Fraction(Decimal(str(value)))  # as written (0.285), not as the binary float holds it
    return Fraction(value)


def format_percent(value: float | int | Decimal | Fraction, digits: int = 1, *, whole: int | None = None) -> str:
    """The one way figures are printed as percentages: *value* / *whole* (or *value* alone, a fraction),
    rounded half up to *digits* decimals, a whole value without decimals, in the language's marks:
    format_percent(78, whole=96) → '81,3%' (81,25 rounded up), format_percent(114, whole=100) → '114%',
    format_percent(0.256) → '25,6%' (English '25.6%'). Computed in exact arithmetic, so a half is a half
    (give the part and the whole rather than a float share). ZeroDivisionError when *whole* is 0."""
    share = _exact(value) / whole if whole is not None else _exact(value)
    hundred = share * 100
    scaled = hundred * 10 ** digits
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator) if scaled >= 0 else \
        -((-scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator))
    if rounded % 10 ** digits == 0:
        digits, rounded = 0, rounded // 10 ** digits
    return _grouped(Decimal(rounded).scaleb(-digits), digits, ROUND_HALF_UP) + "%"


def format_plan(done: int, target: int) -> str:
    """How far *done* goes towards the plan *target*, as committees write it: 'đạt 81,3% kế hoạch',
    'đạt 114% kế hoạch, vượt 14%' (English '81.3% of the plan', '114% of the plan, 14% above it')."""
    share = format_percent(done, whole=target)
    if done > target:
        return _("{percent} of the plan, {over} above it").format(percent=share,
                                                                    over=format_percent(done - target, whole=target))
    return _("{percent} of the plan").format(percent=share)
