"""Small helpers every report shares: the document language, text hygiene, periods, progress."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_app import i18n
from desktop_app.core import clock

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@contextlib.contextmanager
def document_language(lang: str | None) -> Iterator[str]:
    """Build in *lang* ("vi" or "en"; None keeps the current language) and restore the previous one."""
    previous = i18n.current_language()
    wanted = lang if lang in i18n.LANGUAGES else previous
    if wanted != previous:
        i18n.set_language(wanted)
    try:
        yield wanted
    finally:
        if i18n.current_language() != previous:
            i18n.set_language(previous)


def nfc(value: object) -> str:
    """Text for reportlab: NFC (reportlab does no shaping, decomposed marks print misplaced)."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", str(value))


def escape(text: str) -> str:
    """xml.sax.saxutils.escape without its import (it brings urllib.request: ~10 ms of every report)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def markup(value: object) -> str:
    """*value* as paragraph markup: NFC and XML-escaped, so user text never breaks a paragraph."""
    return escape(nfc(value))


def upper(value: object) -> str:
    return nfc(value).upper()


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a free-text field (each becomes a paragraph)."""
    return [line.strip() for line in nfc(text).splitlines() if line.strip()]


# CLDR's wide month names of vi_VN and en_GB, as babel gives them (loading babel's locale data costs ~15 ms
# of a report that takes a few hundred); tests compare the two.
_MONTHS = {"vi": tuple(f"tháng {m}" for m in range(1, 13)),
           "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")}


def month_name(month: int) -> str:
    names = _MONTHS.get(i18n.current_language())
    if names is None:
        from babel.dates import get_month_names

        return get_month_names("wide", locale=i18n.babel_locale())[month]
    return names[month - 1]


def period(words, year: int, month: int) -> str:
    """'tháng 11 năm 2026' / 'November 2026'."""
    return words.period.format(month_name=month_name(month), month=month, year=year)


def document_date(value: dt.date) -> str:
    """A date inside a sentence: 'ngày 03 tháng 11 năm 2026' / '3 November 2026'."""
    return i18n.format_document_date(value)


def parse_month(month: object, year: int | None = None, today: dt.date | None = None) -> tuple[int, int]:
    """(year, month) from 'YYYY-MM', a date, or a month number with *year*; the current month when None."""
    today = today or clock.today()
    if month is None:
        # The month in progress, or December of a past or future year asked for.
        return (year or today.year), (today.month if year in (None, today.year) else 12)
    if isinstance(month, dt.date):
        return month.year, month.month
    if isinstance(month, str):
        text = month.strip()
        parts = text.replace("/", "-").split("-")
        try:
            if len(parts) == 2 and len(parts[0]) == 4:
                y, m = int(parts[0]), int(parts[1])
            elif len(parts) == 2 and len(parts[1]) == 4:
                m, y = int(parts[0]), int(parts[1])
            elif len(parts) == 1:
                y, m = (year or today.year), int(parts[0])
            else:
                raise ValueError(text)
        except ValueError:
            raise ValueError(text) from None
    elif isinstance(month, int) and not isinstance(month, bool):
        y, m = (year or today.year), month
    else:
        raise ValueError(str(month))
    if not 1 <= m <= 12 or not 1900 <= y <= 2200:
        raise ValueError(str(month))
    return y, m


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    ny, nm = next_month(year, month)
    return dt.date(year, month, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)


def report_progress(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


@contextlib.contextmanager
def atomic_output(out_path: str | Path) -> Iterator[Path]:
    """A temporary file next to *out_path*, moved over it only when writing succeeded."""
    target = Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
