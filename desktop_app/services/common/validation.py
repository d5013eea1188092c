"""Field checks shared by the services. Each failure becomes a translated message on its field.

This is the services' boundary for input: text is NFC with control and invisible format characters removed
(zero-width spaces, direction overrides: core.text.nfc), and text that cannot be stored at all (half of a
UTF-16 pair, from a broken copy and paste) is refused with a message, once, here."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from desktop_app.core import clock
from desktop_app.core.text import clean_name, has_lone_surrogate, nfc, shown
from desktop_app.i18n import _, format_date, parse_date
from desktop_app.services.common.errors import ValidationError

MIN_DATE = dt.date(1900, 1, 1)
MAX_TEXT = 4000
CCCD_RE = re.compile(r"^[0-9]{12}$")


class Checker:
    """Collects field errors; ``done()`` raises one ValidationError carrying them all."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.errors: dict[str, str] = {}
        self.clean: dict[str, Any] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(self, field: str, *, required: bool = False, max_length: int = MAX_TEXT, name: bool = False,
             label: str = "") -> str | None:
        if field not in self.data:
            if required:
                self.fail(field, _("{field} is required.").format(field=label or field))
            return None
        raw = self.data[field]
        if raw is None:
            value = ""
        elif isinstance(raw, str):
            if has_lone_surrogate(raw):
                self.fail(field, unstorable(label or field))
                return None
            value = clean_name(raw) if name else nfc(raw)
        elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = nfc(str(raw))
        else:
            self.fail(field, _("{field} must be text.").format(field=label or field))
            return None
        if required and not value:
            self.fail(field, _("{field} is required.").format(field=label or field))
            return None
        if len(value) > max_length:
            self.fail(field, _("{field} is too long (at most {n} characters).").format(
                field=label or field, n=max_length))
            return None
        self.clean[field] = value
        return value

    def date(self, field: str, *, required: bool = False, not_future: bool = False, label: str = "",
             minimum: dt.date = MIN_DATE, today: dt.date | None = None) -> dt.date | None:
        if field not in self.data:
            if required:
                self.fail(field, _("{field} is required.").format(field=label or field))
            return None
        raw = self.data[field]
        if raw in (None, ""):
            if required:
                self.fail(field, _("{field} is required.").format(field=label or field))
                return None
            self.clean[field] = None
            return None
        value: dt.date | None
        if isinstance(raw, dt.datetime):
            value = raw.date()
        elif isinstance(raw, dt.date):
            value = raw
        elif isinstance(raw, str):
            value = parse_date(raw)
            if value is None:
                self.fail(field, _("{field}: “{value}” is not a date (dd/mm/yyyy).").format(
                    field=label or field, value=shown(raw)))
                return None
        else:
            self.fail(field, _("{field} must be a date.").format(field=label or field))
            return None
        today = today or clock.today()
        if value < minimum:
            self.fail(field, _("{field} cannot be before {date}.").format(field=label or field,
                                                                          date=format_date(minimum)))
            return None
        if not_future and value > today:
            self.fail(field, _("{field} cannot be in the future.").format(field=label or field))
            return None
        if value.year > 2200:
            self.fail(field, _("{field} is too far in the future.").format(field=label or field))
            return None
        self.clean[field] = value
        return value

    def flag(self, field: str) -> bool | None:
        if field not in self.data:
            return None
        raw = self.data[field]
        if isinstance(raw, bool):
            value = raw
        elif raw in (0, 1, "0", "1", None, ""):
            value = raw in (1, "1")
        else:
            self.fail(field, _("{field} must be yes or no.").format(field=field))
            return None
        self.clean[field] = value
        return value

    def choice(self, field: str, allowed, *, required: bool = False, label: str = "") -> str | None:
        if field not in self.data:
            if required:
                self.fail(field, _("{field} is required.").format(field=label or field))
            return None
        raw = self.data[field]
        if raw not in allowed:
            self.fail(field, _("{field}: “{value}” is not one of the allowed values.").format(
                field=label or field, value=shown(raw)))
            return None
        self.clean[field] = raw
        return raw

    def integer(self, field: str, *, minimum: int = 0, maximum: int = 10**12, required: bool = False,
                label: str = "") -> int | None:
        if field not in self.data:
            if required:
                self.fail(field, _("{field} is required.").format(field=label or field))
            return None
        raw = self.data[field]
        if isinstance(raw, bool):
            raw = "x"
        try:
            value = int(raw) if not isinstance(raw, float) or raw.is_integer() else None
            if value is None:
                raise ValueError
        except (TypeError, ValueError):
            self.fail(field, _("{field} must be a whole number.").format(field=label or field))
            return None
        if value < minimum or value > maximum:
            self.fail(field, _("{field} must be between {low} and {high}.").format(
                field=label or field, low=minimum, high=maximum))
            return None
        self.clean[field] = value
        return value

    def cccd(self, field: str = "cccd", label: str = "") -> str | None:
        if field not in self.data:
            return None
        raw = self.data[field]
        value = shown(raw, 100) if raw not in (None, "") else ""
        # Digits of any script (full-width ones from a phone keyboard) are stored as 0-9, without spaces.
        value = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value if not c.isspace())
        if not value:
            self.clean[field] = None
            return None
        if not CCCD_RE.match(value):
            self.fail(field, _("Citizen ID must be exactly 12 digits.") if not label else
                      _("{field} must be exactly 12 digits.").format(field=label))
            return None
        self.clean[field] = value
        return value

    def done(self) -> dict[str, Any]:
        if self.errors:
            raise ValidationError(self.errors)
        return self.clean


def unstorable(field: str) -> str:
    return _("{field} contains characters that cannot be stored (a broken copy and paste?). Type it again.").format(
        field=field)


def clean_text(value: str, field: str = "text") -> str:
    """*value* as the services store free text (Checker.text): NFC, no control or invisible characters.
    Raises ValidationError for text that cannot be stored at all."""
    if has_lone_surrogate(value):
        raise ValidationError({field: unstorable(field)})
    return nfc(value) or ""


MAX_ID = 2**63 - 1


def record_id(value: Any) -> int | None:
    """*value* as a stored row id, or None when it cannot be one (text, a list, a bool, out of SQLite's
    range): ``Model.id == record_id(x)`` then matches nothing instead of failing inside SQLite."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID:
        return value
    return None
