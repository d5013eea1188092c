"""Personal identifiers shown masked in lists, and revealed one at a time with a trace.

A list of members on a shared office screen (or a screenshot of it) should not show whole citizen
ID or party card numbers. Lists show them masked; the form shows the whole value only after the
user asks, and each reveal is written to the audit trail (who, when, whose, which field).
"""

from __future__ import annotations

from desktop_app.i18n import _
from desktop_app.services.common import audit, settings
from desktop_app.services.common.errors import ServiceError
from desktop_app.services.common.tx import atomic
from desktop_app.services.people.people import get_person

MASK = "*"
REVEALABLE = ("cccd", "card_number", "phone")
SETTING = settings.MASK_IDS.key


def masking_enabled() -> bool:
    """Setting ``privacy.mask_ids`` (on unless turned off)."""
    return settings.get(settings.MASK_IDS)


def _mask(value: str | None, keep_start: int, keep_end: int) -> str:
    if not value:
        return ""
    text = str(value)
    if len(text) <= keep_start + keep_end + 1:  # too short to show any of it safely
        keep_start = 0
        keep_end = min(keep_end, max(0, len(text) - 3))
    hidden = len(text) - keep_start - keep_end
    return text[:keep_start] + MASK * hidden + (text[len(text) - keep_end:] if keep_end else "")


def mask_cccd(value: str | None) -> str:
    """``001070000123`` → ``00107*****23``: the province, century and birth-year digits stay, the serial goes."""
    return _mask(value, 5, 2)


def mask_card(value: str | None) -> str:
    """A party card number with all but its last three characters hidden."""
    return _mask(value, 0, 3)


def mask_phone(value: str | None) -> str:
    """``0912345678`` → ``091****678``."""
    return _mask(value, 3, 3)


MASKERS = {"cccd": mask_cccd, "card_number": mask_card, "phone": mask_phone}


def shown(field: str, value: str | None) -> str:
    """The value as a list shows it: masked when masking is on and the field is an identifier."""
    masker = MASKERS.get(field)
    if masker is None or not masking_enabled():
        return value or ""
    return masker(value)


def reveal(person_id: int, field: str) -> str:
    """The whole value of *field* of a person; the reveal is recorded in the audit trail."""
    if field not in REVEALABLE:
        raise ServiceError(_("This field cannot be revealed."))
    person = get_person(person_id)
    value = getattr(person, field) or ""
    with atomic():
        audit.record("reveal", person._meta.table_name, person.uid, None, {"field": field})
    return value
