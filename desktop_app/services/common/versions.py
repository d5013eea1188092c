"""No lost updates: every edited record carries a version number, raised by each save; a save based on an
older version is refused, naming who saved in between and when, and nothing is overwritten.

A form keeps the ``version`` of the record it shows and sends it back with its values; the service that
saves the record calls ``take`` on the data and ``expect`` on the record it read. The save itself
(store.models.Versioned) is one conditional UPDATE, so two clients saving at the same moment are ordered by
the database: the second one finds the version moved, writes nothing, and ``tx.atomic`` turns that into
``stale_error``. Who saved comes from the audit trail (the operating system's login today, the signed-in
account once there are accounts).
"""

from __future__ import annotations

from desktop_app.core import clock
from desktop_app.i18n import _
from desktop_app.services.common.errors import StaleRecordError, ValidationError
from desktop_app.store.models import AuditEntry

KEY = "version"


def take(data: dict) -> tuple[dict, int | None]:
    """*data* without its ``version``, and that version (None when the caller sent none)."""
    if KEY not in data:
        return data, None
    data = dict(data)
    value = data.pop(KEY)
    if value is None:
        return data, None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({KEY: _("The record's version is not valid.")})
    return data, value


def expect(instance, expected: int | None) -> None:
    """Refuse (StaleRecordError) when the form's *expected* version is not the one *instance* was read at;
    the save then checks that nobody saved since that read."""
    if expected is not None and instance.version != expected:
        raise stale_error(instance)


def stale_error(instance) -> StaleRecordError:
    """The refusal for a save of *instance* that someone else's save overtook, naming them."""
    entry = (AuditEntry.select(AuditEntry.actor, AuditEntry.at)
             .where(AuditEntry.record_uid == instance.uid).order_by(AuditEntry.id.desc()).first())
    who, when = (entry.actor, entry.at) if entry is not None else ("", None)
    if when is not None:
        from desktop_app.i18n import format_date

        moment = _("{time} on {date}").format(time=when.strftime("%H:%M"), date=format_date(when.date())) \
            if when.date() != clock.today() else _("{time} today").format(time=when.strftime("%H:%M"))
        text = _("{who} saved this record at {moment}, after you opened it. Your changes were not saved, so "
                 "nothing of theirs was overwritten: close it, open it again to see their version, and make "
                 "your changes there.").format(who=who or _("Someone"), moment=moment)
    else:
        text = _("Someone saved this record after you opened it. Your changes were not saved, so nothing of "
                 "theirs was overwritten: close it, open it again to see their version, and make your changes "
                 "there.")
    return StaleRecordError(text, who, when)
