"""The audit trail's head and the database's identity: where the chain ends (the ``audit.head`` setting: the
count and hash of the newest entry), which database it belongs to (the ``database.uid`` setting) and the
key its entries are hashed with (services.common.audit_chain). Both settings are reserved: the settings
service refuses to write them (services.common.settings.RESERVED).
"""

from __future__ import annotations

import json

from desktop_app.i18n import _
from desktop_app.services.common import audit_chain
from desktop_app.services.common.errors import ServiceError
from desktop_app.store import db as store_db
from desktop_app.store import writes
from desktop_app.store.models import AuditEntry, Setting, now

GENESIS = audit_chain.GENESIS
HEAD_KEY = "audit.head"
DATABASE_UID = "database.uid"

# AuditTrailError.problem values
HEAD_UNREADABLE, HEAD_MISMATCH, NO_IDENTITY = "head unreadable", "head mismatch", "no identity"


class AuditTrailError(ServiceError):
    """The trail cannot be continued as it stands; nothing was written. ``problem`` says why."""

    def __init__(self, problem: str):
        self.problem = problem
        if problem == HEAD_UNREADABLE:
            what = _("The audit trail is damaged: the record of its newest entry (its head) cannot be read.")
        elif problem == HEAD_MISMATCH:
            what = _("The audit trail is damaged: the record of its newest entry (its head) does not match the "
                     "trail, so entries were added or removed outside the program.")
        else:
            what = _("The audit trail is damaged: the database's identity, which its entries are tied to, is "
                     "missing.")
        super().__init__(what + " " + _("No change can be recorded, so nothing was saved. Committee staff can "
                                        "repair the trail: Audit trail → Repair the trail…, or the command "
                                        "“repair”."))


# ---- the database's identity and the chain's key ------------------------------------------------------------

_key_cache: dict[tuple, bytes] = {}


def database_uid() -> str:
    """The identity of the open database (setting ``database.uid``); "" when it has none."""
    row = Setting.get_or_none(Setting.key == DATABASE_UID)
    try:
        value = json.loads(row.value) if row is not None and row.value else ""
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


def chain_key() -> bytes:
    """The key of the open database's chain (audit_chain.chain_key). Raises AuditTrailError when the database
    has lost its identity."""
    uid = database_uid()
    if not uid:
        raise AuditTrailError(NO_IDENTITY)
    password = store_db.passphrase()
    cache_key = (uid, password)
    key = _key_cache.get(cache_key)
    if key is None:
        key = audit_chain.chain_key(uid, password)
        _key_cache.clear()  # one database at a time
        _key_cache[cache_key] = key
    return key


# ---- the head ----------------------------------------------------------------------------------------------


def read_head() -> tuple[str, int]:
    """(hash, count) recorded in ``audit.head``; the genesis for a trail never written. Raises
    AuditTrailError(HEAD_UNREADABLE) when the setting is not a head."""
    row = Setting.get_or_none(Setting.key == HEAD_KEY)
    if row is None or not row.value:
        return GENESIS, 0
    try:
        data = json.loads(row.value)
        hash_, count = data["hash"], data["count"]
    except (ValueError, TypeError, KeyError):
        raise AuditTrailError(HEAD_UNREADABLE) from None
    if not isinstance(hash_, str) or not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise AuditTrailError(HEAD_UNREADABLE)
    return hash_, count


def write_head(hash_: str, count: int) -> None:
    value = json.dumps({"hash": hash_, "count": count})
    with writes.unwatched():  # the chain's bookkeeping: the entries themselves are the change
        updated = Setting.update(value=value, updated_at=now()).where(Setting.key == HEAD_KEY).execute()
        if not updated:
            Setting.create(key=HEAD_KEY, value=value)


def newest_hash() -> str:
    """The stored hash of the newest entry (the genesis when there is none)."""
    row = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).tuples().first()
    return row[0] if row else GENESIS


def checked_head() -> tuple[str, int]:
    """The head, when the chain can go on from it: readable and matching the newest entry."""
    hash_, count = read_head()
    if newest_hash() != hash_:
        raise AuditTrailError(HEAD_MISMATCH)
    return hash_, count
