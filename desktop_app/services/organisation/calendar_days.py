"""The user's extra days off and make-up working days (the Government's yearly swaps the
``holidays`` package does not know yet), kept in the Setting table, and the working-day calendar
built from them.

Stored under :data:`KEY` as ``{"off": [{"date": "2027-02-11", "note": "…"}], "working": […]}``.
:func:`load_calendar` makes that calendar the default for every deadline; call it when a
database is opened (the writes here call it themselves).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from desktop_app.core import calendar
from desktop_app.i18n import _, format_date
from desktop_app.services.common import settings
from desktop_app.services.common.errors import NotFoundError, ValidationError
from desktop_app.services.common.tx import atomic
from desktop_app.services.common.validation import Checker

KEY = settings.CALENDAR_DAYS.key
OFF = "off"
WORKING = "working"
KINDS = (OFF, WORKING)
FIRST_YEAR, LAST_YEAR = 2000, 2100

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    kind: str  # OFF or WORKING
    note: str = ""


def _read() -> dict[str, list[CalendarDay]]:
    """The stored days; entries that cannot be read are skipped (and logged), never fatal."""
    raw = settings.get(settings.CALENDAR_DAYS)
    result: dict[str, list[CalendarDay]] = {OFF: [], WORKING: []}
    for kind in KINDS:
        for item in raw.get(kind) or []:
            try:
                day = dt.date.fromisoformat(item["date"])
                note = str(item.get("note", ""))
            except (TypeError, KeyError, ValueError, AttributeError):
                log.warning("ignoring unreadable calendar entry %r", item)
                continue
            result[kind].append(CalendarDay(day, kind, note))
    # A day listed both ways (edited by hand) counts as neither.
    both = {d.date for d in result[OFF]} & {d.date for d in result[WORKING]}
    for kind in KINDS:
        result[kind] = sorted((d for d in result[kind] if d.date not in both), key=lambda d: d.date)
    return result


def _write(days: dict[str, list[CalendarDay]]) -> None:
    value = {kind: [{"date": d.date.isoformat(), "note": d.note} for d in sorted(days[kind], key=lambda d: d.date)]
             for kind in KINDS}
    settings.set(settings.CALENDAR_DAYS, value)


def build_calendar() -> calendar.WorkCalendar:
    days = _read()
    return calendar.WorkCalendar(extra_days_off=[d.date for d in days[OFF]],
                                 extra_working_days=[d.date for d in days[WORKING]])


def load_calendar() -> calendar.WorkCalendar:
    """Make the stored days part of the default working-day calendar; returns that calendar."""
    from desktop_app.services.organisation import holiday_cache

    holiday_cache.install()
    cal = build_calendar()
    calendar.set_default_calendar(cal)
    return cal


def list_days(year: int | None = None, kind: str | None = None) -> list[CalendarDay]:
    """The user's extra days, in date order (optionally of one year and one kind)."""
    days = _read()
    result = [d for k in KINDS if kind in (None, k) for d in days[k]]
    return sorted((d for d in result if year is None or d.date.year == year), key=lambda d: (d.date, d.kind))


def add_day(day, kind: str, note: str = "") -> CalendarDay:
    """Add an extra day off (a working day given off) or a make-up working day (a weekend day or
    holiday worked). Refused, with nothing written, when it would change nothing or clash."""
    check = Checker({"date": day, "kind": kind, "note": note})
    value = check.date("date", required=True, label=_("Date"))
    check.choice("kind", KINDS, required=True, label=_("Kind of day"))
    check.text("note", max_length=200, name=True, label=_("Note"))
    values = check.done()
    value = values["date"]
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError({"date": _("Choose a date between {first} and {last}.").format(
            first=FIRST_YEAR, last=LAST_YEAR)})
    days = _read()
    for k in KINDS:
        if any(d.date == value for d in days[k]):
            message = (_("{date} is already listed as an extra day off.") if k == OFF
                       else _("{date} is already listed as a make-up working day."))
            raise ValidationError({"date": message.format(date=format_date(value))})
    base = calendar.WorkCalendar()  # the package's days only, to see what the entry would change
    if kind == OFF and not base.is_working_day(value):
        raise ValidationError({"date": _("{date} is not a working day anyway.").format(date=format_date(value))})
    if kind == WORKING and base.is_working_day(value):
        raise ValidationError({"date": _("{date} is a working day anyway.").format(date=format_date(value))})
    entry = CalendarDay(value, kind, values.get("note") or "")
    days[kind].append(entry)
    with atomic():
        _write(days)
    load_calendar()
    return entry


def remove_day(day: dt.date) -> CalendarDay:
    """Remove the user's entry for *day* (either kind); NotFoundError when there is none."""
    check = Checker({"date": day})
    check.date("date", required=True, label=_("Date"))
    day = check.done()["date"]
    days = _read()
    for kind in KINDS:
        for entry in days[kind]:
            if entry.date == day:
                days[kind].remove(entry)
                with atomic():
                    _write(days)
                load_calendar()
                return entry
    raise NotFoundError(_("{date} is not among the extra days.").format(date=format_date(day)))
